using System.Globalization;
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

public class EditModel(FinsamDbContext db, RegistrationService registration, AuditLog audit) : PageModel
{
    [BindProperty]
    public ParticipantInput Input { get; set; } = new();

    public int ParticipantId { get; private set; }

    public bool Identified { get; private set; }

    public Gender Gender { get; private set; }

    public int BirthYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var participant = await LoadAsync(id, cancellationToken);
        if (participant is null)
        {
            return NotFound();
        }

        await audit.RecordReadAsync(AuditAction.View, nameof(Participant), id.ToString(CultureInfo.InvariantCulture), "ändringsformulär", cancellationToken);
        Input = new ParticipantInput
        {
            Version = participant.Version,
            ConsentDate = participant.ConsentDate,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await new ParticipantInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            var result = await registration.UpdateParticipantAsync(id, Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Meddelande"] = "Personuppgifterna är sparade.";
                return RedirectToPage("Details", new { id });
            }

            result.Errors.AddTo(ModelState);
        }

        Input.PersonalIdentityNumber = null;
        return await LoadAsync(id, cancellationToken) is null ? NotFound() : Page();
    }

    private async Task<Participant?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var participant = await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (participant is not null)
        {
            ParticipantId = id;
            Identified = participant.IsIdentified;
            Gender = participant.Gender;
            BirthYear = participant.BirthYear;
        }

        return participant;
    }
}
