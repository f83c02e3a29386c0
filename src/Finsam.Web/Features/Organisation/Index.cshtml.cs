using Finsam.Data;
using Finsam.Domain.Organisation;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>
/// The förbund's details: set up when there is none, changed otherwise (<see cref="FederationHandler"/>), with the
/// logo for the report cover (PNG or JPEG, uploaded, shown through <see cref="OnGetLogoAsync"/>, removable).
/// </summary>
// A logo somewhat too large still reaches the page and gets its own message; a far larger request is refused (413).
[RequestSizeLimit(2 * FederationLogo.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * FederationLogo.MaxBytes + 64 * 1024)]
public class IndexModel(FinsamDbContext db, FederationHandler federations, TimeProvider clock) : PageModel
{
    /// <summary>The form field of the logo file.</summary>
    public const string LogoField = "logotyp";

    [BindProperty]
    public FederationInput Input { get; set; } = new();

    /// <summary>The förbund as saved, or null before it is set up.</summary>
    public Federation? Federation { get; private set; }

    public bool Exists => Federation is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = Federation is { } f
            ? new FederationInput
            {
                Version = f.Version,
                Name = f.Name,
                OrganisationNumber = f.OrganisationNumber,
                Seat = f.Seat,
                PostalAddress = f.PostalAddress,
                FirstFiscalYear = f.FirstFiscalYear,
            }
            : new FederationInput { FirstFiscalYear = clock.GetLocalNow().Year };
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? logotyp, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.Logo = null;   // only ever from the uploaded file, never from a form field
        if (logotyp is { Length: > 0 })
        {
            // The size is checked before the file is read.
            if (logotyp.Length > FederationLogo.MaxBytes)
            {
                ModelState.AddModelError(LogoField,
                    $"Logotypen får vara högst {FederationLogo.MaxBytes / 1024} kB, den är {(logotyp.Length + 1023) / 1024} kB.");
            }
            else
            {
                using var buffer = new MemoryStream((int)logotyp.Length);
                await logotyp.CopyToAsync(buffer, cancellationToken);
                Input.Logo = buffer.ToArray();
            }
        }

        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new FederationInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            MoveLogoErrors();
            return Page();
        }

        var result = Exists
            ? await federations.UpdateAsync(Input, cancellationToken)
            : await federations.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            MoveLogoErrors();
            return Page();
        }

        TempData["Meddelande"] = Exists ? "Förbundets uppgifter är sparade." : $"{Input.Name?.Trim()} är upplagt. Lägg nu in medlemmarna.";
        return RedirectToPage(Exists ? "Index" : "Members");
    }

    /// <summary>The förbund's logo with its content type (taken from its bytes when it was saved), or 404.</summary>
    public async Task<IActionResult> OnGetLogoAsync(CancellationToken cancellationToken)
    {
        var logo = await db.Federations.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new { f.Logo, f.LogoContentType }).FirstOrDefaultAsync(cancellationToken);
        if (logo?.Logo is not { Length: > 0 } bytes || logo.LogoContentType is not (FederationLogo.Png or FederationLogo.Jpeg))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-cache";
        return File(bytes, logo.LogoContentType);
    }

    /// <summary>The logo's messages belong at the file field, whose name is not the input's.</summary>
    private void MoveLogoErrors()
    {
        const string key = nameof(Input) + "." + nameof(FederationInput.Logo);
        foreach (var message in FieldErrors.Of(ModelState, key))
        {
            ModelState.AddModelError(LogoField, message);
        }

        ModelState.Remove(key);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Federation = await db.Federations.AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(cancellationToken);
}
