using Finsam.Data;
using Finsam.Domain.Participants;
using Finsam.Web.Features.Participants;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

public class NewModel(FinsamDbContext db, RegistrationService registration, TimeProvider clock) : PageModel
{
    [BindProperty]
    public StartInput Input { get; set; } = new();

    public FormChoices Choices { get; private set; } = null!;

    /// <summary>The known participant the enrolment is added to, if any.</summary>
    public Participant? Participant { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? deltagare, CancellationToken cancellationToken)
    {
        Input.ParticipantId = deltagare;
        Input.StartDate = registration.Today;
        if (deltagare is { } id)
        {
            // Suggested from the person's latest enrolment; the new enrolment records what is true at its start.
            var latest = await db.Enrolments.AsNoTracking().Where(e => e.ParticipantId == id)
                .OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Id)
                .Select(e => new { e.HomeMunicipality, e.Education }).FirstOrDefaultAsync(cancellationToken);
            Input.HomeMunicipality = latest?.HomeMunicipality;
            Input.Education = latest?.Education ?? EducationLevel.Unknown;
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validator = new StartInputValidator(clock);
        if (Input.ParticipantId is not null)
        {
            // The person's facts are already registered; only the enrolment is checked.
            var known = await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Input.ParticipantId, cancellationToken);
            if (known is not null)
            {
                Input.Gender = known.Gender;
                Input.BirthYear = known.BirthYear;
            }
        }

        if (await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            var result = await registration.RegisterStartAsync(Input, cancellationToken);
            if (result.Result.Succeeded)
            {
                TempData["Meddelande"] = result.KnownPerson
                    ? "Personen fanns redan registrerad. Det nya deltagandet är tillagt."
                    : "Starten är registrerad.";
                return RedirectToPage("Details", new { id = result.ParticipantId });
            }

            result.Result.Errors.AddTo(ModelState);
        }

        Input.PersonalIdentityNumber = null; // Never sent back to the browser.
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Choices = await FormChoices.LoadAsync(db, cancellationToken: cancellationToken);
        if (Input.ParticipantId is { } id)
        {
            Participant = await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (Participant is null)
            {
                return NotFound();
            }
        }

        return Page();
    }
}
