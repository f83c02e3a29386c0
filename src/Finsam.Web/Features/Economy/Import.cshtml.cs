using Finsam.Web.Features.Economy;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Economy;

// Twice the file limit is accepted so that a file somewhat too large gets the page's own message; beyond that the
// server refuses the request (413, the Swedish error page).
[RequestSizeLimit(2 * LedgerImporter.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * LedgerImporter.MaxFileBytes)]
public class ImportModel(LedgerImporter importer, PendingLedgerFiles pending, InsatsDimensionHandler dimensions) : PageModel
{
    public LedgerImporter.Outcome? Outcome { get; private set; }

    /// <summary>The kept file of an import waiting for confirmation.</summary>
    public string? Token { get; private set; }

    public int Dimension { get; private set; }

    public bool DimensionSaved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Dimension = await dimensions.CurrentAsync(cancellationToken);

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

        using var buffer = new MemoryStream((int)fil.Length);
        await fil.CopyToAsync(buffer, cancellationToken);
        var file = buffer.ToArray();
        Outcome = await importer.ImportAsync(file, fil.FileName, cancellationToken);
        if (Outcome.NeedsConfirmation)
        {
            Token = await pending.KeepAsync(file, fil.FileName, cancellationToken);
        }
        else if (!Outcome.Succeeded)
        {
            ModelState.AddModelError("fil", Outcome.Error!);
        }

        return Page();
    }

    /// <summary>Imports a kept file with the user's answers to its proposals.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string? token, bool sparaMappning, int dimension, CancellationToken cancellationToken)
    {
        Dimension = await dimensions.CurrentAsync(cancellationToken);
        if (await pending.FindAsync(token, cancellationToken) is not { } kept)
        {
            ModelState.AddModelError("fil", "Den inlästa filen finns inte längre kvar på servern. Välj filen igen.");
            return Page();
        }

        Outcome = await importer.ImportAsync(kept.File, kept.FileName, new LedgerImporter.Confirmation(sparaMappning, dimension), cancellationToken);
        if (Outcome.Succeeded)
        {
            pending.Remove(token);
            Dimension = await dimensions.CurrentAsync(cancellationToken);
        }
        else
        {
            Token = token;
            ModelState.AddModelError("fil", Outcome.Error!);
        }

        return Page();
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
}
