using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Goals;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

/// <summary>
/// Changes to the förbund's goals of a year: målområden, målsättningar, indikatorer, and copying last year's goals.
/// Each change is validated, refused for a closed year, checked against the form's version, audited and saved in one go.
/// </summary>
public sealed class GoalHandler(FinsamDbContext db, AuditLog audit)
{
    public const string AreaGone = "Målområdet finns inte längre.";
    public const string ObjectiveGone = "Målsättningen finns inte längre.";
    public const string IndicatorGone = "Indikatorn finns inte längre.";

    /// <summary>Creates a målområde in <paramref name="year"/> (<paramref name="id"/> null) or changes one.</summary>
    public async Task<ChangeResult> SaveAreaAsync(int? id, int year, GoalAreaInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new GoalAreaInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var area = id is null ? null : await db.GoalAreas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (id is not null && area is null)
        {
            return ChangeResult.Refused("", AreaGone);
        }

        if (await db.RefuseClosedYearAsync(area?.Year ?? year, cancellationToken) is { } closed)
        {
            return closed;
        }

        if (area is not null && db.CheckVersion(area, input.Version) is { } stale)
        {
            return stale;
        }

        area ??= db.GoalAreas.Add(new GoalArea { Year = year, Name = "" }).Entity;
        area.Number = input.Number;
        area.Name = input.Name.Trim();
        area.Assessment = input.Assessment;
        area.AssessmentReason = input.Assessment is null ? null : GoalYears.TrimOrNull(input.AssessmentReason);
        area.Comment = GoalYears.TrimOrNull(input.Comment);
        Audit(id, "GoalArea", $"{area.Year}: målområde {area.Number} {area.Name}");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Removes a målområde with its målsättningar and indikatorer.</summary>
    public async Task<ChangeResult> DeleteAreaAsync(int id, CancellationToken cancellationToken)
    {
        var area = await db.GoalAreas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return await db.RemoveFromYearAsync(audit, area, AreaGone, a => a.Year, "GoalArea", Key(id), a => $"{a.Year}: målområde {a.Number} {a.Name}", cancellationToken);
    }

    /// <summary>Creates a målsättning in a målområde (<paramref name="id"/> null) or changes one.</summary>
    public async Task<ChangeResult> SaveObjectiveAsync(int? id, int areaId, ObjectiveInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new ObjectiveInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var objective = id is null ? null : await db.Objectives.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (id is not null && objective is null)
        {
            return ChangeResult.Refused("", ObjectiveGone);
        }

        var area = await db.GoalAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == (objective == null ? areaId : objective.GoalAreaId), cancellationToken);
        if (area is null)
        {
            return ChangeResult.Refused("", AreaGone);
        }

        if (await db.RefuseClosedYearAsync(area.Year, cancellationToken) is { } closed)
        {
            return closed;
        }

        if (objective is not null && db.CheckVersion(objective, input.Version) is { } stale)
        {
            return stale;
        }

        objective ??= db.Objectives.Add(new Objective { GoalAreaId = area.Id, Text = "" }).Entity;
        objective.Text = input.Text.Trim();
        objective.SortOrder = input.SortOrder;
        Audit(id, "Objective", $"{area.Year}: målsättning i målområde {area.Number}");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Removes a målsättning with its indikatorer.</summary>
    public async Task<ChangeResult> DeleteObjectiveAsync(int id, CancellationToken cancellationToken)
    {
        var objective = await db.Objectives.Include(o => o.GoalArea).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return await db.RemoveFromYearAsync(audit, objective, ObjectiveGone, o => o.GoalArea!.Year, "Objective", Key(id),
            o => $"{o.GoalArea!.Year}: målsättning i målområde {o.GoalArea.Number}", cancellationToken);
    }

    /// <summary>Creates an indikator of a målsättning (<paramref name="id"/> null) or changes one.</summary>
    public async Task<ChangeResult> SaveIndicatorAsync(int? id, int objectiveId, IndicatorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new IndicatorInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var indicator = id is null ? null : await db.Indicators.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (id is not null && indicator is null)
        {
            return ChangeResult.Refused("", IndicatorGone);
        }

        var objective = await db.Objectives.AsNoTracking().Include(o => o.GoalArea)
            .SingleOrDefaultAsync(o => o.Id == (indicator == null ? objectiveId : indicator.ObjectiveId), cancellationToken);
        if (objective is null)
        {
            return ChangeResult.Refused("", ObjectiveGone);
        }

        if (await db.RefuseClosedYearAsync(objective.GoalArea!.Year, cancellationToken) is { } closed)
        {
            return closed;
        }

        if (indicator is not null && db.CheckVersion(indicator, input.Version) is { } stale)
        {
            return stale;
        }

        indicator ??= db.Indicators.Add(new Indicator { ObjectiveId = objective.Id, Text = "" }).Entity;
        indicator.Text = input.Text.Trim();
        indicator.SortOrder = input.SortOrder;
        input.Measure.ApplyTo(indicator.Measure);
        indicator.Assessment = input.Assessment;
        indicator.Comment = GoalYears.TrimOrNull(input.Comment);
        Audit(id, "Indicator", $"{objective.GoalArea.Year}: indikator i målområde {objective.GoalArea.Number}");
        return await db.SaveAsync(cancellationToken);
    }

    public async Task<ChangeResult> DeleteIndicatorAsync(int id, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.Include(i => i.Objective!.GoalArea).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return await db.RemoveFromYearAsync(audit, indicator, IndicatorGone, i => i.Objective!.GoalArea!.Year, "Indicator", Key(id),
            i => $"{i.Objective!.GoalArea!.Year}: indikator i målområde {i.Objective.GoalArea.Number}", cancellationToken);
    }

    /// <summary>The message when goals cannot be copied into <paramref name="year"/>.</summary>
    public static string CannotCopyMessage(int year) => $"Målen kan bara kopieras till ett år utan mål, från ett år med mål ({year - 1}).";

    /// <summary>Copies the previous year's goals (without results, assessments or ratings) into a year without goals.</summary>
    public async Task<ChangeResult> CopyPreviousYearAsync(int year, CancellationToken cancellationToken)
    {
        if (await db.RefuseClosedYearAsync(year, cancellationToken) is { } closed)
        {
            return closed;
        }

        var empty = !await db.GoalAreas.AnyAsync(a => a.Year == year, cancellationToken) && !await db.InsatsGoals.AnyAsync(g => g.Year == year, cancellationToken);
        var areas = await db.GoalAreas.AsNoTracking().Where(a => a.Year == year - 1)
            .Include(a => a.Objectives).ThenInclude(o => o.Indicators).AsSplitQuery().ToListAsync(cancellationToken);
        var goals = await db.InsatsGoals.AsNoTracking()
            .Where(g => g.Year == year - 1 && (g.Insats!.EndDate == null || g.Insats.EndDate.Value.Year >= year)).ToListAsync(cancellationToken);
        var anyBefore = areas.Count > 0 || await db.InsatsGoals.AnyAsync(g => g.Year == year - 1, cancellationToken);
        if (!empty || !anyBefore)
        {
            return ChangeResult.Refused("", CannotCopyMessage(year));
        }

        foreach (var area in areas)
        {
            var copy = new GoalArea { Year = year, Number = area.Number, Name = area.Name };
            foreach (var objective in area.Objectives)
            {
                var o = new Objective { Text = objective.Text, SortOrder = objective.SortOrder };
                foreach (var indicator in objective.Indicators)
                {
                    o.Indicators.Add(new Indicator { Text = indicator.Text, SortOrder = indicator.SortOrder, Measure = CopyMeasure(indicator.Measure) });
                }

                copy.Objectives.Add(o);
            }

            db.GoalAreas.Add(copy);
        }

        db.InsatsGoals.AddRange(goals.Select(g => new InsatsGoal
        {
            InsatsId = g.InsatsId, Year = year, Text = g.Text, SortOrder = g.SortOrder, IsMainOutcome = g.IsMainOutcome, Measure = CopyMeasure(g.Measure),
        }));
        audit.Add(AuditAction.Create, "Goals", Key(year), $"kopierade från {year - 1}: {areas.Count} målområden, {goals.Count} insatsmål");
        return await db.SaveAsync(cancellationToken);
    }

    private static GoalMeasure CopyMeasure(GoalMeasure m) => new()
    {
        Metric = m.Metric, EndReason = m.EndReason, Direction = m.Direction, Target = m.Target, ManualUnit = m.ManualUnit,
    };

    /// <summary>A new entity's id is not known until it is saved, so its entry names it by its place instead.</summary>
    private void Audit(int? id, string entityType, string details) =>
        audit.Add(id is null ? AuditAction.Create : AuditAction.Update, entityType, id is null ? null : Key(id.Value), details);

    internal static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
