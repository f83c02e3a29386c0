namespace Finsam.Domain.Organisation;

/// <summary>Ledamot (ordinary member) or ersättare (deputy) on the board.</summary>
public enum BoardRole
{
    Ordinary = 1,
    Deputy = 2,
}

/// <summary>The office a ledamot holds on the board, besides being a ledamot.</summary>
public enum BoardOffice
{
    None = 0,
    Chair = 1,
    ViceChair = 2,
}

/// <summary>
/// One person's term on the board (styrelse): a ledamot or an ersättare, appointed by the member it represents, in
/// a seat of that member (seat 1, 2, … of the member's ledamöter or ersättare), possibly ordförande or vice ordförande.
/// </summary>
public class BoardAssignment : IVersioned
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The member the person represents (which appointed them).</summary>
    public int MemberId { get; set; }

    public Member? Member { get; set; }

    public BoardRole Role { get; set; } = BoardRole.Ordinary;

    /// <summary>The member's seat of <see cref="Role"/>: 1 for its first ledamot (or ersättare), 2 for its second, ….</summary>
    public int Seat { get; set; } = 1;

    public BoardOffice Office { get; set; } = BoardOffice.None;

    public DateOnly TermFrom { get; set; }

    /// <summary>The last day of the term; null: until further notice.</summary>
    public DateOnly? TermTo { get; set; }

    public Guid Version { get; set; }
}

/// <summary>An auditor (revisor) of the förbund, appointed by a member, for a term.</summary>
public class Auditor : IVersioned
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The member that appointed the auditor.</summary>
    public int AppointedByMemberId { get; set; }

    public Member? AppointedBy { get; set; }

    public DateOnly TermFrom { get; set; }

    public DateOnly? TermTo { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The förbundschef (head of the kansli) for a period; one at a time.</summary>
public class FederationDirector : IVersioned
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }

    public required string Name { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The rules for terms on the board, for auditors and for the förbundschef: what overlaps what. Messages in Swedish.</summary>
public static class BoardRules
{
    /// <summary>
    /// What is wrong with <paramref name="candidate"/> among the other assignments (the candidate itself, by id, is
    /// skipped): a term that ends before it starts, an office held by an ersättare, another person's overlapping term
    /// in the same seat, the same person's overlapping term in the same role, or a second ordförande / vice ordförande
    /// at the same time.
    /// </summary>
    public static IReadOnlyList<string> Check(BoardAssignment candidate, IEnumerable<BoardAssignment> others, Func<int, string> memberName)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(memberName);
        var problems = new List<string>();
        if (candidate.TermTo is { } to && to < candidate.TermFrom)
        {
            problems.Add("Mandatperioden slutar före den börjar.");
        }

        if (candidate.Seat < 1)
        {
            problems.Add("Platsen ska vara 1 eller högre.");
        }

        if (candidate.Role == BoardRole.Deputy && candidate.Office != BoardOffice.None)
        {
            problems.Add("En ersättare kan inte vara ordförande eller vice ordförande.");
        }

        foreach (var other in others.Where(o => o.Id == 0 || o.Id != candidate.Id))
        {
            if (other == candidate || !Term.Overlaps(candidate.TermFrom, candidate.TermTo, other.TermFrom, other.TermTo))
            {
                continue;
            }

            var period = Term.Describe(other.TermFrom, other.TermTo);
            if (other.MemberId == candidate.MemberId && other.Role == candidate.Role && other.Seat == candidate.Seat)
            {
                problems.Add($"{memberName(candidate.MemberId)}s plats som {RoleName(candidate.Role)} {candidate.Seat} har redan {other.Name} {period}: mandatperioderna överlappar.");
            }
            else if (SamePerson(other.Name, candidate.Name) && other.Role == candidate.Role)
            {
                problems.Add($"{other.Name} är redan {RoleName(other.Role)} {period}: mandatperioderna överlappar.");
            }

            if (candidate.Office != BoardOffice.None && other.Office == candidate.Office)
            {
                problems.Add($"{other.Name} är redan {OfficeName(other.Office)} {period}: styrelsen kan bara ha en {OfficeName(other.Office)} åt gången.");
            }
        }

        return problems.Distinct().ToList();
    }

    /// <summary>What is wrong with an auditor's term: ending before it starts, or the same person's overlapping term.</summary>
    public static IReadOnlyList<string> Check(Auditor candidate, IEnumerable<Auditor> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        var problems = new List<string>();
        if (candidate.TermTo is { } to && to < candidate.TermFrom)
        {
            problems.Add("Mandatperioden slutar före den börjar.");
        }

        problems.AddRange(others.Where(o => o != candidate && (o.Id == 0 || o.Id != candidate.Id) && SamePerson(o.Name, candidate.Name)
                && Term.Overlaps(candidate.TermFrom, candidate.TermTo, o.TermFrom, o.TermTo))
            .Select(o => $"{candidate.Name} är redan revisor {Term.Describe(o.TermFrom, o.TermTo)}: mandatperioderna överlappar."));
        return problems;
    }

    /// <summary>What is wrong with a förbundschef's period: ending before it starts, or overlapping another förbundschef's.</summary>
    public static IReadOnlyList<string> Check(FederationDirector candidate, IEnumerable<FederationDirector> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        var problems = new List<string>();
        if (candidate.To is { } to && to < candidate.From)
        {
            problems.Add("Perioden slutar före den börjar.");
        }

        problems.AddRange(others.Where(o => o != candidate && (o.Id == 0 || o.Id != candidate.Id) && Term.Overlaps(candidate.From, candidate.To, o.From, o.To))
            .Select(o => $"{o.Name} är förbundschef {Term.Describe(o.From, o.To)}: förbundet har en förbundschef åt gången."));
        return problems;
    }

    public static string RoleName(BoardRole role) => role == BoardRole.Deputy ? "ersättare" : "ledamot";

    public static string OfficeName(BoardOffice office) => office switch
    {
        BoardOffice.Chair => "ordförande",
        BoardOffice.ViceChair => "vice ordförande",
        _ => "",
    };

    /// <summary>What the person is on the board, capitalised: "Ordförande", "Vice ordförande", "Ledamot" or "Ersättare".</summary>
    public static string Assignment(BoardAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var title = assignment.Office != BoardOffice.None ? OfficeName(assignment.Office) : RoleName(assignment.Role);
        return $"{char.ToUpperInvariant(title[0])}{title[1..]}";
    }

    /// <summary>A signatory's title, e.g. "Ordförande, Åkerby kommun" or "Ledamot, Försäkringskassan".</summary>
    public static string Title(BoardAssignment assignment, string memberName) => $"{Assignment(assignment)}, {memberName}";

    internal static bool SamePerson(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
