using Finsam.Data;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>
/// Changes a member's name, kind, organisation number or period (<see cref="MemberHandler.UpdateAsync"/>), or removes
/// a member nothing refers to, once the user has confirmed it (<see cref="MemberHandler.DeleteAsync"/>).
/// </summary>
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

        Fill(member);
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

    /// <summary>Removes the member when the user ticked the confirmation; otherwise, or when the handler refuses (the member is referred to: end the membership instead), shows why.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, Guid version, bool confirm, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        ModelState.Clear();   // the edit form's fields are not part of this post
        Fill(member);
        return await RemoveForm.DeleteAsync(this, confirm, member.Name, () => members.DeleteAsync(id, version, cancellationToken), $"{member.Name} är borttagen.", "Members");
    }

    private void Fill(Domain.Organisation.Member member)
    {
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
    }
}
