using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy.Statements;
using Finsam.Web.Auditing;
using Finsam.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Pages.Ekonomi;

/// <summary>The account mapping of the förbund: read by everyone in economy, changed by Kansli and Förbundschef.</summary>
public class KontoplanModel(FinsamDbContext db, IAuthorizationService authorization, AuditLog audit) : PageModel
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
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        var prefix = Prefix?.Trim() ?? "";
        if (prefix.Length is < 1 or > 10 || !prefix.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Prefix), "Kontoprefixet ska vara 1–10 siffror, t.ex. 19 eller 7810.");
        }
        else if (!Enum.IsDefined(Line))
        {
            ModelState.AddModelError(nameof(Line), "Okänd rad.");
        }
        else
        {
            var rule = await db.AccountMappingRules.SingleOrDefaultAsync(r => r.Prefix == prefix, cancellationToken);
            var before = rule?.Line.SwedishName();
            if (rule is null)
            {
                db.AccountMappingRules.Add(new AccountMappingRule { Prefix = prefix, Line = Line });
            }
            else
            {
                rule.Line = Line;
            }

            audit.Add(AuditAction.Update, "AccountMapping", prefix, before is null ? $"ny regel: {Line.SwedishName()}" : $"{before} → {Line.SwedishName()}");
            await db.SaveChangesAsync(cancellationToken);
            Message = $"Regeln för {prefix} är sparad.";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        var rule = await db.AccountMappingRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return NotFound();
        }

        db.AccountMappingRules.Remove(rule);
        audit.Add(AuditAction.Delete, "AccountMapping", rule.Prefix, rule.Line.SwedishName());
        await db.SaveChangesAsync(cancellationToken);
        Message = $"Regeln för {rule.Prefix} är borttagen.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> MayEditAsync() => (await authorization.AuthorizeAsync(User, Policies.EconomyImport)).Succeeded;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanEdit = await MayEditAsync();
        var rules = await db.AccountMappingRules.AsNoTracking().ToListAsync(cancellationToken);
        Rules = rules.OrderBy(r => r.Prefix, StringComparer.Ordinal).ToList();
    }
}
