using Finsam.Data;
using Finsam.Domain.Goals;
using Finsam.Domain.Participants.Import;
using Finsam.Reporting.Tabular;
using Finsam.Domain.Auditing;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

/// <summary>
/// Adds survey aggregates to a round from a CSV or Excel file (columns of <see cref="SurveyFileFormat"/>), or from one
/// row typed in a form. The whole file is checked first; any error refuses it and nothing changes.
/// </summary>
public sealed class SurveyImporter(FinsamDbContext db, AuditLog audit)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public sealed record Outcome(IReadOnlyList<RowError> Errors, int Added)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public async Task<Outcome> ImportAsync(int roundId, Stream file, string fileName, CancellationToken cancellationToken)
    {
        Table table;
        try
        {
            table = TableReader.Read(file, fileName);
        }
        catch (TableFormatException ex)
        {
            return new Outcome([new RowError(0, "", ex.Message)], 0);
        }

        var errors = new List<RowError>();
        var missing = SurveyFileFormat.Required.Where(c => table.ColumnOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            return new Outcome([new RowError(1, "", $"Kolumner saknas: {string.Join(", ", missing)}. Första raden ska ha kolumnnamnen {string.Join(";", SurveyFileFormat.Columns)}.")], 0);
        }

        var unknown = table.Headers.Where(h => h.Trim().Length > 0 && !SurveyFileFormat.Columns.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            return new Outcome([new RowError(1, "", $"Okända kolumner: {string.Join(", ", unknown)}.")], 0);
        }

        if (table.Rows.Count == 0)
        {
            return new Outcome([new RowError(1, "", "Filen har inga rader med resultat.")], 0);
        }

        var results = new List<SurveyResult>();
        foreach (var row in table.Rows)
        {
            if (SurveyFileFormat.Parse(row.Line, c => row[table.ColumnOf(c)], errors) is { } result)
            {
                results.Add(result);
            }
        }

        foreach (var duplicate in results.GroupBy(r => (r.Group.ToUpperInvariant(), r.Question.ToUpperInvariant())).Where(g => g.Count() > 1))
        {
            errors.Add(new RowError(0, SurveyFileFormat.Group, $"Gruppen \"{duplicate.First().Group}\" och frågan \"{duplicate.First().Question}\" finns på flera rader."));
        }

        return errors.Count > 0 ? new Outcome(errors, 0) : await AddAsync(roundId, results, cancellationToken);
    }

    /// <summary>Adds checked results; a group and question already in the round is replaced.</summary>
    public async Task<Outcome> AddAsync(int roundId, IReadOnlyList<SurveyResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        var round = await db.SurveyRounds.Include(r => r.Results).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new Outcome([new RowError(0, "", "Enkätomgången finns inte.")], 0);
        }

        if (await db.IsClosedAsync(round.Year, cancellationToken))
        {
            return new Outcome([new RowError(0, "", WritePath.ClosedYearMessage(round.Year))], 0);
        }

        foreach (var result in results)
        {
            var existing = round.Results.Where(r => string.Equals(r.Group, result.Group, StringComparison.OrdinalIgnoreCase)
                && string.Equals(r.Question, result.Question, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var old in existing)
            {
                round.Results.Remove(old);
                db.SurveyResults.Remove(old);
            }

            round.Results.Add(result);
        }

        audit.Add(AuditAction.Import, "SurveyResult", GoalHandler.Key(roundId), $"{round.Year}: {round.Name}, {results.Count} resultat");
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome([], results.Count);
    }
}
