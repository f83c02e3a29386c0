using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Goals;
using Finsam.Domain.Insatser;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

/// <summary>Changes to an insats's goals of a year and to its rating, each validated, refused for a closed year, version-checked and audited.</summary>
public sealed class InsatsGoalHandler(FinsamDbContext db, AuditLog audit, RatingScale scale)
{
    /// <summary>The field of the insats choice, outside the form's input.</summary>
    public const string InsatsField = "insats";

    public const string GoalGone = "Insatsmålet finns inte längre.";

    /// <summary>Creates a goal of an insats that runs during <paramref name="year"/> (<paramref name="id"/> null) or changes one.</summary>
    public async Task<ChangeResult> SaveGoalAsync(int? id, int year, int? insatsId, InsatsGoalInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var goal = id is null ? null : await db.InsatsGoals.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (id is not null && goal is null)
        {
            return ChangeResult.Refused("", GoalGone);
        }

        (year, insatsId) = goal is null ? (year, insatsId) : (goal.Year, goal.InsatsId);
        var errors = new List<FieldError>();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var kind = insatsId is null ? null : await db.Insatser
            .Where(i => i.Id == insatsId && i.StartDate <= to && (i.EndDate == null || i.EndDate >= from))
            .Select(i => (InsatsKind?)i.Kind)
            .SingleOrDefaultAsync(cancellationToken);
        if (kind is null)
        {
            errors.Add(new(InsatsField, $"Välj en insats som pågår under {year}."));
        }
        else if (kind != InsatsKind.Individual && input.Measure.Metric is not (GoalMetric.Manual or GoalMetric.Qualitative))
        {
            // A strukturinriktad insats has no participants: a computed measure would always read 0.
            errors.Add(new("Measure.Metric", "Insatsen har inga deltagare: välj ett manuellt eller kvalitativt mått."));
        }
        else if (GoalMeasure.IsEconomyMetric(input.Measure.Metric))
        {
            // The economy measures are the förbund's (its driftsredovisning and balansräkning), not an insats's.
            errors.Add(new("Measure.Metric", "Ekonomimåtten gäller förbundets indikatorer: välj ett mått för insatsens deltagare, ett manuellt eller ett kvalitativt mått."));
        }

        if (await WritePath.ValidateAsync(new InsatsGoalInputValidator(), input, cancellationToken) is { } invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(errors);
        }

        if (await db.RefuseClosedYearAsync(year, cancellationToken) is { } closed)
        {
            return closed;
        }

        if (goal is not null && db.CheckVersion(goal, input.Version) is { } stale)
        {
            return stale;
        }

        goal ??= db.InsatsGoals.Add(new InsatsGoal { InsatsId = insatsId!.Value, Year = year, Text = "" }).Entity;
        goal.Text = input.Text.Trim();
        goal.SortOrder = input.SortOrder;
        goal.IsMainOutcome = input.IsMainOutcome;
        input.Measure.ApplyTo(goal.Measure);
        audit.Add(id is null ? AuditAction.Create : AuditAction.Update, "InsatsGoal", id is null ? null : GoalHandler.Key(id.Value), $"{year}: mål för insats {insatsId}");
        return await db.SaveAsync(cancellationToken);
    }

    public async Task<ChangeResult> DeleteGoalAsync(int id, CancellationToken cancellationToken)
    {
        var goal = await db.InsatsGoals.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        return await db.RemoveFromYearAsync(audit, goal, GoalGone, g => g.Year, "InsatsGoal", GoalHandler.Key(id), g => $"{g.Year}: mål för insats {g.InsatsId}", cancellationToken);
    }

    /// <summary>Sets the rating of an insats for a year; <paramref name="suggested"/> is the rating rule's suggestion, which needs no reason.</summary>
    public async Task<ChangeResult> RateAsync(int insatsId, int year, RatingInput input, RatingLevel? suggested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new RatingInputValidator(scale, suggested), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (await db.RefuseClosedYearAsync(year, cancellationToken) is { } closed)
        {
            return closed;
        }

        var rating = await db.InsatsRatings.SingleOrDefaultAsync(r => r.InsatsId == insatsId && r.Year == year, cancellationToken);
        if (rating is null && input.Version != Guid.Empty)
        {
            return ChangeResult.Refused("", WritePath.ConcurrencyMessage);
        }

        if (rating is not null && db.CheckVersion(rating, input.Version) is { } stale)
        {
            return stale;
        }

        var created = rating is null;
        rating ??= db.InsatsRatings.Add(new InsatsRating { InsatsId = insatsId, Year = year }).Entity;
        var chosen = scale.Find(input.Rating);
        rating.Rating = chosen?.Name;
        rating.OverrideReason = chosen is not null && chosen != suggested ? GoalYears.TrimOrNull(input.OverrideReason) : null;
        rating.Comment = GoalYears.TrimOrNull(input.Comment);
        audit.Add(created ? AuditAction.Create : AuditAction.Update, "InsatsRating", $"{insatsId}/{year}",
            $"{rating.Rating ?? "enligt förslaget"}{(rating.OverrideReason is null ? "" : ", avviker från förslaget")}");
        return await db.SaveAsync(cancellationToken);
    }
}
