using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Web.Auditing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

/// <summary>
/// The header's search: one field taking a Deltagar-nr, a Deltagande-nr or a personnummer. Always a POST, so a
/// personnummer is in no address, history or request log; it is hashed and looked up as the registration does
/// (<see cref="RegistrationService.FindByPersonalIdentityNumberAsync"/>). One participant found goes straight to
/// the participant; a number that is both a Deltagar-nr and another person's Deltagande-nr lists both.
/// </summary>
public class SearchModel(FinsamDbContext db, AuditLog audit, RegistrationService registration) : PageModel
{
    /// <summary>The longest number read as a Deltagar-nr or Deltagande-nr; a personnummer has ten or twelve digits.</summary>
    public const int MaxIdDigits = 9;

    public const string Empty = "Skriv ett deltagar-nr, ett deltagande-nr eller ett personnummer.";

    public const string NotANumber = "Skriv ett deltagar-nr (t.ex. 1043), ett deltagande-nr eller ett personnummer (ÅÅÅÅMMDD-NNNN).";

    public sealed record Hit(int ParticipantId, string Text);

    /// <summary>What was searched for, shown again only when it was a number of Finsam's own (never a personnummer).</summary>
    public string? Shown { get; private set; }

    public IReadOnlyList<Hit> Hits { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? sok, CancellationToken cancellationToken)
    {
        var text = (sok ?? "").Trim();
        if (text.Length == 0)
        {
            ModelState.AddModelError("sok", Empty);
            return Page();
        }

        if (IsFinsamNumber(text, out var number))
        {
            Shown = number.ToString(CultureInfo.InvariantCulture);
            Hits = await FindByNumberAsync(number, cancellationToken);
            var participants = Hits.Select(h => h.ParticipantId).Distinct().ToList();
            var described = Hits.Count == 0 ? "ingen träff" : string.Join(", ", Hits.Select(h => h.Text));
            await audit.RecordReadAsync(AuditAction.View, "ParticipantSearch", participants.Count == 1 ? participants[0].ToString(CultureInfo.InvariantCulture) : null,
                $"sökning på nummer {Shown}: {described}", cancellationToken);
            if (participants.Count == 1)
            {
                return RedirectToPage("Details", new { id = participants[0] });
            }

            if (Hits.Count == 0)
            {
                ModelState.AddModelError("sok", $"Ingen deltagare och inget deltagande har nummer {Shown}.");
            }

            return Page();
        }

        if (!text.Any(char.IsAsciiDigit) || !text.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '))
        {
            ModelState.AddModelError("sok", NotANumber);
            return Page();
        }

        var (participantId, error) = await registration.FindByPersonalIdentityNumberAsync(text, cancellationToken);
        if (participantId is { } id)
        {
            return RedirectToPage("Details", new { id });
        }

        ModelState.AddModelError("sok", error!);
        return Page();
    }

    /// <summary>A Deltagar-nr or Deltagande-nr: one to <see cref="MaxIdDigits"/> digits (spaces ignored).</summary>
    public static bool IsFinsamNumber(string text, out int number)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Replace(" ", "", StringComparison.Ordinal);
        number = 0;
        return digits.Length is > 0 and <= MaxIdDigits && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    private async Task<IReadOnlyList<Hit>> FindByNumberAsync(int number, CancellationToken cancellationToken)
    {
        var hits = new List<Hit>();
        if (await db.Participants.AsNoTracking().AnyAsync(p => p.Id == number, cancellationToken))
        {
            hits.Add(new Hit(number, $"deltagare {number.ToString(CultureInfo.InvariantCulture)}"));
        }

        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.Id == number)
            .Select(e => new { e.ParticipantId, e.Insats!.Code, e.StartDate }).SingleOrDefaultAsync(cancellationToken);
        if (enrolment is not null)
        {
            hits.Add(new Hit(enrolment.ParticipantId, string.Create(CultureInfo.InvariantCulture,
                $"deltagande {number} (deltagare {enrolment.ParticipantId}, {enrolment.Code}, start {enrolment.StartDate:yyyy-MM-dd})")));
        }

        return hits;
    }
}
