using Finsam.Domain.Formatting;

namespace Finsam.Domain.Organisation;

/// <summary>
/// A person on the förbund's kansli for a period: name, befattning (förbundschef, ekonom, processledare,
/// administratör, …) and tjänstgöringsgrad (the share of a full-time post, in percent). The annual report's
/// organisation part lists the kansli of the year from this register.
/// </summary>
public class StaffMember : IVersioned
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 100;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The befattning as the förbund writes it, lower case in a sentence ("förbundschef", "processledare").</summary>
    public required string Title { get; set; }

    /// <summary>Tjänstgöringsgrad in percent of full time, above 0 and at most 100 (e.g. 100, 50, 12,5).</summary>
    public decimal EmploymentPercent { get; set; } = 100m;

    public DateOnly From { get; set; }

    /// <summary>The last day; null: until further notice.</summary>
    public DateOnly? To { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The kansli register's rules and how the report words the kansli of a year. Messages in Swedish.</summary>
public static class StaffRules
{
    /// <summary>The befattningar the form suggests (any other may be written).</summary>
    public static readonly IReadOnlyList<string> SuggestedTitles =
        ["förbundschef", "ekonom", "processledare", "utvecklingsledare", "verksamhetsutvecklare", "administratör", "kommunikatör", "utredare"];

    /// <summary>What is wrong with a period of the register: ending before it starts, or the same person with the same befattning twice at once.</summary>
    public static IReadOnlyList<string> Check(StaffMember candidate, IEnumerable<StaffMember> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        var problems = new List<string>();
        if (candidate.To is { } to && to < candidate.From)
        {
            problems.Add("Perioden slutar före den börjar.");
        }

        foreach (var other in others.Where(o => o.Id == 0 || o.Id != candidate.Id))
        {
            if (other != candidate && BoardRules.SamePerson(other.Name, candidate.Name)
                && string.Equals(other.Title.Trim(), candidate.Title.Trim(), StringComparison.OrdinalIgnoreCase)
                && Term.Overlaps(candidate.From, candidate.To, other.From, other.To))
            {
                problems.Add($"{other.Name} är redan {other.Title} {Term.Describe(other.From, other.To)}: perioderna överlappar.");
            }
        }

        return problems;
    }

    /// <summary>The order the register and the report list the kansli in: the förbundschef first (as the förbund's reports do), then by start, befattning and name.</summary>
    public static IReadOnlyList<StaffMember> InOrder(IEnumerable<StaffMember> staff) =>
        [.. staff.OrderBy(s => string.Equals(s.Title.Trim(), "förbundschef", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(s => s.From).ThenBy(s => s.Title, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>A tjänstgöringsgrad as the reports write it: "100 %", "50 %", "12,5 %".</summary>
    public static string Percent(decimal percent) => Number(percent) + "\u00a0%";

    /// <summary>A tjänstgöringsgrad's number as the form shows it: "100", "12,5".</summary>
    public static string Number(decimal percent) => SwedishFormat.Number(percent, percent % 1 == 0 ? 0 : percent * 10 % 1 == 0 ? 1 : 2);

    /// <summary>
    /// The kansli of a year in one sentence, as the förbund's reports word it: "Kansliet har under 2025 bestått av
    /// förbundschef 100 %, ekonom 50 % (från 2025-03-01) och administratör 20 %." A part of the year is given as
    /// from/to; the staff in the order given (<see cref="InOrder"/>). Null when there is no one.
    /// </summary>
    public static string? Sentence(int year, DateOnly start, DateOnly end, IReadOnlyList<StaffMember> staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (staff.Count == 0)
        {
            return null;
        }

        var parts = staff.Select(s =>
        {
            var period = (s.From > start ? $"från {SwedishFormat.Date(s.From)}" : "") + (s.From > start && s.To < end ? " " : "")
                + (s.To < end ? $"till {SwedishFormat.Date(s.To)}" : "");
            return $"{s.Title.Trim()} {Percent(s.EmploymentPercent)}{(period.Length > 0 ? $" ({period})" : "")}";
        }).ToList();
        return $"Kansliet har under {year.ToString(SwedishFormat.Culture)} bestått av {SwedishFormat.List(parts)}.";
    }
}
