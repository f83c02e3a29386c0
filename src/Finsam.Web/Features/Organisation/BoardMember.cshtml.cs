using Finsam.Data;
using Finsam.Domain.Organisation;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>Changes a board term, e.g. gives it a last day (<see cref="BoardHandler.SaveBoardMemberAsync"/>).</summary>
public class BoardMemberModel(FinsamDbContext db, BoardHandler board) : PageModel
{
    [BindProperty]
    public BoardAssignmentInput Input { get; set; } = new();

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public string SavedName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var assignment = await db.BoardAssignments.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (assignment is null)
        {
            return NotFound();
        }

        await FillAsync(assignment, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var assignment = await db.BoardAssignments.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (assignment is null)
        {
            return NotFound();
        }

        await LoadAsync(assignment.Name, cancellationToken);
        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new BoardAssignmentInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var result = await board.SaveBoardMemberAsync(id, Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = $"Styrelseuppdraget för {Input.Name?.Trim()} är sparat.";
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
        var assignment = await db.BoardAssignments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (assignment is null)
        {
            return NotFound();
        }

        ModelState.Clear();   // the edit form's fields are not part of this post
        await FillAsync(assignment, cancellationToken);
        return await RemoveForm.DeleteAsync(this, confirm, $"styrelseuppdraget för {assignment.Name}", () => board.DeleteBoardMemberAsync(id, version, cancellationToken), "Styrelseuppdraget är borttaget.", "Board");
    }

    private async Task FillAsync(Domain.Organisation.BoardAssignment assignment, CancellationToken cancellationToken)
    {
        Input = new BoardAssignmentInput
        {
            Version = assignment.Version,
            Name = assignment.Name,
            MemberId = assignment.MemberId,
            Role = assignment.Role,
            Seat = assignment.Seat,
            Office = assignment.Office,
            TermFrom = assignment.TermFrom,
            TermTo = assignment.TermTo,
        };
        await LoadAsync(assignment.Name, cancellationToken);
    }
}
