using Finsam.Data;
using Finsam.Domain.Participants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Pages.Deltagare;

public class UnderkoderModel(FinsamDbContext db) : PageModel
{
    public IReadOnlyList<EndReasonCode> Codes { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public EndReason EndReason { get; set; } = EndReason.Work;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Codes = await db.EndReasonCodes.AsNoTracking().OrderBy(c => c.EndReason).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > 100)
        {
            ModelState.AddModelError(nameof(Name), "Ange ett namn på högst 100 tecken.");
        }
        else if (!Enum.IsDefined(EndReason))
        {
            ModelState.AddModelError(nameof(EndReason), "Okänd avslutsorsak.");
        }
        else if (await db.EndReasonCodes.AnyAsync(c => c.Name == name, cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), $"Underkoden {name} finns redan.");
        }

        if (ModelState.IsValid)
        {
            db.EndReasonCodes.Add(new EndReasonCode { Name = name, EndReason = EndReason });
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage();
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        var code = await db.EndReasonCodes.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (code is null)
        {
            return NotFound();
        }

        code.IsActive = !code.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}
