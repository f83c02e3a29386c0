using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Domain.Participants;
using Finsam.Domain.Participants.Import;
using Finsam.Reporting.Tabular;
using Finsam.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

/// <summary>
/// Exports enrolments in the import format, so that an exported file imported again changes nothing and an
/// edited one updates what was edited. The personnummer column is always empty: Finsam does not have the numbers.
/// </summary>
public sealed class EnrolmentExporter(FinsamDbContext db, AuditLog audit, TimeProvider clock)
{
    public sealed record Export(byte[] Content, string ContentType, string FileName, int Rows);

    public async Task<Export> ExportAsync(EnrolmentQuery query, bool excel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await query.Apply(db.Enrolments.AsNoTracking())
            .OrderBy(e => e.Insats!.Code).ThenBy(e => e.StartDate).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                e.ParticipantId,
                e.Participant!.ConsentDate,
                e.Participant.Gender,
                e.Participant.BirthYear,
                e.HomeMunicipality,
                e.Education,
                InsatsCode = e.Insats!.Code,
                e.StartDate,
                Referring = e.ReferringMember == null ? null : e.ReferringMember.Name,
                e.SupportAtStart,
                e.TimeInSupportBeforeStart,
                e.EndDate,
                e.EndReason,
                e.EndReasonSubCode,
                e.SupportAtEnd,
                e.FollowUp12Months,
                e.Version,
            })
            .ToListAsync(cancellationToken);

        var values = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Id, r.ParticipantId, null, r.ConsentDate, SwedishNames.Of(r.Gender), r.BirthYear, r.HomeMunicipality, SwedishNames.Of(r.Education),
            r.InsatsCode, r.StartDate, r.Referring, SwedishNames.Of(r.SupportAtStart), SwedishNames.Of(r.TimeInSupportBeforeStart),
            r.EndDate, r.EndReason is { } reason ? SwedishNames.Of(reason) : null, r.EndReasonSubCode, SwedishNames.Of(r.SupportAtEnd),
            r.FollowUp12Months is { } f ? SwedishNames.Of(f) : null, r.Version.ToString(),
        ]).ToList();

        await audit.RecordReadAsync(AuditAction.Export, "Enrolment", null, $"{query.Describe()}, {rows.Count} rader, {(excel ? "Excel" : "CSV")}", cancellationToken);
        var stamp = clock.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return excel
            ? new Export(TableWriter.WriteExcel("Deltaganden", EnrolmentFileFormat.Columns, values, ColumnWidths), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"deltaganden-{stamp}.xlsx", rows.Count)
            : new Export(TableWriter.WriteCsv(EnrolmentFileFormat.Columns, values), "text/csv; charset=utf-8", $"deltaganden-{stamp}.csv", rows.Count);
    }

    private static readonly double[] ColumnWidths = [13, 12, 15, 12, 16, 10, 14, 15, 9, 12, 22, 30, 22, 12, 22, 26, 30, 20, 38];
}
