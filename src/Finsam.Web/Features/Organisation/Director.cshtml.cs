using Finsam.Data;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>Changes a förbundschef's period, e.g. gives it a last day (<see cref="BoardHandler.SaveDirectorAsync"/>).</summary>
public class DirectorModel(FinsamDbContext db, BoardHandler board) : PageModel
{
    [BindProperty]
    public DirectorInput Input { get; set; } = new();

    public string SavedName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var director = await db.FederationDirectors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (director is null)
        {
            return NotFound();
        }

        Fill(director);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var director = await db.FederationDirectors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (director is null)
        {
            return NotFound();
        }

        SavedName = director.Name;
        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new DirectorInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var result = await board.SaveDirectorAsync(id, Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = $"Förbundschefen {Input.Name?.Trim()} är sparad.";
        return RedirectToPage("Board");
    }

    /// <summary>Removes the record when the user ticked the confirmation; otherwise, or when the handler refuses (a closed year), shows why.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, Guid version, bool confirm, CancellationToken cancellationToken)
    {
        var director = await db.FederationDirectors.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (director is null)
        {
            return NotFound();
        }

        ModelState.Clear();   // the edit form's fields are not part of this post
        Fill(director);
        return await RemoveForm.DeleteAsync(this, confirm, $"uppdraget för {director.Name}", () => board.DeleteDirectorAsync(id, version, cancellationToken), "Förbundschefens uppdrag är borttaget.", "Board");
    }

    private void Fill(Domain.Organisation.FederationDirector director)
    {
        SavedName = director.Name;
        Input = new DirectorInput { Version = director.Version, Name = director.Name, From = director.From, To = director.To };
    }
}
