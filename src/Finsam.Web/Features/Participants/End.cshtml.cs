using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Participants;
using Finsam.Web.Auditing;
using Finsam.Web.Features.Participants;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

public class EndModel(FinsamDbContext db, RegistrationService registration, AuditLog audit) : PageModel
{
    [BindProperty]
    public EndInput Input { get; set; } = new();

    public Enrolment Enrolment { get; private set; } = null!;

    public FormChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.RecordReadAsync(AuditAction.View, nameof(Enrolment), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "avslutsformulär", cancellationToken);
        Input = new EndInput { Version = Enrolment.Version, EndDate = registration.Today, SupportAtEnd = SupportList.Split(Enrolment.SupportAtStart) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await new EndOnlyValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            var result = await registration.RegisterEndAsync(id, Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Meddelande"] = "Avslutet är registrerat.";
                return RedirectToPage("Details", new { id = await db.Enrolments.Where(e => e.Id == id).Select(e => e.ParticipantId).SingleAsync(cancellationToken) });
            }

            result.Errors.AddTo(ModelState);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await FormChoices.ForEnrolmentAsync(db, id, cancellationToken) is not { } loaded)
        {
            return false;
        }

        (Enrolment, Choices) = loaded;
        return true;
    }
}
