using Finsam.Data;
using Finsam.Domain.Economy.Statements;
using Finsam.Web.Features.Economy;
using Finsam.Web.Validation;
using Finsam.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

/// <summary>The account mapping of the förbund: read by everyone in economy, changed by Kansli and Förbundschef.</summary>
public class AccountMappingModel(FinsamDbContext db, IAuthorizationService authorization, AccountMappingHandler mapping) : PageModel
{
    public IReadOnlyList<AccountMappingRule> Rules { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public string? Prefix { get; set; }

    [BindProperty]
    public StatementLine Line { get; set; } = StatementLine.OperatingCosts;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var result = await mapping.SaveAsync(Prefix, Line, cancellationToken);
        result.Errors.AddTo(ModelState, prefix: "");
        if (result.Succeeded)
        {
            Message = $"Regeln för {Prefix!.Trim()} är sparad.";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var (result, removed) = await mapping.RemoveAsync(id, cancellationToken);
        if (removed is null)
        {
            return NotFound();
        }

        result.Errors.AddTo(ModelState, prefix: "");
        if (result.Succeeded)
        {
            Message = $"Regeln för {removed.Prefix} är borttagen.";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private Task<bool> MayEditAsync() => authorization.AllowsAsync(User, "/Economy/AccountMapping", HttpMethods.Post, "Save");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanEdit = await MayEditAsync();
        var rules = await db.AccountMappingRules.AsNoTracking().ToListAsync(cancellationToken);
        Rules = rules.OrderBy(r => r.Prefix, StringComparer.Ordinal).ToList();
    }
}
