using Finsam.Data.Demo;
using Finsam.Domain.Insatser;
using Finsam.Domain.Statistics;

namespace Finsam.UnitTests.Demo;

public sealed class DemoDataGeneratorTests
{
    private static readonly DemoData Data = new DemoDataGenerator(2025).Generate();

    [Fact]
    public void Is_deterministic_for_a_seed()
    {
        var again = new DemoDataGenerator(2025).Generate();
        Assert.Equal(Data.Enrolments.Count, again.Enrolments.Count);
        Assert.Equal(
            Data.Enrolments.Select(e => (e.StartDate, e.EndDate, e.EndReason)),
            again.Enrolments.Select(e => (e.StartDate, e.EndDate, e.EndReason)));
    }

    [Fact]
    public void Has_a_few_hundred_participants_every_year_and_every_kind_of_insats()
    {
        Assert.InRange(Data.Participants.Count, 250, 500);
        Assert.All(Enum.GetValues<InsatsKind>(), kind => Assert.Contains(Data.Insatser, i => i.Kind == kind));
        var personNumber = Data.Participants.Select((p, index) => (p, index)).ToDictionary(x => x.p, x => x.index);
        var insatsNumber = Data.Insatser.Select((i, index) => (i, index)).ToDictionary(x => x.i, x => x.index);
        var facts = Data.Enrolments
            .Select(e => new EnrolmentFact(insatsNumber[e.Insats!], personNumber[e.Participant!], e.Participant!.Gender, e.StartDate, e.EndDate, e.EndReason))
            .ToList();
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            var flow = ParticipantFlow.Compute(year, facts);
            Assert.InRange(flow.Current, 100, 400);
            Assert.True(flow.Ended > 20, $"{year}: {flow.Ended} ended");
        }
    }

    [Fact]
    public void Every_enrolment_obeys_the_registration_rules()
    {
        Assert.All(Data.Enrolments, e =>
        {
            var insats = e.Insats!;
            Assert.True(insats.HasParticipants, $"{insats.Code} takes no participants");
            Assert.True(e.StartDate >= insats.StartDate);
            Assert.True(e.EndDate is null || e.EndDate >= e.StartDate);
            Assert.True(e.EndDate is null || insats.EndDate is null || e.EndDate <= insats.EndDate);
            Assert.Equal(e.EndDate is null, e.EndReason is null);
            var age = e.Participant!.AgeIn(e.StartDate.Year);
            Assert.InRange(age, insats.MinAge ?? 0, insats.MaxAge ?? 200);
        });
    }

    [Fact]
    public void Identified_participants_have_consent_and_anonymous_ones_have_none()
    {
        Assert.Contains(Data.Participants, p => !p.IsIdentified);
        Assert.All(Data.Participants, p =>
        {
            Assert.Equal(p.IsIdentified, p.ConsentDate is not null);
            Assert.NotEmpty(p.Enrolments);
            if (p.ConsentDate is { } consent)
            {
                Assert.Equal(p.Enrolments.Min(e => e.StartDate), consent);
            }
        });
        Assert.Equal(
            Data.Participants.Count(p => p.IsIdentified),
            Data.Participants.Where(p => p.IsIdentified).Select(p => p.PersonKeyHash).Distinct().Count());
    }

    [Fact]
    public void Has_goals_for_every_year_and_surveys_for_the_last_two()
    {
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            Assert.Equal([1, 2, 3], Data.Goals.GoalAreas.Where(a => a.Year == year).Select(a => a.Number));
            Assert.Contains(Data.Goals.InsatsGoals, g => g.Year == year && g.IsMainOutcome && g.Measure.Metric == Finsam.Domain.Goals.GoalMetric.WorkOrStudiesShare);
        }

        Assert.Equal([2024, 2025], Data.Goals.Surveys.Select(s => s.Year));
        Assert.All(Data.Goals.Surveys.SelectMany(s => s.Results), r => Assert.Empty(r.Check()));
        Assert.All(Data.Goals.InsatsGoals, g => Assert.True(g.Insats!.Kind != InsatsKind.Administration && g.Insats.RunsDuring(new(g.Year, 1, 1), new(g.Year, 12, 31))));
        var rating = Assert.Single(Data.Goals.Ratings);
        Assert.False(string.IsNullOrWhiteSpace(rating.OverrideReason));
    }
}
