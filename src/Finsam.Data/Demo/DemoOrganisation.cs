using Finsam.Domain.Organisation;

namespace Finsam.Data.Demo;

/// <summary>
/// The demo förbund's board (one ledamot and one ersättare appointed by each member, the chair from Åkerby, the vice
/// chair from the region), its two auditors, its förbundschef and its kansli, for terms that cover the demo years. Not saved here:
/// the app enters them through the same handlers as a förbund's own setup (Web's DemoSeeder).
/// </summary>
public sealed record DemoOrganisation(
    IReadOnlyList<BoardAssignment> Board,
    IReadOnlyList<Auditor> Auditors,
    IReadOnlyList<FederationDirector> Directors,
    IReadOnlyList<StaffMember> Staff)
{
    /// <summary>The ledamöter: name, the member they represent, and their office; chair first.</summary>
    internal static readonly (string Name, string Member, BoardOffice Office)[] Ordinary =
    [
        ("Karin Ekholm", "Åkerby kommun", BoardOffice.Chair),
        ("Lars Forsberg", "Region Norrsund", BoardOffice.ViceChair),
        ("Maria Lindahl", "Försäkringskassan", BoardOffice.None),
        ("Johan Berglund", "Arbetsförmedlingen", BoardOffice.None),
        ("Sofia Nyström", "Strandviks kommun", BoardOffice.None),
        ("Ahmed Karimi", "Bergsjö kommun", BoardOffice.None),
    ];

    private static readonly (string Name, string Member)[] Deputies =
    [
        ("Per Sundin", "Åkerby kommun"),
        ("Eva Holm", "Region Norrsund"),
        ("Nils Åberg", "Försäkringskassan"),
        ("Lina Dahl", "Arbetsförmedlingen"),
        ("Oskar Wik", "Strandviks kommun"),
        ("Hanna Lund", "Bergsjö kommun"),
    ];

    public static DemoOrganisation For(DemoData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var first = new DateOnly(data.Federation.FirstFiscalYear ?? data.Insatser.Min(i => i.StartDate.Year), 1, 1);
        Member Of(string name) => data.Members.Single(m => m.Name == name);
        var board = Ordinary.Select(o => new BoardAssignment { Name = o.Name, Member = Of(o.Member), Role = BoardRole.Ordinary, Office = o.Office, TermFrom = first })
            .Concat(Deputies.Select(d => new BoardAssignment { Name = d.Name, Member = Of(d.Member), Role = BoardRole.Deputy, TermFrom = first }))
            .ToList();
        Auditor[] auditors =
        [
            new() { Name = "Birgitta Sjöberg", AppointedBy = Of("Region Norrsund"), TermFrom = first },
            new() { Name = "Göran Alm", AppointedBy = Of("Åkerby kommun"), TermFrom = first },
        ];
        FederationDirector[] directors = [new() { Name = "Anna Demo", From = first }];
        // The kansli as the seeds' reports describe theirs: a förbundschef full time, an ekonom and a processledare part
        // time, an administratör, and a kommunikatör who started in the second year.
        StaffMember[] staff =
        [
            new() { Name = "Anna Demo", Title = "förbundschef", EmploymentPercent = 100m, From = first },
            new() { Name = "Erik Sandberg", Title = "ekonom", EmploymentPercent = 50m, From = first },
            new() { Name = "Leila Haddad", Title = "processledare", EmploymentPercent = 75m, From = first },
            new() { Name = "Tove Malm", Title = "administratör", EmploymentPercent = 20m, From = first },
            new() { Name = "Jonas Ek", Title = "kommunikatör", EmploymentPercent = 50m, From = first.AddYears(1).AddMonths(2) },
        ];
        return new DemoOrganisation(board, auditors, directors, staff);
    }
}
