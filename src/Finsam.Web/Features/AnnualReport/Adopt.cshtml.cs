using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Finsam.Web.Validation;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>
/// The adoption's confirmation: what will be locked (the year, its result, equity and participants, the two files) and
/// the board's decision (date and protokoll §). Refused, with the reasons, while a check fails or the report is not ready.
/// </summary>
public class AdoptModel(AdoptionHandler adoption) : PageModel
{
    public int Year { get; private set; }

    public AdoptionHandler.Summary? Summary { get; private set; }

    [BindProperty]
    public AdoptionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        Summary = await adoption.SummaryAsync(year, cancellationToken);
        return Summary is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        var result = await adoption.AdoptAsync(year, Input, User.Identity?.Name, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            Summary = await adoption.SummaryAsync(year, cancellationToken);
            return Summary is null ? NotFound() : Page();
        }

        TempData["Meddelande"] = $"Årsredovisningen för {year} är fastställd och arkiverad, och verksamhetsåret är stängt.";
        return RedirectToPage("Index", new { ar = year });
    }
}
