using Finsam.Data;
using Finsam.Domain.Goals;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

/// <summary>Creates (?omrade=) or changes (/id) a målsättning of a målområde.</summary>
public class ObjectiveModel(FinsamDbContext db, GoalHandler goals) : PageModel
{
    [BindProperty]
    public ObjectiveInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "omrade")]
    public int AreaId { get; set; }

    public int? Id { get; private set; }

    /// <summary>The objective's indicators counted in words (for the removal's confirmation).</summary>
    public string Contents { get; private set; } = "";

    public GoalArea Area { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var objective = await db.Objectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (objective is null)
            {
                return NotFound();
            }

            (Id, AreaId) = (objective.Id, objective.GoalAreaId);
            Input = new ObjectiveInput { Version = objective.Version, SortOrder = objective.SortOrder, Text = objective.Text };
        }

        if (!await LoadAreaAsync(cancellationToken))
        {
            return NotFound();
        }

        if (id is null)
        {
            Input.SortOrder = await db.Objectives.Where(o => o.GoalAreaId == AreaId).MaxAsync(o => (int?)o.SortOrder, cancellationToken) + 1 ?? 1;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        var objective = id is null ? null : await db.Objectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (objective is not null)
        {
            AreaId = objective.GoalAreaId;
        }

        if ((id is not null && objective is null) || !await LoadAreaAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new ObjectiveInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var result = await goals.SaveObjectiveAsync(id, AreaId, Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = "Målsättningen är sparad.";
        return RedirectToPage("Index", new { ar = Area.Year });
    }

    /// <summary>Removes it once the user has ticked the confirmation; without the tick, the page again with the reason.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken cancellationToken)
    {
        var objective = await db.Objectives.AsNoTracking().Include(o => o.GoalArea).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (objective is null)
        {
            return NotFound();
        }

        if (!confirm)
        {
            RemoveForm.NotConfirmed(ModelState, "målsättningen");
            return await OnGetAsync(id, cancellationToken);
        }

        var result = await goals.DeleteObjectiveAsync(id, cancellationToken);
        TempData["Meddelande"] = result.Succeeded ? "Målsättningen med dess indikatorer är borttagen." : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToPage("Index", new { ar = objective.GoalArea!.Year });
    }

    private async Task<bool> LoadAreaAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var indicators = await db.Indicators.CountAsync(i => i.ObjectiveId == id, cancellationToken);
            Contents = AreaModel.Counted(indicators, "indikator", "indikatorer");
        }

        var area = await db.GoalAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == AreaId, cancellationToken);
        Area = area!;
        return area is not null;
    }
}
