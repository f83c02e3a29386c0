using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;
using Finsam.Web.Authorization;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Pages.Ekonomi;

public class MedlemsbidragModel(FinsamDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public sealed class ShareInput
    {
        public int MemberId { get; set; }

        public string Name { get; set; } = "";

        public string? Percent { get; set; }
    }

    public sealed class ContributionInput
    {
        public string? Total { get; set; }

        public List<ShareInput> Shares { get; set; } = [];
    }

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
        if (!CanEdit)
        {
            return Forbid();
        }

        Input = posted;
        var members = await db.Members.Where(m => m.IsActive).ToListAsync(cancellationToken);
        foreach (var share in posted.Shares)
        {
            share.Name = members.FirstOrDefault(m => m.Id == share.MemberId)?.Name ?? "";
        }

        if (!SwedishFormat.TryParseDecimal(posted.Total, out var total) || total < 0m)
        {
            ModelState.AddModelError("Input.Total", "Ange medlemsbidraget som ett belopp i kronor, t.ex. 9 000 000.");
        }

        var key = new List<(Member Member, decimal Percent)>();
        foreach (var share in posted.Shares)
        {
            var member = members.FirstOrDefault(m => m.Id == share.MemberId);
            if (member is null)
            {
                ModelState.AddModelError("Input.Shares", "En kommun i nyckeln finns inte bland medlemmarna.");
            }
            else if (!SwedishFormat.TryParseDecimal(share.Percent, out var percent))
            {
                ModelState.AddModelError("Input.Shares", $"Ange andelen för {member.Name} i procent, t.ex. 47.");
            }
            else
            {
                key.Add((member, percent));
            }
        }

        foreach (var problem in MemberContributions.CheckKey(key))
        {
            ModelState.AddModelError("Input.Shares", problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The year, the total and the key change together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == Year, cancellationToken);
        if (fiscalYear is null)
        {
            fiscalYear = new FiscalYear { Year = Year, StartDate = new DateOnly(Year, 1, 1), EndDate = new DateOnly(Year, 12, 31) };
            db.FiscalYears.Add(fiscalYear);
            await db.SaveChangesAsync(cancellationToken);
        }

        fiscalYear.MemberContributionTotal = total;
        await db.MunicipalityShares.Where(s => s.FiscalYearId == fiscalYear.Id).ExecuteDeleteAsync(cancellationToken);
        db.MunicipalityShares.AddRange(key.Select(k => new MunicipalityShare { FiscalYearId = fiscalYear.Id, MemberId = k.Member.Id, Percent = k.Percent }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
        CanEdit = !Closed && (await authorization.AuthorizeAsync(User, Policies.EconomyImport)).Succeeded;
        var members = await db.Members.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(cancellationToken);
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
                    Percent = shares.FirstOrDefault(s => s.MemberId == m.Id) is { } s ? SwedishFormat.Number(s.Percent, 2) : null,
                }).ToList(),
            };
        }
    }
}
