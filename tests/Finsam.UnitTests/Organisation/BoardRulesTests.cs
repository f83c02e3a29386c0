using Finsam.Domain.Organisation;

namespace Finsam.UnitTests.Organisation;

public sealed class BoardRulesTests
{
    private static readonly Dictionary<int, string> Names = new() { [1] = "Åkerby kommun", [2] = "Region Norrsund" };

    private static BoardAssignment Seat(int id, string name, int member, DateOnly from, DateOnly? to, BoardRole role = BoardRole.Ordinary, BoardOffice office = BoardOffice.None) =>
        new() { Id = id, Name = name, MemberId = member, Role = role, Office = office, TermFrom = from, TermTo = to };

    private static IReadOnlyList<string> Check(BoardAssignment candidate, params BoardAssignment[] others) =>
        BoardRules.Check(candidate, others, id => Names[id]);

    [Fact]
    public void An_overlapping_term_in_the_same_seat_is_refused_and_a_following_one_is_not()
    {
        var karin = Seat(1, "Karin Ekholm", 1, new(2023, 1, 1), new(2026, 12, 31));
        Assert.Equal(
            ["Åkerby kommuns plats som ledamot 1 har redan Karin Ekholm 2023-01-01–2026-12-31: mandatperioderna överlappar."],
            Check(Seat(0, "Per Sundin", 1, new(2026, 12, 31), null), karin));
        Assert.Empty(Check(Seat(0, "Per Sundin", 1, new(2027, 1, 1), null), karin));
        Assert.Empty(Check(Seat(0, "Per Sundin", 1, new(2025, 1, 1), null, BoardRole.Deputy), karin));   // the member's ersättare seat
        Assert.Empty(Check(karin, karin));                                                                  // itself, when changed
    }

    [Fact]
    public void The_same_person_in_the_same_role_twice_at_once_is_refused()
    {
        var karin = Seat(1, "Karin Ekholm", 1, new(2023, 1, 1), null);
        Assert.Equal(
            ["Karin Ekholm är redan ledamot från 2023-01-01: mandatperioderna överlappar."],
            Check(Seat(0, "karin ekholm", 2, new(2024, 1, 1), null), karin));
    }

    [Fact]
    public void There_is_one_chair_at_a_time_and_a_deputy_holds_no_office()
    {
        var chair = Seat(1, "Karin Ekholm", 1, new(2023, 1, 1), new(2024, 12, 31), office: BoardOffice.Chair);
        Assert.Contains("Karin Ekholm är redan ordförande 2023-01-01–2024-12-31: styrelsen kan bara ha en ordförande åt gången.",
            Check(Seat(0, "Lars Forsberg", 2, new(2024, 6, 1), null, office: BoardOffice.Chair), chair));
        Assert.Empty(Check(Seat(0, "Lars Forsberg", 2, new(2025, 1, 1), null, office: BoardOffice.Chair), chair));
        Assert.Contains("En ersättare kan inte vara ordförande eller vice ordförande.",
            Check(Seat(0, "Eva Holm", 2, new(2025, 1, 1), null, BoardRole.Deputy, BoardOffice.ViceChair)));
        Assert.Contains("Mandatperioden slutar före den börjar.", Check(Seat(0, "Eva Holm", 2, new(2025, 1, 1), new(2024, 1, 1))));
    }

    [Fact]
    public void Auditors_and_the_forbundschef_cannot_overlap_themselves()
    {
        var auditor = new Auditor { Id = 1, Name = "Göran Alm", AppointedByMemberId = 1, TermFrom = new(2023, 1, 1), TermTo = new(2026, 12, 31) };
        Assert.Single(BoardRules.Check(new Auditor { Name = "Göran Alm", AppointedByMemberId = 2, TermFrom = new(2026, 1, 1) }, [auditor]));
        Assert.Empty(BoardRules.Check(new Auditor { Name = "Birgitta Sjöberg", AppointedByMemberId = 2, TermFrom = new(2026, 1, 1) }, [auditor]));

        var director = new FederationDirector { Id = 1, Name = "Anna Demo", From = new(2020, 1, 1) };
        Assert.Equal(["Anna Demo är förbundschef från 2020-01-01: förbundet har en förbundschef åt gången."],
            BoardRules.Check(new FederationDirector { Name = "Bo Ny", From = new(2026, 1, 1) }, [director]));
        director.To = new DateOnly(2025, 12, 31);
        Assert.Empty(BoardRules.Check(new FederationDirector { Name = "Bo Ny", From = new(2026, 1, 1) }, [director]));
    }

    [Fact]
    public void A_period_change_touches_a_year_only_where_the_covered_days_change()
    {
        DateOnly start = new(2024, 1, 1), end = new(2024, 12, 31);
        // Ending an open term in 2026 does not change 2024.
        Assert.False(Term.ChangeTouches(new(2023, 1, 1), null, new(2023, 1, 1), new(2026, 6, 30), start, end, otherFieldsChanged: false));
        // Ending it in 2024 does.
        Assert.True(Term.ChangeTouches(new(2023, 1, 1), null, new(2023, 1, 1), new(2024, 6, 30), start, end, otherFieldsChanged: false));
        // Another field changed on a term that covers 2024 does; on one that does not, it does not.
        Assert.True(Term.ChangeTouches(new(2023, 1, 1), null, new(2023, 1, 1), null, start, end, otherFieldsChanged: true));
        Assert.False(Term.ChangeTouches(new(2025, 1, 1), null, new(2025, 1, 1), null, start, end, otherFieldsChanged: true));
        // Moving a start from 2025 into 2024 does.
        Assert.True(Term.ChangeTouches(new(2025, 1, 1), null, new(2024, 12, 31), null, start, end, otherFieldsChanged: false));
    }

    [Fact]
    public void A_member_is_a_member_of_a_year_its_period_overlaps()
    {
        var member = new Member { Name = "Bergsjö kommun", MemberFrom = new(2024, 7, 1), MemberTo = new(2025, 3, 31) };
        Assert.False(member.IsMemberDuring(new(2023, 1, 1), new(2023, 12, 31)));
        Assert.True(member.IsMemberDuring(new(2024, 1, 1), new(2024, 12, 31)));
        Assert.True(member.IsMemberDuring(new(2025, 1, 1), new(2025, 12, 31)));
        Assert.False(member.IsMemberDuring(new(2026, 1, 1), new(2026, 12, 31)));
        Assert.True(new Member { Name = "Försäkringskassan" }.IsMemberOn(new(2004, 1, 1)));
    }
}
