using Finsam.Data;
using Finsam.Domain.Organisation;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>The kansli register: every period, and adding one through <see cref="StaffHandler"/>; each is changed or removed on its own page.</summary>
public class StaffModel(FinsamDbContext db, StaffHandler handler) : PageModel
{
    [BindProperty]
    public StaffInput NewStaff { get; set; } = new();

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        NewStaff = new StaffInput { EmploymentPercent = "100" };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new StaffInputValidator().ValidateIntoAsync(NewStaff, ModelState, nameof(NewStaff), cancellationToken);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await handler.SaveAsync(null, NewStaff, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, nameof(NewStaff));
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Meddelande"] = $"{NewStaff.Name?.Trim()} är inlagd på kansliet.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Staff = StaffRules.InOrder(await db.StaffMembers.AsNoTracking().ToListAsync(cancellationToken));
}
