using Finsam.Web.Features.Participants;
using Finsam.Web.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Participants;

// Twice the file limit is accepted so that a file somewhat too large gets the page's own message; beyond that the
// server refuses the request (413, the Swedish error page).
[RequestSizeLimit(2 * EnrolmentImporter.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * EnrolmentImporter.MaxFileBytes)]
public class ImportModel(EnrolmentImportJobs imports) : PageModel
{
    public const int ShownErrors = 500;

    public void OnGet()
    {
    }

    /// <summary>Checks the upload at once (a missing or too large file, or one of another kind, is told at the field), then runs the import as a job and shows its page.</summary>
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

        if (!EnrolmentImporter.Extensions.Contains(Path.GetExtension(fil.FileName).ToLowerInvariant()))
        {
            ModelState.AddModelError("fil", EnrolmentImporter.NotATable);
            return Page();
        }

        await using var stream = fil.OpenReadStream();
        if (await imports.SubmitAsync(stream, fil.FileName, User, cancellationToken) is not { } job)
        {
            ModelState.AddModelError("fil", JobStore.QueueFull);
            return Page();
        }

        return RedirectToPage("/Jobs/Details", new { id = job.Id });
    }
}
