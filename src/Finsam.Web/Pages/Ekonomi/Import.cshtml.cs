using Finsam.Web.Economy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Pages.Ekonomi;

[RequestSizeLimit(LedgerImporter.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = LedgerImporter.MaxFileBytes + 64 * 1024)]
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
