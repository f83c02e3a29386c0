using Finsam.Web.Features.Economy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Economy;

// Twice the file limit is accepted so that a file somewhat too large gets the page's own message; beyond that the
// server refuses the request (413, the Swedish error page).
[RequestSizeLimit(2 * LedgerImporter.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * LedgerImporter.MaxFileBytes)]
public class ImportModel(LedgerImporter importer) : PageModel
{
    public LedgerImporter.Outcome? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? fil, CancellationToken cancellationToken)
    {
        if (fil is null || fil.Length == 0)
        {
            ModelState.AddModelError("fil", "Välj en SIE-fil att läsa in.");
            return Page();
        }

        if (fil.Length > LedgerImporter.MaxFileBytes)
        {
            ModelState.AddModelError("fil", "Filen är större än 100 MB.");
            return Page();
        }

        using var buffer = new MemoryStream((int)fil.Length);
        await fil.CopyToAsync(buffer, cancellationToken);
        Outcome = await importer.ImportAsync(buffer.ToArray(), fil.FileName, cancellationToken);
        if (!Outcome.Succeeded)
        {
            ModelState.AddModelError("fil", Outcome.Error!);
        }

        return Page();
    }
}
