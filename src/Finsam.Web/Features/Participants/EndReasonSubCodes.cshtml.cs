using Finsam.Data;
using Finsam.Domain.Participants;
using Finsam.Web.Features.Participants;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

public class EndReasonSubCodesModel(FinsamDbContext db, EndReasonCodeHandler codes) : PageModel
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
        if (ModelState.IsValid)
        {
            var result = await codes.AddAsync(Name, EndReason, cancellationToken);
            if (result.Succeeded)
            {
                return RedirectToPage();
            }

            result.Errors.AddTo(ModelState, prefix: "");
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken) =>
        await codes.ToggleAsync(id, cancellationToken) is null ? NotFound() : RedirectToPage();
}
