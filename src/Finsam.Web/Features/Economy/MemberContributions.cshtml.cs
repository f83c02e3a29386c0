using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;
using Finsam.Web.Authorization;
using Finsam.Web.Features.Economy;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

public class MemberContributionsModel(FinsamDbContext db, IAuthorizationService authorization, TimeProvider clock, MemberContributionHandler contributions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    [BindProperty]
    public ContributionInput Input { get; set; } = new();

    public int Year { get; private set; }

    public bool CanEdit { get; private set; }

    public bool Closed { get; private set; }

    public bool Saved { get; private set; }

    public IReadOnlyList<MemberContributions.Contribution> Contributions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(fillForm: true, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var posted = Input;
        await LoadAsync(fillForm: false, cancellationToken);
        Input = posted;
        var names = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        foreach (var share in posted.Shares)
        {
            share.Name = names.GetValueOrDefault(share.MemberId, "");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await contributions.SaveAsync(Year, posted, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        Saved = true;
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
        var members = await db.MembersOfYearAsync(Year, cancellationToken);
        var shares = fiscalYear is null
            ? []
            : await db.MunicipalityShares.AsNoTracking().Where(s => s.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken);
        Contributions = await db.MemberContributionsForYearAsync(Year, cancellationToken);
        if (fillForm)
        {
            Input = new ContributionInput
            {
                Total = fiscalYear?.MemberContributionTotal is { } t ? SwedishFormat.Number(t, 2) : null,
                Shares = members.Where(m => m.Kind == MemberKind.Municipality).Select(m => new ShareInput
                {
                    MemberId = m.Id,
                    Name = m.Name,
                    Percent = shares.FirstOrDefault(s => s.MemberId == m.Id) is { } s ? SwedishFormat.Number(s.Percent, Math.Max(2, MemberContributions.Decimals(s.Percent))) : null,
                }).ToList(),
            };
        }
    }
}
