using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.Domain.Reports;
using Finsam.Reporting.AnnualReport;
using Finsam.Reporting.Pdf;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>The adoption form: the board's decision date (ÅÅÅÅ-MM-DD) and where it is minuted (protokoll §).</summary>
public sealed class AdoptionInput
{
    public string? DecisionDate { get; set; }

    public string? Minute { get; set; }
}

public sealed class AdoptionInputValidator : AbstractValidator<AdoptionInput>
{
    public AdoptionInputValidator()
    {
        RuleFor(i => i.DecisionDate).Must(d => SwedishFormat.TryParseDate(d, out _))
            .WithMessage("Ange datumet för styrelsens beslut som ÅÅÅÅ-MM-DD.");
        RuleFor(i => i.Minute).Must(m => !string.IsNullOrWhiteSpace(m))
            .WithMessage("Ange paragrafen i styrelsens protokoll, t.ex. § 14.")
            .MaximumLength(ReportArchive.MaxMinuteLength)
            .WithMessage($"Protokollparagrafen får vara högst {ReportArchive.MaxMinuteLength} tecken.");
    }
}

/// <summary>The reopening form: why the adopted year is reopened.</summary>
public sealed class ReopenInput
{
    public string? Reason { get; set; }
}

public sealed class ReopenInputValidator : AbstractValidator<ReopenInput>
{
    public ReopenInputValidator()
    {
        RuleFor(i => i.Reason).Must(r => (r?.Trim().Length ?? 0) >= 10)
            .WithMessage("Skriv varför verksamhetsåret öppnas igen (minst 10 tecken).")
            .MaximumLength(ReportArchive.MaxReasonLength)
            .WithMessage($"Skälet får vara högst {ReportArchive.MaxReasonLength} tecken.");
    }
}

/// <summary>
/// The board's adoption of a year's report and its reopening. Adoption generates the final PDF (stating the decision
/// date and minute) and the workbook (with the PDF's SHA-256 on its identity sheet), archives both with their hashes as
/// the next version, closes the fiscal year and audits it, in one save. Reopening keeps every archived version, opens
/// the year again and requires a new adoption.
/// </summary>
public sealed class AdoptionHandler(FinsamDbContext db, AnnualReportService reports, IPdfRenderer pdfRenderer, AuditLog audit, TimeProvider clock)
{
    /// <summary>What the confirmation page shows before the adoption: what will be locked, and what stops it.</summary>
    public sealed record Summary(
        int Year,
        DateOnly YearEnd,
        bool Adopted,
        int NextVersion,
        decimal Result,
        decimal Equity,
        int Participants,
        IReadOnlyList<string> Refusals);

    /// <summary>The year's headline and what stops its adoption; null when the year has no ledger.</summary>
    public async Task<Summary?> SummaryAsync(int year, CancellationToken cancellationToken)
    {
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var statements = await db.StatementsForYearAsync(year, cancellationToken);
        if (fiscalYear is null || statements is null)
        {
            return null;
        }

        var adopted = await db.ReportArchives.AnyAsync(a => a.Year == year && a.ReopenedAtUtc == null, cancellationToken);
        var next = (await db.ReportArchives.Where(a => a.Year == year).MaxAsync(a => (int?)a.Version, cancellationToken) ?? 0) + 1;
        var participants = (await db.StatisticsForYearAsync(year, cancellationToken)).Total.Current.Total;
        var refusals = new List<string>();
        if (adopted)
        {
            refusals.Add($"Årsredovisningen för {year} är redan fastställd.");
        }

        refusals.AddRange(statements.Checks.Where(c => !c.Passed).Select(c => $"Kontrollen \"{c.Name}\" stämmer inte."));
        refusals.AddRange(await reports.MissingAsync(year, await reports.SectionSettingsAsync(cancellationToken), cancellationToken));
        return new Summary(year, fiscalYear.EndDate, adopted, next, statements.Current.Income.ResultForTheYear, statements.Current.Closing.Equity, participants, refusals);
    }

