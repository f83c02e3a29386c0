using Finsam.Data;
using Finsam.Domain.Goals;
using Finsam.Web.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Pages.Mal;

/// <summary>Creates (?ar=) or changes (/id) a målområde of the förbund.</summary>
public class OmradeModel(FinsamDbContext db) : PageModel
{
    [BindProperty]
    public GoalAreaInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "ar")]
    public int Year { get; set; }

    public int? Id { get; private set; }

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
            Input = new GoalAreaInput { Version = area.Version, Number = area.Number, Name = area.Name, Assessment = area.Assessment, Comment = area.Comment };
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
        var area = id is null ? null : await db.GoalAreas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (id is not null && area is null)
        {
            return NotFound();
        }

        if (area is null && !YearFilter.InRange(Year))
        {
            return NotFound();
        }

        if (!await new GoalAreaInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        if (area is not null && area.Version != Input.Version)
        {
            ModelState.AddModelError("", GoalYears.StaleMessage);
            return Page();
        }

        area ??= db.GoalAreas.Add(new GoalArea { Year = Year, Name = "" }).Entity;
        area.Number = Input.Number;
        area.Name = Input.Name.Trim();
        area.Assessment = Input.Assessment;
        area.Comment = GoalYears.TrimOrNull(Input.Comment);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Meddelande"] = $"Målområde {area.Number} är sparat.";
        return RedirectToPage("Index", new { ar = area.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var area = await db.GoalAreas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        db.GoalAreas.Remove(area);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Meddelande"] = $"Målområde {area.Number} med dess målsättningar och indikatorer är borttaget.";
        return RedirectToPage("Index", new { ar = area.Year });
    }
}
