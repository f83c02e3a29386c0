using Finsam.Data;
using Finsam.Web.Features.Participants;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Insatser;

public class NewModel(FinsamDbContext db, InsatsService insatser) : PageModel
{
    [BindProperty]
    public InsatsInput Input { get; set; } = new();

    public IReadOnlyList<FormChoices.MemberChoice> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Members = (await FormChoices.LoadAsync(db, cancellationToken: cancellationToken)).Members;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await new InsatsInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            var (result, id) = await insatser.CreateAsync(Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Meddelande"] = "Insatsen är skapad.";
                return RedirectToPage("Details", new { id });
            }

            result.Errors.AddTo(ModelState);
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
