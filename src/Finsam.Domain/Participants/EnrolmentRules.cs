using Finsam.Domain.Insatser;

namespace Finsam.Domain.Participants;

/// <summary>
/// The rules an enrolment must satisfy, shared by the forms and the import. Each broken rule comes back as
/// (field, Swedish message); the field names are the enrolment's property names.
/// </summary>
public static class EnrolmentRules
{
    public sealed record Problem(string Field, string Message);

    public static IReadOnlyList<Problem> Check(
        Insats insats,
        DateOnly start,
        DateOnly? end,
        EndReason? endReason,
        string? subCode,
        IReadOnlyCollection<EndReasonCode> subCodes,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(insats);
        ArgumentNullException.ThrowIfNull(subCodes);
        var problems = new List<Problem>();
        if (!insats.HasParticipants)
        {
            problems.Add(new(nameof(Enrolment.InsatsId), $"Insatsen {insats.Code} är {Formatting.SwedishNames.Of(insats.Kind).ToLowerInvariant()} och tar inte emot deltagare."));
        }

        if (start < insats.StartDate || (insats.EndDate is { } insatsEnd && start > insatsEnd))
        {
            problems.Add(new(nameof(Enrolment.StartDate), $"Startdatumet ligger utanför insatsens period ({Period(insats)})."));
        }

        if (start > today)
        {
            problems.Add(new(nameof(Enrolment.StartDate), "Startdatumet ligger i framtiden."));
        }

        if (end is { } e)
        {
            if (e < start)
            {
                problems.Add(new(nameof(Enrolment.EndDate), "Slutdatumet ligger före startdatumet."));
            }
            else if (insats.EndDate is { } last && e > last)
            {
                problems.Add(new(nameof(Enrolment.EndDate), $"Slutdatumet ligger efter insatsens slut ({Period(insats)})."));
            }

            if (e > today)
            {
                problems.Add(new(nameof(Enrolment.EndDate), "Slutdatumet ligger i framtiden."));
            }

            if (endReason is null)
            {
                problems.Add(new(nameof(Enrolment.EndReason), "Ange avslutsorsak när deltagandet har ett slutdatum."));
            }
        }
        else if (endReason is not null)
        {
            problems.Add(new(nameof(Enrolment.EndDate), "Ange slutdatum när deltagandet har en avslutsorsak."));
        }

        if (!string.IsNullOrWhiteSpace(subCode))
        {
            var code = subCodes.FirstOrDefault(c => string.Equals(c.Name, subCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (code is null)
            {
                problems.Add(new(nameof(Enrolment.EndReasonSubCode), $"Underkoden \"{subCode.Trim()}\" finns inte."));
            }
            else if (code.EndReason != endReason)
            {
                problems.Add(new(nameof(Enrolment.EndReasonSubCode), $"Underkoden \"{code.Name}\" hör till avslutsorsaken {Formatting.SwedishNames.Of(code.EndReason)}."));
            }
        }

        return problems;
    }

    /// <summary>
    /// The first other enrolment of the same person in the same insats whose period overlaps the given one, if any.
    /// An ongoing enrolment (no end) runs until further notice.
    /// </summary>
    public static Enrolment? Overlapping(IEnumerable<Enrolment> samePerson, int insatsId, DateOnly start, DateOnly? end, int exceptEnrolmentId = 0)
    {
        ArgumentNullException.ThrowIfNull(samePerson);
        var last = end ?? DateOnly.MaxValue;
        return samePerson.FirstOrDefault(e =>
            e.Id != exceptEnrolmentId && e.InsatsId == insatsId && e.StartDate <= last && (e.EndDate ?? DateOnly.MaxValue) >= start);
    }

    private static string Period(Insats insats) =>
        $"{Formatting.SwedishFormat.Date(insats.StartDate)} – {(insats.EndDate is null ? "tills vidare" : Formatting.SwedishFormat.Date(insats.EndDate))}";
}
