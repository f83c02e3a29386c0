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

public class EnrolmentModel(FinsamDbContext db, RegistrationService registration, AuditLog audit) : PageModel
{
    [BindProperty]
    public EnrolmentInput Input { get; set; } = new();

    public Enrolment Enrolment { get; private set; } = null!;

    /// <summary>Whether this is the participant's only enrolment (removing it removes the participant too).</summary>
    public bool IsOnlyEnrolment { get; private set; }

    public FormChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.RecordReadAsync(AuditAction.View, nameof(Enrolment), id.ToString(CultureInfo.InvariantCulture), "rättelseformulär", cancellationToken);
        var e = Enrolment;
        Input = new EnrolmentInput
        {
            Version = e.Version,
            InsatsId = e.InsatsId,
            StartDate = e.StartDate,
            HomeMunicipality = e.HomeMunicipality,
            Education = e.Education,
            ReferringMemberId = e.ReferringMemberId,
            SupportAtStart = SupportList.Split(e.SupportAtStart),
            TimeInSupportBeforeStart = e.TimeInSupportBeforeStart,
            EndDate = e.EndDate,
            EndReason = e.EndReason,
            EndReasonSubCode = e.EndReasonSubCode,
            SupportAtEnd = SupportList.Split(e.SupportAtEnd),
            FollowUp12Months = e.FollowUp12Months,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (await new EnrolmentInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            var result = await registration.UpdateEnrolmentAsync(id, Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Meddelande"] = "Ändringarna är sparade.";
                return await BackToParticipantAsync(id, cancellationToken);
            }

            result.Errors.AddTo(ModelState);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, Guid version, bool confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!confirm)
        {
            ModelState.AddModelError("bekrafta", "Kryssa i att deltagandet är felregistrerat för att ta bort det.");
            Input = new EnrolmentInput { Version = version, InsatsId = Enrolment.InsatsId, StartDate = Enrolment.StartDate };
            return Page();
        }

        var participantId = Enrolment.ParticipantId;
        var (result, participantRemoved) = await registration.DeleteEnrolmentAsync(id, version, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = participantRemoved ? "Deltagandet och deltagaren är borttagna." : "Deltagandet är borttaget.";
        return participantRemoved ? RedirectToPage("Index") : RedirectToPage("Details", new { id = participantId });
    }

    private async Task<IActionResult> BackToParticipantAsync(int enrolmentId, CancellationToken cancellationToken) =>
        RedirectToPage("Details", new { id = await db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.ParticipantId).SingleAsync(cancellationToken) });

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await FormChoices.ForEnrolmentAsync(db, id, cancellationToken) is not { } loaded)
        {
            return false;
        }

        (Enrolment, Choices) = loaded;
        IsOnlyEnrolment = !await db.Enrolments.AnyAsync(e => e.ParticipantId == Enrolment.ParticipantId && e.Id != id, cancellationToken);
        return true;
    }
}
