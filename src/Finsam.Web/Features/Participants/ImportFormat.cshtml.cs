using Finsam.Domain.Formatting;
using Finsam.Domain.Participants;
using Finsam.Domain.Participants.Import;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Participants;

/// <summary>
/// The enrolment file's format as help in the app (the Swedish counterpart of docs/import-format.md). The columns and
/// their allowed values come from <see cref="EnrolmentFileFormat"/> and <see cref="SwedishNames"/>, the same the import
/// reads, so the page cannot drift from the import.
/// </summary>
public class ImportFormatModel : PageModel
{
    public sealed record Column(string Name, string Required, string Format);

    public static IReadOnlyList<Column> Columns { get; } =
    [
        new(EnrolmentFileFormat.EnrolmentId, "nej", "Finsams nummer på ett deltagande (från en export). Raden uppdaterar då det deltagandet."),
        new(EnrolmentFileFormat.ParticipantId, "nej", "Finsams nummer på en deltagare (från en export). Raden hör då till den personen."),
        new(EnrolmentFileFormat.PersonalIdentityNumber, "nej", "ÅÅÅÅMMDD-NNNN, ÅÅMMDD-NNNN (+ för 100 år eller äldre) eller samma utan bindestreck; samordningsnummer går också. Kontrolleras mot datum och kontrollsiffra. Bara med samtycke. Sparas aldrig, bara en kod som inte kan läsas tillbaka. Alltid tom i en export."),
        new(EnrolmentFileFormat.ConsentDate, "med personnummer", "Datum för personens samtycke, ÅÅÅÅ-MM-DD, inte i framtiden."),
        new(EnrolmentFileFormat.Gender, "ja", $"{SwedishNames.Choices<Gender>()} (även K, M, Annat). För en känd person ska det vara det registrerade."),
        new(EnrolmentFileFormat.BirthYear, "ja", "Fyra siffror, 14–100 år före i år. Ska stämma med personnumret och med en känd persons registrerade födelseår."),
        new(EnrolmentFileFormat.HomeMunicipality, "nej", "Text, högst 100 tecken. Registreras på deltagandet."),
        new(EnrolmentFileFormat.Education, "nej", $"{SwedishNames.Choices<EducationLevel>()}. Okänd om den lämnas tom i en ny rad."),
        new(EnrolmentFileFormat.Insats, "ja", "Insatsens kod, t.ex. P31. Insatsen ska vara individinriktad."),
        new(EnrolmentFileFormat.StartDate, "ja", "ÅÅÅÅ-MM-DD, inom insatsens period, inte i framtiden."),
        new(EnrolmentFileFormat.ReferringMember, "nej", "En medlems namn precis som i Finsam, t.ex. Försäkringskassan."),
        new(EnrolmentFileFormat.SupportAtStart, "nej", $"En eller flera av {SwedishNames.Choices<IncomeSupport>()}, åtskilda med kommatecken."),
        new(EnrolmentFileFormat.TimeInSupport, "nej", $"{SwedishNames.Choices<TimeInSupport>()}. Bindestreck går lika bra som tankstreck: 2-5 år är detsamma som 2–5 år."),
        new(EnrolmentFileFormat.EndDate, "nej", "ÅÅÅÅ-MM-DD, inte före start, inte efter insatsens slut, inte i framtiden. Tom: pågår."),
        new(EnrolmentFileFormat.EndReason, "med slutdatum", $"{SwedishNames.Choices<EndReason>()}."),
        new(EnrolmentFileFormat.EndReasonSubCode, "nej", "En aktiv underkod till avslutsorsaken (Deltagare → Underkoder)."),
        new(EnrolmentFileFormat.SupportAtEnd, "nej", $"Som {EnrolmentFileFormat.SupportAtStart}."),
        new(EnrolmentFileFormat.FollowUp, "nej", $"{SwedishNames.Choices<FollowUpResult>()}."),
        new(EnrolmentFileFormat.Version, "nej", "Skrivs av exporten; låt den stå som den är. En rad från en gammal export som skulle ändra ett deltagande som har ändrats i Finsam sedan dess tas inte emot: exportera på nytt och gör ändringen i den nya filen. Kräver Deltagande-nr."),
    ];

    public void OnGet()
    {
    }
}
