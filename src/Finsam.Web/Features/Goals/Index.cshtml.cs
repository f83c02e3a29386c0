using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Goals;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

public class IndexModel(FinsamDbContext db, RatingScale scale, TimeProvider clock, GoalHandler goals) : PageModel
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
        var year = Years.Year;
        var result = CanCopy ? await goals.CopyPreviousYearAsync(year, cancellationToken) : ChangeResult.Refused("", GoalHandler.CannotCopyMessage(year));
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, prefix: "");
            return Page();
        }

        TempData["Meddelande"] = $"Målen från {year - 1} är kopierade till {year}. Resultat och bedömningar följer inte med.";
        return RedirectToPage(new { ar = year });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Next year is offered too, so that the plan's goals can be entered before the year starts; the current year is the default.
        var thisYear = clock.GetLocalNow().Year;
        var available = (await db.YearsWithEnrolmentsAsync(thisYear, cancellationToken)).Prepend(thisYear + 1).ToList();
        Years = YearFilter.Choose(RequestedYear ?? thisYear, available, unreadable: !ModelState.IsValid);
        var year = Years.Year;
        // This year's and last year's statistics in one read: last year's results stand beside this year's.
        var both = await db.StatisticsForYearsAsync([year - 1, year], cancellationToken);
        var (statistics, previous) = (both[year], both[year - 1]);
        FederationGoals = new GoalsView(year, await db.FederationGoalsForYearAsync(year, statistics, previous, cancellationToken), Editable: true);
        InsatsGoals = new InsatsGoalsView(year, await db.InsatsGoalsForYearAsync(year, statistics, scale, previous, cancellationToken), Editable: true);
        Surveys = await db.SurveyRounds.AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var empty = FederationGoals.Areas.Count == 0 && InsatsGoals.Insatser.Count == 0;
        CanCopy = empty && (await db.GoalAreas.AnyAsync(a => a.Year == year - 1, cancellationToken) || await db.InsatsGoals.AnyAsync(g => g.Year == year - 1, cancellationToken));
    }
}
