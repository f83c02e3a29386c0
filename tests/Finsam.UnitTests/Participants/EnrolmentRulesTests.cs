using Finsam.Domain.Insatser;
using Finsam.Domain.Participants;

namespace Finsam.UnitTests.Participants;

public sealed class EnrolmentRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly Insats Insats = new() { Id = 7, Code = "P31", Name = "Team", Kind = InsatsKind.Individual, StartDate = new(2024, 1, 1), EndDate = new(2026, 12, 31) };
    private static readonly EndReasonCode[] Codes = [new() { Id = 1, Name = "Subventionerad anställning", EndReason = EndReason.Work }];

    private static IReadOnlyList<EnrolmentRules.Problem> Check(DateOnly start, DateOnly? end = null, EndReason? reason = null, string? sub = null, Insats? insats = null) =>
        EnrolmentRules.Check(insats ?? Insats, start, end, reason, sub, Codes, Today);

    [Fact]
    public void A_correct_enrolment_has_no_problems()
    {
        Assert.Empty(Check(new(2025, 1, 1)));
        Assert.Empty(Check(new(2025, 1, 1), new(2025, 6, 1), EndReason.Work, "subventionerad anställning"));
    }

    [Fact]
    public void Start_outside_the_insats_period_is_refused() =>
        Assert.Equal("Startdatumet ligger utanför insatsens period (2024-01-01 – 2026-12-31).", Assert.Single(Check(new(2023, 12, 31))).Message);

    [Fact]
    public void End_before_start_is_refused()
    {
        var problem = Assert.Single(Check(new(2025, 3, 1), new(2025, 2, 28), EndReason.Studies));
        Assert.Equal((nameof(Enrolment.EndDate), "Slutdatumet ligger före startdatumet."), (problem.Field, problem.Message));
    }

    [Fact]
    public void Future_dates_are_refused()
    {
        Assert.Contains(Check(new(2026, 6, 2)), p => p.Message == "Startdatumet ligger i framtiden.");
        Assert.Contains(Check(new(2026, 1, 2), new(2026, 6, 2), EndReason.Work), p => p.Message == "Slutdatumet ligger i framtiden.");
    }

    [Fact]
    public void End_date_and_reason_go_together()
    {
        Assert.Equal("Ange avslutsorsak när deltagandet har ett slutdatum.", Assert.Single(Check(new(2025, 1, 1), new(2025, 2, 1))).Message);
        Assert.Equal("Ange slutdatum när deltagandet har en avslutsorsak.", Assert.Single(Check(new(2025, 1, 1), null, EndReason.Work)).Message);
    }

    [Fact]
    public void Sub_codes_must_exist_and_belong_to_the_reason()
    {
        Assert.Equal("Underkoden \"Okänd kod\" finns inte.", Assert.Single(Check(new(2025, 1, 1), new(2025, 2, 1), EndReason.Work, "Okänd kod")).Message);
        Assert.Equal("Underkoden \"Subventionerad anställning\" hör till avslutsorsaken Arbete.",
            Assert.Single(Check(new(2025, 1, 1), new(2025, 2, 1), EndReason.Studies, "Subventionerad anställning")).Message);
    }

    [Fact]
    public void Structural_insatser_take_no_participants()
    {
        var structural = new Insats { Id = 8, Code = "P20", Name = "Utbildning", Kind = InsatsKind.Structural, StartDate = new(2020, 1, 1) };
        Assert.Equal("Insatsen P20 är strukturinriktad och tar inte emot deltagare.", Assert.Single(Check(new(2025, 1, 1), insats: structural)).Message);
    }

    [Fact]
    public void Overlapping_enrolments_in_the_same_insats_are_found()
    {
        Enrolment[] existing =
        [
            new() { Id = 1, InsatsId = 7, StartDate = new(2024, 1, 1), EndDate = new(2024, 6, 30) },
            new() { Id = 2, InsatsId = 7, StartDate = new(2025, 1, 1) },
            new() { Id = 3, InsatsId = 9, StartDate = new(2024, 3, 1) },
        ];

        Assert.Null(EnrolmentRules.Overlapping(existing, 7, new(2024, 7, 1), new(2024, 12, 31)));
        Assert.Equal(1, EnrolmentRules.Overlapping(existing, 7, new(2024, 6, 30), new(2024, 8, 1))?.Id);
        Assert.Equal(2, EnrolmentRules.Overlapping(existing, 7, new(2026, 1, 1), null)?.Id);
        Assert.Null(EnrolmentRules.Overlapping(existing, 7, new(2025, 2, 1), null, exceptEnrolmentId: 2));
        Assert.Null(EnrolmentRules.Overlapping(existing, 8, new(2024, 3, 1), null));
    }
}
