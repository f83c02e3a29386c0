using Finsam.Data;
using Finsam.Domain.Organisation;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>Changes a period of the kansli register (<see cref="StaffHandler.SaveAsync"/>), or removes one entered by mistake.</summary>
public class StaffMemberModel(FinsamDbContext db, StaffHandler handler) : PageModel
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public string SavedName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (staff is null)
        {
            return NotFound();
        }

        Fill(staff);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (staff is null)
        {
            return NotFound();
        }

        SavedName = staff.Name;
        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new StaffInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var result = await handler.SaveAsync(id, Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = $"{Input.Name?.Trim()} är sparad.";
        return RedirectToPage("Staff");
    }

    /// <summary>Removes the record when the user ticked the confirmation; otherwise, or when the handler refuses (a closed year), shows why.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, Guid version, bool confirm, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (staff is null)
        {
            return NotFound();
        }

        ModelState.Clear();   // the edit form's fields are not part of this post
        Fill(staff);
        return await RemoveForm.DeleteAsync(this, confirm, $"uppgiften om {staff.Name}", () => handler.DeleteAsync(id, version, cancellationToken), "Uppgiften om kansliet är borttagen.", "Staff");
    }

    private void Fill(StaffMember staff)
    {
        SavedName = staff.Name;
        Input = new StaffInput
        {
            Version = staff.Version,
            Name = staff.Name,
            Title = staff.Title,
            EmploymentPercent = StaffRules.Number(staff.EmploymentPercent),
            From = staff.From,
            To = staff.To,
        };
    }
}
