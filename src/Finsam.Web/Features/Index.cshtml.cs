using Finsam.Data;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Insatser;
using Finsam.Domain.Statistics;
using Finsam.Web.Authorization;
using Finsam.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features;

public class IndexModel(
    FinsamDbContext db,
    UserManager<AppUser> users,
    UserAccounts accounts,
    IAuthorizationService authorization,
    TimeProvider clock) : PageModel
{
    /// <param name="WorkOrStudiesShare">The förbund's share, on the insatser whose outcome measures apply.</param>
    public sealed record YearSummary(int Year, int ActiveInsatser, ParticipantFlow Flow, Share WorkOrStudiesShare);

    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>The year's key figures, for roles that may see aggregates.</summary>
    public YearSummary? Summary { get; private set; }

    /// <summary>Number of active accounts, for administrators.</summary>
    public int? ActiveUsers { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        DisplayName = user?.DisplayName ?? User.Identity?.Name ?? "";
        Roles = user is null ? [] : [.. await users.GetRolesAsync(user)];

        if ((await authorization.AuthorizeAsync(User, Policies.Overview)).Succeeded)
        {
            var year = clock.GetLocalNow().Year;
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            var flows = await db.FlowsForYearAsync(year, cancellationToken);
            var active = await db.Insatser.CountAsync(
                i => i.Status == InsatsStatus.Active && i.StartDate <= today && (i.EndDate == null || i.EndDate >= today),
                cancellationToken);
            Summary = new YearSummary(year, active, flows.Total, flows.TotalWorkOrStudiesShare);
        }

        if ((await authorization.AuthorizeAsync(User, Policies.Administration)).Succeeded)
        {
            ActiveUsers = await accounts.CountActiveAsync();
        }
    }
}
