using Finsam.Data;
using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>The förbund's members: the list, adding one, and ending a membership (<see cref="MemberHandler"/>); a member is removed from its edit page.</summary>
public class MembersModel(FinsamDbContext db, MemberHandler members) : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public bool FederationExists { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Adds a member.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new MemberInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await members.AddAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Meddelande"] = $"{Input.Name?.Trim()} är tillagd som medlem.";
        return RedirectToPage();
    }

    /// <summary>Ends a membership on the given last day.</summary>
    public async Task<IActionResult> OnPostEndAsync(int id, [FromForm(Name = "sistaDag")] DateOnly? lastDay, Guid version, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        ModelState.Clear();   // the add form's fields are not part of this post
        if (lastDay is not { } day)
        {
            ModelState.AddModelError($"sistaDag-{id}", $"Ange sista dag som medlem för {member.Name} (ÅÅÅÅ-MM-DD).");
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await members.EndAsync(id, day, version, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"sistaDag-{id}", $"{member.Name}: {error.Message}");
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Meddelande"] = $"Medlemskapet för {member.Name} slutar {SwedishFormat.Date(day)}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        FederationExists = await db.Federations.AnyAsync(cancellationToken);
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(cancellationToken);
    }
}
