using Finsam.Data;
using Finsam.Domain.Goals;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

/// <summary>Creates (?ar=) or changes (/id) a målområde of the förbund.</summary>
public class AreaModel(FinsamDbContext db, GoalHandler goals) : PageModel
{
    [BindProperty]
    public GoalAreaInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "ar")]
    public int Year { get; set; }

    public int? Id { get; private set; }

    /// <summary>What a removal takes with it (for its confirmation), e.g. "2 målsättningar och 5 indikatorer".</summary>
    public string Contents { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var area = await db.GoalAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (area is null)
            {
                return NotFound();
            }

            (Id, Year) = (area.Id, area.Year);
            Contents = await ContentsAsync(db, area.Id, cancellationToken);
            Input = new GoalAreaInput { Version = area.Version, Number = area.Number, Name = area.Name, Assessment = area.Assessment, AssessmentReason = area.AssessmentReason, Comment = area.Comment };
        }
        else if (!YearFilter.InRange(Year))
        {
            return NotFound();
        }
        else
        {
            Input.Number = await db.GoalAreas.Where(a => a.Year == Year).MaxAsync(a => (int?)a.Number, cancellationToken) + 1 ?? 1;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        var area = id is null ? null : await db.GoalAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if ((id is not null && area is null) || (area is null && !YearFilter.InRange(Year)))
        {
            return NotFound();
        }

        Year = area?.Year ?? Year;
        if (area is not null)
        {
            Contents = await ContentsAsync(db, area.Id, cancellationToken);
        }
        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new GoalAreaInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var result = await goals.SaveAreaAsync(id, Year, Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = $"Målområde {Input.Number} är sparat.";
        return RedirectToPage("Index", new { ar = Year });
    }

    /// <summary>Removes it once the user has ticked the confirmation; without the tick, the page again with the reason.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken cancellationToken)
    {
        var area = await db.GoalAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        if (!confirm)
        {
            RemoveForm.NotConfirmed(ModelState, "målområdet");
            return await OnGetAsync(id, cancellationToken);
        }

        var result = await goals.DeleteAreaAsync(id, cancellationToken);
        TempData["Meddelande"] = result.Succeeded
            ? $"Målområde {area.Number} med dess målsättningar och indikatorer är borttaget."
            : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToPage("Index", new { ar = area.Year });
    }

    /// <summary>The objectives and indicators of a goal area, counted in words.</summary>
    internal static async Task<string> ContentsAsync(FinsamDbContext db, int areaId, CancellationToken cancellationToken)
    {
        var objectives = await db.Objectives.CountAsync(o => o.GoalAreaId == areaId, cancellationToken);
        var indicators = await db.Indicators.CountAsync(i => db.Objectives.Any(o => o.Id == i.ObjectiveId && o.GoalAreaId == areaId), cancellationToken);
        return string.Join(" och ", new[] { Counted(objectives, "målsättning", "målsättningar"), Counted(indicators, "indikator", "indikatorer") }.Where(c => c.Length > 0));
    }

    /// <summary>"1 indikator", "3 indikatorer", and "" for none.</summary>
    internal static string Counted(int count, string one, string many) =>
        count switch { 0 => "", 1 => $"1 {one}", _ => $"{count} {many}" };
}
