using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Economy;
using Finsam.Web.Authorization;
using Finsam.Web.Features.Organisation;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

/// <summary>
/// The year's members' contributions as the förbundsordning splits them: the total, the state's half, the region's and
/// the municipalities' shares and the municipalities' key (or an amount per member), each member's amount to the öre.
/// </summary>
public class MemberContributionsModel(FinsamDbContext db, IAuthorizationService authorization, TimeProvider clock, ContributionSplitHandler splits) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    [BindProperty]
    public ContributionSplitInput Input { get; set; } = new();

    public int Year { get; private set; }

    public bool CanEdit { get; private set; }

    public bool Closed { get; private set; }

    public bool Saved { get; private set; }

    public IReadOnlyList<MemberContributions.Contribution> Contributions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var posted = Input;
        await LoadAsync(cancellationToken);
        // The names are the year's members', whatever the form said.
        foreach (var share in posted.Shares)
        {
            share.Name = Input.Shares.FirstOrDefault(s => s.MemberId == share.MemberId)?.Name ?? share.Name;
        }

        foreach (var amount in posted.Amounts)
        {
            amount.Name = Input.Amounts.FirstOrDefault(a => a.MemberId == amount.MemberId)?.Name ?? amount.Name;
        }

        Input = posted;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await splits.SaveAsync(Year, posted, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        Saved = true;
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The year, who may edit it, each member's contribution, and the form as stored (or as proposed from last year).</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Year = RequestedYear is { } requested && YearFilter.InRange(requested) ? requested : clock.GetLocalNow().Year;
        if (RequestedYear is not null && RequestedYear != Year)
        {
            ModelState.AddModelError("ar", YearFilter.RangeMessage);
        }

        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == Year, cancellationToken);
        Closed = fiscalYear is { IsClosed: true };
        CanEdit = !Closed && await authorization.AllowsAsync(User, "/Economy/MemberContributions", HttpMethods.Post);
        Contributions = await db.MemberContributionsForYearAsync(Year, cancellationToken);
        Input = await splits.FormAsync(Year, cancellationToken);
    }
}
