using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Goals;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

/// <summary>Creating, renaming and removing a survey round and removing one of its results (adding results: <see cref="SurveyImporter"/>).</summary>
public sealed class SurveyRoundHandler(FinsamDbContext db, AuditLog audit)
{
    public const string RoundGone = "Enkätomgången finns inte längre.";

    /// <summary>Creates a round in <paramref name="year"/> (<paramref name="id"/> null) or renames one; the round's id.</summary>
    public async Task<(ChangeResult Result, int Id)> SaveAsync(int? id, int year, SurveyRoundInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new SurveyRoundInputValidator(), input, cancellationToken) is { } invalid)
        {
            return (invalid, 0);
        }

        var round = id is null ? null : await db.SurveyRounds.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && round is null)
        {
            return (ChangeResult.Refused("", RoundGone), 0);
        }

        if (await db.RefuseClosedYearAsync(round?.Year ?? year, cancellationToken) is { } closed)
        {
            return (closed, 0);
        }

        if (round is not null && db.CheckVersion(round, input.Version) is { } stale)
        {
            return (stale, 0);
        }

        round ??= db.SurveyRounds.Add(new SurveyRound { Year = year, Name = "" }).Entity;
        round.Name = input.Name.Trim();
        round.Comment = GoalYears.TrimOrNull(input.Comment);
        audit.Add(id is null ? AuditAction.Create : AuditAction.Update, "SurveyRound", id is null ? null : GoalHandler.Key(id.Value), $"{round.Year}: {round.Name}");
        var result = await db.SaveAsync(cancellationToken);
        return (result, result.Succeeded ? round.Id : 0);
    }

    /// <summary>Removes a round with its results.</summary>
    public async Task<ChangeResult> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var round = await db.SurveyRounds.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return await db.RemoveFromYearAsync(audit, round, RoundGone, r => r.Year, "SurveyRound", GoalHandler.Key(id), r => $"{r.Year}: {r.Name}", cancellationToken);
    }

    /// <summary>Removes one result of a round; null when the round has no such result.</summary>
    public async Task<ChangeResult?> DeleteResultAsync(int roundId, int resultId, CancellationToken cancellationToken)
    {
        var result = await db.SurveyResults.Include(r => r.SurveyRound).SingleOrDefaultAsync(r => r.Id == resultId && r.SurveyRoundId == roundId, cancellationToken);
        if (result is null)
        {
            return null;
        }

        if (await db.RefuseClosedYearAsync(result.SurveyRound!.Year, cancellationToken) is { } closed)
        {
            return closed;
        }

        db.SurveyResults.Remove(result);
        audit.Add(AuditAction.Delete, "SurveyResult", GoalHandler.Key(resultId), $"{result.SurveyRound.Year}: {result.SurveyRound.Name}, {result.Group}, {result.Question}");
        return await db.SaveAsync(cancellationToken);
    }
}
