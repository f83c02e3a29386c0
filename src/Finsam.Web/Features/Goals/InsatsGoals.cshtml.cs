using Finsam.Data;
using Finsam.Domain.Goals;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

/// <summary>Creates (?ar=&amp;insats=) or changes (/id) a goal of an insats for a year.</summary>
public class InsatsGoalsModel(FinsamDbContext db, InsatsGoalHandler goals) : PageModel
{
    public sealed record InsatsChoice(int Id, string Text);

    [BindProperty]
    public InsatsGoalInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "ar")]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "insats")]
    public int? InsatsId { get; set; }

    public int? Id { get; private set; }

    /// <summary>The saved goal's text and its insats (for the removal's confirmation), empty for a new goal.</summary>
    public string SavedText { get; private set; } = "";

    public string InsatsName { get; private set; } = "";

    public IReadOnlyList<InsatsChoice> Insatser { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var goal = await db.InsatsGoals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
            if (goal is null)
            {
                return NotFound();
            }

            (Id, Year, InsatsId, SavedText) = (goal.Id, goal.Year, goal.InsatsId, goal.Text);
            InsatsName = await db.Insatser.Where(i => i.Id == goal.InsatsId).Select(i => i.Code + " " + i.Name).SingleAsync(cancellationToken);
            Input = new InsatsGoalInput
            {
                Version = goal.Version, SortOrder = goal.SortOrder, Text = goal.Text, IsMainOutcome = goal.IsMainOutcome, Measure = MeasureInput.From(goal.Measure),
            };
        }
        else if (!YearFilter.InRange(Year))
        {
            return NotFound();
        }
        else
        {
            Input.Measure.Metric = GoalMetric.WorkOrStudiesShare;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        var goal = id is null ? null : await db.InsatsGoals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (id is not null && goal is null)
        {
            return NotFound();
        }

        if (goal is not null)
        {
            (Year, InsatsId, SavedText) = (goal.Year, goal.InsatsId, goal.Text);
            InsatsName = await db.Insatser.Where(i => i.Id == goal.InsatsId).Select(i => i.Code + " " + i.Name).SingleAsync(cancellationToken);
        }
        else if (!YearFilter.InRange(Year))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new InsatsGoalInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var result = await goals.SaveGoalAsync(id, Year, InsatsId, Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.Where(e => e.Field == InsatsGoalHandler.InsatsField).AddTo(ModelState, prefix: "");
            result.Errors.Where(e => e.Field != InsatsGoalHandler.InsatsField).AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = "Insatsmålet är sparat.";
        return RedirectToPage("Index", new { ar = Year });
    }

    /// <summary>Removes the goal once the user has ticked the confirmation; without the tick, the page again with the reason.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken cancellationToken)
    {
        var goal = await db.InsatsGoals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (goal is null)
        {
            return NotFound();
        }

        if (!confirm)
        {
            RemoveForm.NotConfirmed(ModelState, "insatsmålet");
            return await OnGetAsync(id, cancellationToken);
        }

        var result = await goals.DeleteGoalAsync(id, cancellationToken);
        TempData["Meddelande"] = result.Succeeded ? "Insatsmålet är borttaget." : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToPage("Index", new { ar = goal.Year });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        Insatser = await db.Insatser.AsNoTracking()
            .Where(i => i.StartDate <= to && (i.EndDate == null || i.EndDate >= from))
            .OrderBy(i => i.Code)
            .Select(i => new InsatsChoice(i.Id, i.Code + " " + i.Name))
            .ToListAsync(cancellationToken);
    }
}
