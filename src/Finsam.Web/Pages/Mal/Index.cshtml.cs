using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Goals;
using Finsam.Web.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Pages.Mal;

public class IndexModel(FinsamDbContext db, RatingScale scale, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    public YearFilter Years { get; private set; } = null!;

    public GoalsView FederationGoals { get; private set; } = null!;

    public InsatsGoalsView InsatsGoals { get; private set; } = null!;

    public IReadOnlyList<SurveyRound> Surveys { get; private set; } = [];

    public bool CanCopy { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Copies the previous year's goals (without results, assessments or ratings) into an empty year.</summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CanCopy)
        {
            ModelState.AddModelError("", $"Målen kan bara kopieras till ett år utan mål, från ett år med mål ({Years.Year - 1}).");
            return Page();
        }

        var year = Years.Year;
        var areas = await db.GoalAreas.AsNoTracking().Where(a => a.Year == year - 1)
            .Include(a => a.Objectives).ThenInclude(o => o.Indicators).AsSplitQuery().ToListAsync(cancellationToken);
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

        var goals = await db.InsatsGoals.AsNoTracking().Where(g => g.Year == year - 1 && (g.Insats!.EndDate == null || g.Insats.EndDate.Value.Year >= year)).ToListAsync(cancellationToken);
        db.InsatsGoals.AddRange(goals.Select(g => new InsatsGoal
        {
            InsatsId = g.InsatsId, Year = year, Text = g.Text, SortOrder = g.SortOrder, IsMainOutcome = g.IsMainOutcome, Measure = CopyMeasure(g.Measure),
        }));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Meddelande"] = $"Målen från {year - 1} är kopierade till {year}. Resultat och bedömningar följer inte med.";
        return RedirectToPage(new { ar = year });
    }

    private static GoalMeasure CopyMeasure(GoalMeasure m) => new()
    {
        Metric = m.Metric, EndReason = m.EndReason, Direction = m.Direction, Target = m.Target, ManualUnit = m.ManualUnit,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Next year is offered too, so that the plan's goals can be entered before the year starts; the current year is the default.
        var thisYear = clock.GetLocalNow().Year;
        var available = await db.YearsWithEnrolmentsAsync(thisYear + 1, cancellationToken);
        Years = YearFilter.Choose(RequestedYear ?? thisYear, available, unreadable: !ModelState.IsValid);
        var year = Years.Year;
        var statistics = await db.StatisticsForYearAsync(year, cancellationToken);
        FederationGoals = new GoalsView(year, await db.FederationGoalsForYearAsync(year, statistics, cancellationToken), Editable: true);
        InsatsGoals = new InsatsGoalsView(year, await db.InsatsGoalsForYearAsync(year, statistics, scale, cancellationToken), Editable: true);
        Surveys = await db.SurveyRounds.AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var empty = FederationGoals.Areas.Count == 0 && InsatsGoals.Insatser.Count == 0;
        CanCopy = empty && (await db.GoalAreas.AnyAsync(a => a.Year == year - 1, cancellationToken) || await db.InsatsGoals.AnyAsync(g => g.Year == year - 1, cancellationToken));
    }
}
