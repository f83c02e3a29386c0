using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Goals;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

/// <summary>The rating of an insats for a year: the rule's suggestion, and the kansli's override with its reason.</summary>
public class RatingModel(FinsamDbContext db, RatingScale scale, InsatsGoalHandler ratings) : PageModel
{
    [BindProperty]
    public RatingInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "ar")]
    public int Year { get; set; }

    public InsatsGoalStatus Status { get; private set; } = null!;

    public RatingScale Scale => scale;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new RatingInput
        {
            Version = Status.Rating?.Version ?? Guid.Empty,
            Rating = Status.Rating?.Rating,
            OverrideReason = Status.Rating?.OverrideReason,
            Comment = Status.Rating?.Comment,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new RatingInputValidator(scale, Status.Suggested).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var result = await ratings.RateAsync(id, Year, Input, Status.Suggested, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = $"Bedömningen av {Status.Insats.Code} för {Year} är sparad.";
        return RedirectToPage("Index", new { ar = Year });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (!YearFilter.InRange(Year) || !await db.Insatser.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return false;
        }

        // An insats without goals still gets a rating row so that it can be rated by hand.
        var both = await db.StatisticsForYearsAsync([Year - 1, Year], cancellationToken);
        var statistics = both[Year];
        var all = await db.InsatsGoalsForYearAsync(Year, statistics, scale, both[Year - 1], cancellationToken);
        var insats = await db.Insatser.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
        Status = all.FirstOrDefault(s => s.Insats.Id == id)
            ?? new InsatsGoalStatus(insats, statistics.For(id), [], RatingBasis.NothingToJudge, null, null, null);
        return true;
    }

    public static string Explain(RatingBasis basis) => basis switch
    {
        RatingBasis.AllGoalsMet => "alla mål som kan bedömas är nådda",
        RatingBasis.MainOutcomeMet => "huvudmålen är nådda men inte alla andra mål",
        RatingBasis.ProcessGoalsMet => "huvudmålet är inte nått men alla processmål är nådda",
        RatingBasis.InsatsEnded => "insatsen avslutades under året före sitt planerade slut",
        RatingBasis.NotMet => "varken huvudmålet eller alla processmål är nådda",
        _ => "inget mål kan bedömas (mål utan målvärde eller utan utfall)",
    };
}
