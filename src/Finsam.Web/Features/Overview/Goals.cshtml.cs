using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Goals;
using Finsam.Web.Authorization;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Overview;

/// <summary>The year's goals with results and ratings, and the indicator surveys, read-only for the board and the auditors.</summary>
public class GoalsModel(FinsamDbContext db, RatingScale scale, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    public YearFilter Years { get; private set; } = null!;

    public GoalsView FederationGoals { get; private set; } = null!;

    public InsatsGoalsView InsatsGoals { get; private set; } = null!;

    public IReadOnlyList<SurveyRound> Surveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var available = await db.YearsWithEnrolmentsAsync(clock.GetLocalNow().Year, cancellationToken);
        Years = YearFilter.Choose(RequestedYear, available, unreadable: !ModelState.IsValid);
        var year = Years.Year;
        // Five years' statistics in one read: last year's results beside this year's, and each computed goal's chart.
        // Roles without person access see the results under the small-cell rule (docs/privacy.md).
        var dashboard = await GoalDashboardData.LoadAsync(db, scale, year, smallCells: !User.SeesExactCounts(), cancellationToken);
        (FederationGoals, InsatsGoals) = (dashboard.FederationGoals, dashboard.InsatsGoals);
        Surveys = await db.SurveyRounds.AsNoTracking().Include(r => r.Results).Where(r => r.Year == year).OrderBy(r => r.Name).ToListAsync(cancellationToken);
    }
}
