using Finsam.Web.Features.Participants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Participants;

// Twice the file limit is accepted so that a file somewhat too large gets the page's own message; beyond that the
// server refuses the request (413, the Swedish error page).
[RequestSizeLimit(2 * EnrolmentImporter.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * EnrolmentImporter.MaxFileBytes)]
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
