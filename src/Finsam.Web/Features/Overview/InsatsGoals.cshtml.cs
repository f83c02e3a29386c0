using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Goals;
using Finsam.Web.Authorization;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Overview;

/// <summary>
/// The board's drill-down from the förbund's goals to one insats: its goals this year beside last year and the target,
/// their status and charts over the years. Aggregates only, under the small-cell rule for roles without person access;
/// the kansli's insats page (registrations) is linked only for the roles that may open it.
/// </summary>
public class InsatsGoalsModel(FinsamDbContext db, RatingScale scale, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    public YearFilter Years { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public int InsatsId { get; private set; }

    public InsatsGoalsView Goals { get; private set; } = null!;

    /// <summary>Whether the user may open the kansli's page of the insats (Kansli, Förbundschef), asked as _Layout asks.</summary>
    public bool LinksRegistrations { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var insats = await db.Insatser.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (insats is null)
        {
            return NotFound();
        }

        (InsatsId, Name) = (insats.Id, $"{insats.Code} {insats.Name}");
        var available = await db.YearsWithEnrolmentsAsync(clock.GetLocalNow().Year, cancellationToken);
        Years = YearFilter.Choose(RequestedYear, available, unreadable: !ModelState.IsValid);
        var dashboard = await GoalDashboardData.LoadAsync(db, scale, Years.Year, smallCells: !User.SeesExactCounts(), cancellationToken, onlyInsats: id);
        Goals = dashboard.InsatsGoals;
        LinksRegistrations = await authorization.AllowsAsync(User, "/Insatser/Details", HttpMethods.Get);
        return Page();
    }
}
