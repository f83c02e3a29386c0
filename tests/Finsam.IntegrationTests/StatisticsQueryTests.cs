using System.Text.Json;
using Finsam.Data.Queries;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>
/// The statistics query reads only each year's enrolments and counts the 12-month follow-up in the database (#11). Its
/// figures must be those of the plain definition: <see cref="ParticipantStatistics.Compute"/> over the year's enrolments
/// and those that ended the year before, per insats and for the förbund's totals, for every year and for a trend; and the
/// facts it reads by ordinal must be the enrolments as EF reads them.
/// </summary>
public sealed class StatisticsQueryTests(StatisticsQueryTests.Fixture fixture) : IClassFixture<StatisticsQueryTests.Fixture>
{
    private const int LastYear = 2026;

    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public async Task InitializeAsync() => await Factory.SeedDemoAsync(LastYear);

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static readonly int[] TrendYears = [.. Enumerable.Range(LastYear - 4, 5)];

    public static TheoryData<int> Years => [.. TrendYears];

    [Theory]
    [MemberData(nameof(Years))]
    public async Task Every_figure_of_the_year_equals_the_definition_over_the_enrolments(int year)
    {
        var (statistics, enrolments, fromReader) = await fixture.Factory.WithDbAsync(async db =>
            (await db.StatisticsForYearAsync(year),
             await db.Enrolments.AsNoTracking().Include(e => e.Participant).ToListAsync(),
             await db.FactsForYearAsync(year)));

        // The definition, from the entities as EF reads them (not through the statistics' own reader).
        var needed = enrolments.Select(Fact).Where(f => f.CountsInStatisticsOf(year)).ToList();
        Assert.Equal(Json(needed.Where(f => f.IsCurrentIn(year)).OrderBy(Key)), Json(fromReader.OrderBy(Key)));

        Assert.NotEmpty(statistics.Insatser);
        foreach (var insats in statistics.Insatser)
        {
            var expected = ParticipantStatistics.Compute(year, needed.Where(f => f.InsatsId == insats.InsatsId));
            Assert.Equal(Json(expected), Json(insats.Statistics));
        }

        var totals = FederationTotals.Compute(
            year,
            needed,
            statistics.Insatser.Where(i => i.CountsInTotals).Select(i => i.InsatsId).ToHashSet(),
            statistics.Insatser.Where(i => i.OutcomesApply).Select(i => i.InsatsId).ToHashSet());
        Assert.Equal(Json(totals.Total), Json(statistics.Total));
        Assert.Equal(Json(totals.Outcomes), Json(statistics.Outcomes));
        Assert.Equal(needed.Count(f => f.EndedIn(year - 1) && statistics.Insatser.Any(i => i.InsatsId == f.InsatsId && i.CountsInTotals)), statistics.Total.FollowUp.EndedPreviousYear);
    }

    [Fact]
    public async Task A_trend_read_at_once_equals_each_year_read_alone()
    {
        var years = TrendYears;
        var (trend, single) = await fixture.Factory.WithDbAsync(async db =>
        {
            var alone = new List<YearlyParticipantStatistics>();
            foreach (var year in years)
            {
                alone.Add(await db.StatisticsForYearAsync(year));
            }

            return (await db.StatisticsForYearsAsync(years), alone);
        });

        Assert.Equal(years.Length, trend.Count);
        foreach (var year in single)
        {
            Assert.Equal(Json(year), Json(trend[year.Year]));
        }
    }

    [Fact]
    public async Task The_demo_has_follow_ups_of_every_result_in_the_years_compared_so_the_comparison_can_fail()
    {
        var from = new DateOnly(TrendYears[0] - 1, 1, 1);
        var to = new DateOnly(LastYear - 1, 12, 31);
        var results = await fixture.Factory.WithDbAsync(db => db.Enrolments
            .Where(e => e.EndDate >= from && e.EndDate <= to && e.FollowUp12Months != null)
            .Select(e => e.FollowUp12Months)
            .Distinct()
            .ToListAsync());
        Assert.Equal(3, results.Count);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static string Key(EnrolmentFact fact) => Json(fact);

    private static EnrolmentFact Fact(Enrolment e) =>
        new(e.InsatsId, e.ParticipantId, e.Participant!.Gender, e.StartDate, e.EndDate, e.EndReason)
        {
            BirthYear = e.Participant.BirthYear,
            IsIdentified = e.Participant.PersonKeyHash is not null,
            Education = e.Education,
            HomeMunicipality = e.HomeMunicipality,
            TimeInSupportBeforeStart = e.TimeInSupportBeforeStart,
            ReferringMemberId = e.ReferringMemberId,
            SupportAtStart = e.SupportAtStart,
            SupportAtEnd = e.SupportAtEnd,
            EndReasonSubCode = e.EndReasonSubCode,
            FollowUp12Months = e.FollowUp12Months,
        };
}