    /// <summary>Adopts the year's report. Errors are on "DecisionDate", "Minute" or the whole form ("").</summary>
    public async Task<ChangeResult> AdoptAsync(int year, AdoptionInput input, string? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var invalid = await WritePath.ValidateAsync(new AdoptionInputValidator(), input, cancellationToken);
        if (invalid is not null || !SwedishFormat.TryParseDate(input.DecisionDate, out var decidedOn))
        {
            return invalid ?? ChangeResult.Refused(nameof(AdoptionInput.DecisionDate), "Ange datumet för styrelsens beslut som ÅÅÅÅ-MM-DD.");
        }

        var minute = NormaliseMinute(input.Minute!);
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var summary = await SummaryAsync(year, cancellationToken);
        if (fiscalYear is null || summary is null)
        {
            return ChangeResult.Refused("", $"Verksamhetsåret {year} saknar bokföring och kan inte fastställas.");
        }

        if (summary.Refusals.Count > 0)
        {
            return new ChangeResult(summary.Refusals.Select(r => new FieldError("", r)).ToList());
        }

        if (await db.RefuseClosedYearAsync(year, cancellationToken) is { } closed)
        {
            return closed;
        }

        if (decidedOn <= fiscalYear.EndDate)
        {
            return ChangeResult.Refused(nameof(AdoptionInput.DecisionDate),
                $"Styrelsen kan inte fastställa årsredovisningen före verksamhetsårets slut ({SwedishFormat.Date(fiscalYear.EndDate)}).");
        }

        if (decidedOn > DateOnly.FromDateTime(clock.GetLocalNow().Date))
        {
            return ChangeResult.Refused(nameof(AdoptionInput.DecisionDate), "Beslutsdatumet kan inte vara i framtiden.");
        }

        var statements = (await db.StatementsForYearAsync(year, cancellationToken))!;
        var model = await reports.BuildAsync(year, statements, new ReportAdoption(decidedOn, minute, summary.NextVersion), cancellationToken);
        var pdf = await AnnualReportPdf.RenderAsync(model, pdfRenderer, cancellationToken);
        var pdfSha256 = ContentHash.Sha256(pdf);
        var workbook = await reports.WorkbookAsync(model, pdfSha256, cancellationToken);
        var workbookSha256 = ContentHash.Sha256(workbook);
        db.ReportArchives.Add(new ReportArchive
        {
            Year = year,
            Version = summary.NextVersion,
            AdoptedOn = decidedOn,
            DecisionMinute = minute,
            AdoptedBy = user,
            ArchivedAtUtc = clock.GetUtcNow().UtcDateTime,
            Pdf = pdf,
            PdfSha256 = pdfSha256,
            Workbook = workbook,
            WorkbookSha256 = workbookSha256,
            Model = ReportJson.Serialize(model),
        });
        fiscalYear.Status = FiscalYearStatus.Closed;
        fiscalYear.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditAction.Update, "AnnualReport", AnnualReportService.Key(year),
            $"fastställd av styrelsen {SwedishFormat.Date(decidedOn)}, {minute} (version {summary.NextVersion}); verksamhetsåret stängt; PDF {pdfSha256}, Excel {workbookSha256}");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Reopens an adopted year: the archived versions stay, the year opens, a new adoption is needed. Errors are on "Reason" or "".</summary>
    public async Task<ChangeResult> ReopenAsync(int year, ReopenInput input, string? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new ReopenInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var archive = await db.ReportArchives.SingleOrDefaultAsync(a => a.Year == year && a.ReopenedAtUtc == null, cancellationToken);
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (archive is null || fiscalYear is null)
        {
            return ChangeResult.Refused("", $"Årsredovisningen för {year} är inte fastställd, så det finns inget att öppna igen.");
        }

        var reason = input.Reason!.Trim();
        archive.ReopenedAtUtc = clock.GetUtcNow().UtcDateTime;
        archive.ReopenedBy = user;
        archive.ReopenReason = reason;
        fiscalYear.Status = FiscalYearStatus.Open;
        fiscalYear.ClosedAtUtc = null;
        audit.Add(AuditAction.Update, "AnnualReport", AnnualReportService.Key(year),
            $"verksamhetsåret öppnat igen efter version {archive.Version} (fastställd {SwedishFormat.Date(archive.AdoptedOn)}, {archive.DecisionMinute}); skäl: {reason}");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>"14", "§14" and "§ 14" are all written "§ 14"; anything else ("protokoll 2026:3 § 14") is kept as typed.</summary>
    public static string NormaliseMinute(string minute)
    {
        ArgumentNullException.ThrowIfNull(minute);
        var text = minute.Trim();
        var digits = text.TrimStart('§').Trim();
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? "§ " + digits : text;
    }
}
