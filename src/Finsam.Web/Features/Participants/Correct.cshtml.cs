using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Participants;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

/// <summary>"Rätta uppgifter": the one way a registered person's gender or birth year changes (see RegistrationService.CorrectIdentityAsync).</summary>
public class CorrectModel(FinsamDbContext db, RegistrationService registration, AuditLog audit) : PageModel
{
    [BindProperty]
    public IdentityCorrectionInput Input { get; set; } = new();

    public Participant Participant { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.RecordReadAsync(AuditAction.View, nameof(Participant), id.ToString(CultureInfo.InvariantCulture), "rättelseformulär", cancellationToken);
        Input = new IdentityCorrectionInput { Version = Participant.Version, Gender = Participant.Gender, BirthYear = Participant.BirthYear };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await registration.CorrectIdentityAsync(id, Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Meddelande"] = "Uppgifterna är rättade.";
            return RedirectToPage("Details", new { id });
        }

        result.Errors.AddTo(ModelState);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var participant = await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (participant is null)
        {
            return false;
        }

        Participant = participant;
        return true;
    }
}
