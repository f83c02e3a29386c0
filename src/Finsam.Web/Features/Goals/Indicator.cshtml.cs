using Finsam.Data;
using Finsam.Domain.Goals;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

/// <summary>Creates (?malsattning=) or changes (/id) an indicator: its measure, result source, assessment and comment.</summary>
public class IndicatorModel(FinsamDbContext db, GoalHandler goals) : PageModel
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "malsattning")]
    public int ObjectiveId { get; set; }

    public int? Id { get; private set; }

    public Objective Objective { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
            if (indicator is null)
            {
                return NotFound();
            }

            (Id, ObjectiveId) = (indicator.Id, indicator.ObjectiveId);
            Input = new IndicatorInput
            {
                Version = indicator.Version,
                SortOrder = indicator.SortOrder,
                Text = indicator.Text,
                Measure = MeasureInput.From(indicator.Measure),
                Assessment = indicator.Assessment,
                Comment = indicator.Comment,
            };
        }

        if (!await LoadObjectiveAsync(cancellationToken))
        {
            return NotFound();
        }

        if (id is null)
        {
            Input.SortOrder = await db.Indicators.Where(i => i.ObjectiveId == ObjectiveId).MaxAsync(i => (int?)i.SortOrder, cancellationToken) + 1 ?? 1;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        var indicator = id is null ? null : await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is not null)
        {
            ObjectiveId = indicator.ObjectiveId;
        }

        if ((id is not null && indicator is null) || !await LoadObjectiveAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new IndicatorInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var result = await goals.SaveIndicatorAsync(id, ObjectiveId, Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = "Indikatorn är sparad.";
        return RedirectToPage("Index", new { ar = Objective.GoalArea!.Year });
    }

    /// <summary>Removes it once the user has ticked the confirmation; without the tick, the page again with the reason.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Objective!.GoalArea).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        if (!confirm)
        {
            RemoveForm.NotConfirmed(ModelState, "indikatorn");
            return await OnGetAsync(id, cancellationToken);
        }

        var result = await goals.DeleteIndicatorAsync(id, cancellationToken);
        TempData["Meddelande"] = result.Succeeded ? "Indikatorn är borttagen." : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToPage("Index", new { ar = indicator.Objective!.GoalArea!.Year });
    }

    private async Task<bool> LoadObjectiveAsync(CancellationToken cancellationToken)
    {
        var objective = await db.Objectives.AsNoTracking().Include(o => o.GoalArea).SingleOrDefaultAsync(o => o.Id == ObjectiveId, cancellationToken);
        Objective = objective!;
        return objective is not null;
    }
}
