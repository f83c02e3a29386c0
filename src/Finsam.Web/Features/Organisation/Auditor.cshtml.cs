using Finsam.Data;
using Finsam.Domain.Organisation;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>Changes an auditor's term or who appointed them (<see cref="BoardHandler.SaveAuditorAsync"/>).</summary>
public class AuditorModel(FinsamDbContext db, BoardHandler board) : PageModel
{
    [BindProperty]
    public AuditorInput Input { get; set; } = new();

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public string SavedName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var auditor = await db.Auditors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (auditor is null)
        {
            return NotFound();
        }

        await FillAsync(auditor, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var auditor = await db.Auditors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (auditor is null)
        {
            return NotFound();
        }

        await LoadAsync(auditor.Name, cancellationToken);
        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new AuditorInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var result = await board.SaveAuditorAsync(id, Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = $"Revisorn {Input.Name?.Trim()} är sparad.";
        return RedirectToPage("Board");
    }

    private async Task LoadAsync(string name, CancellationToken cancellationToken)
    {
        SavedName = name;
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Removes the record when the user ticked the confirmation; otherwise, or when the handler refuses (a closed year), shows why.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, Guid version, bool confirm, CancellationToken cancellationToken)
    {
        var auditor = await db.Auditors.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (auditor is null)
        {
            return NotFound();
        }

        ModelState.Clear();   // the edit form's fields are not part of this post
        await FillAsync(auditor, cancellationToken);
        return await RemoveForm.DeleteAsync(this, confirm, $"revisorn {auditor.Name}", () => board.DeleteAuditorAsync(id, version, cancellationToken), "Revisorn är borttagen.", "Board");
    }

    private async Task FillAsync(Domain.Organisation.Auditor auditor, CancellationToken cancellationToken)
    {
        Input = new AuditorInput
        {
            Version = auditor.Version,
            Name = auditor.Name,
            AppointedByMemberId = auditor.AppointedByMemberId,
            TermFrom = auditor.TermFrom,
            TermTo = auditor.TermTo,
        };
        await LoadAsync(auditor.Name, cancellationToken);
    }
}
