using Finsam.Data;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>Changes a member's name, kind, organisation number or period (<see cref="MemberHandler.UpdateAsync"/>).</summary>
public class MemberModel(FinsamDbContext db, MemberHandler members) : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public int Id { get; private set; }

    /// <summary>The member's name as saved, for the heading.</summary>
    public string SavedName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        (Id, SavedName) = (member.Id, member.Name);
        Input = new MemberInput
        {
            Version = member.Version,
            Name = member.Name,
            Kind = member.Kind,
            OrganisationNumber = member.OrganisationNumber,
            MemberFrom = member.MemberFrom,
            MemberTo = member.MemberTo,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        (Id, SavedName) = (member.Id, member.Name);
        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new MemberInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var result = await members.UpdateAsync(id, Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = $"Ändringarna för {Input.Name?.Trim()} är sparade.";
        return RedirectToPage("Members");
    }
}
