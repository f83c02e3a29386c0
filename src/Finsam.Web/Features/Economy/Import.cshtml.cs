using Finsam.Web.Features.Economy;
using Finsam.Web.Jobs;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Economy;

// Twice the file limit is accepted so that a file somewhat too large gets the page's own message; beyond that the
// server refuses the request (413, the Swedish error page).
[RequestSizeLimit(2 * LedgerImporter.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * LedgerImporter.MaxFileBytes)]
public class ImportModel(LedgerImportJobs imports, PendingLedgerFiles pending, InsatsDimensionHandler dimensions) : PageModel
{
    public int Dimension { get; private set; }

    public bool DimensionSaved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Dimension = await dimensions.CurrentAsync(cancellationToken);

    /// <summary>Checks the upload at once (missing, too large, not a SIE file's name), then reads it in as a job and shows the job's page.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? fil, CancellationToken cancellationToken)
    {
        Dimension = await dimensions.CurrentAsync(cancellationToken);
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

        if (!LedgerImporter.Extensions.Contains(Path.GetExtension(fil.FileName).ToLowerInvariant()))
        {
            ModelState.AddModelError("fil", LedgerImporter.NotSie);
            return Page();
        }

        await using var stream = fil.OpenReadStream();
        return await imports.SubmitAsync(stream, fil.FileName, null, null, User, cancellationToken) is { } job
            ? RedirectToPage("/Jobs/Details", new { id = job.Id })
            : Refuse(JobStore.QueueFull);
    }

    /// <summary>Imports a kept file with the user's answers to its proposals, as a job.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string? token, bool sparaMappning, int dimension, CancellationToken cancellationToken)
    {
        Dimension = await dimensions.CurrentAsync(cancellationToken);
        if (await pending.FindAsync(token, cancellationToken) is not { } kept)
        {
            return Refuse("Den inlästa filen finns inte längre kvar på servern. Välj filen igen.");
        }

        using var stream = new MemoryStream(kept.File, writable: false);
        return await imports.SubmitAsync(stream, kept.FileName, new LedgerImporter.Confirmation(sparaMappning, dimension), token, User, cancellationToken) is { } job
            ? RedirectToPage("/Jobs/Details", new { id = job.Id })
            : Refuse(JobStore.QueueFull);
    }

    /// <summary>Saves the dimension that carries the insatser's project codes.</summary>
    public async Task<IActionResult> OnPostDimensionAsync(int dimension, CancellationToken cancellationToken)
    {
        var result = await dimensions.SaveAsync(dimension, cancellationToken);
        result.Errors.AddTo(ModelState, "");
        DimensionSaved = result.Succeeded;
        Dimension = await dimensions.CurrentAsync(cancellationToken);
        return Page();
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError("fil", message);
        return Page();
    }
}
