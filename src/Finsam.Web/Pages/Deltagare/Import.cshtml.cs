using Finsam.Web.Registration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Pages.Deltagare;

[RequestSizeLimit(EnrolmentImporter.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = EnrolmentImporter.MaxFileBytes + 64 * 1024)]
public class ImportModel(EnrolmentImporter importer) : PageModel
{
    public const int ShownErrors = 500;

    public EnrolmentImporter.Outcome? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? fil, CancellationToken cancellationToken)
    {
        if (fil is null || fil.Length == 0)
        {
            ModelState.AddModelError("fil", "Välj en fil att importera.");
            return Page();
        }

        if (fil.Length > EnrolmentImporter.MaxFileBytes)
        {
            ModelState.AddModelError("fil", "Filen är större än 10 MB. Dela upp den.");
            return Page();
        }

        await using var stream = fil.OpenReadStream();
        Outcome = await importer.ImportAsync(stream, fil.FileName, cancellationToken);
        return Page();
    }
}
