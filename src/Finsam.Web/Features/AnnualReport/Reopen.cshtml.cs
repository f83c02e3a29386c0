using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Finsam.Web.Validation;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>
/// Reopening an adopted year, with a written reason: the archived version stays downloadable, the year opens for
/// changes, and the board must adopt the report again (the next version).
/// </summary>
public class ReopenModel(AnnualReportService reports) : PageModel
{
    public int Year { get; private set; }

    public AnnualReportService.ArchivedVersion? Current { get; private set; }

    [BindProperty]
    public ReopenInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        Current = (await reports.ArchivesAsync(year, cancellationToken)).FirstOrDefault(a => a.ReopenedAtUtc is null);
        return Current is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, [FromServices] AdoptionHandler adoption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adoption);
        Year = year;
        var result = await adoption.ReopenAsync(year, Input, User.Identity?.Name, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            Current = (await reports.ArchivesAsync(year, cancellationToken)).FirstOrDefault(a => a.ReopenedAtUtc is null);
            return Current is null ? NotFound() : Page();
        }

        TempData["Meddelande"] = $"Verksamhetsåret {year} är öppnat igen. Den arkiverade versionen finns kvar; årsredovisningen behöver fastställas på nytt.";
        return RedirectToPage("Index", new { ar = year });
    }
}
