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

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(fillForm: true, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var posted = Input;
        await LoadAsync(fillForm: true, cancellationToken);
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
        await LoadAsync(fillForm: true, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(bool fillForm, CancellationToken cancellationToken)
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
        if (fillForm)
        {
            Input = await splits.FormAsync(Year, cancellationToken);
            if (Input.Version == Guid.Empty && Input.RegionPercent is null)
            {
                // A year without a split starts from the previous year's, as förbundsordningar rarely change.
                var previous = await splits.FormAsync(Year - 1, cancellationToken);
                Input.Mode = previous.Mode;
                Input.RegionPercent = previous.RegionPercent;
                Input.MunicipalityPercent = previous.MunicipalityPercent;
                foreach (var share in Input.Shares)
                {
                    share.Percent ??= previous.Shares.FirstOrDefault(s => s.MemberId == share.MemberId)?.Percent;
                }
            }
        }
    }
}
