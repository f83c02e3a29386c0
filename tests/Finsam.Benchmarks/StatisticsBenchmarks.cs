using BenchmarkDotNet.Attributes;
using Finsam.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Benchmarks;

/// <summary>
/// The dashboard's queries: the year's participant statistics and the financial statements. Measured warm, as a running
/// app answers them: the short config's one warm-up leaves the statistics' loops in unoptimised (tier-0) code, which made
/// the three runs fall from 66 to 51 ms; ten warm-ups let the JIT finish first.
/// </summary>
[Config(typeof(FinsamBenchmarkConfig))]
[WarmupCount(40)]
[IterationCount(5)]
public class StatisticsBenchmarks : IDisposable
{
    private static readonly int[] TrendYears = [.. Enumerable.Range(BenchmarkApp.ReportYear - 4, 5)];

    private BenchmarkApp? _app;

    [ParamsAllValues]
    public FederationSize Size { get; set; }

    private BenchmarkApp App => _app ?? throw new InvalidOperationException("Not set up.");

    [GlobalSetup]
    public async Task SetupAsync() => _app = await BenchmarkApp.StartAsync(Size.ParticipantCount());

    /// <summary>The baseline: <c>SELECT 1</c> through the same DbContext, so a figure survives a busy machine as its ratio to this.</summary>
    [Benchmark]
    public Task<int> SelectOne() => App.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync());

    [Benchmark]
    public Task<YearlyParticipantStatistics> Statistics() =>
        App.WithDbAsync(db => db.StatisticsForYearAsync(BenchmarkApp.ReportYear));

    /// <summary>The dashboard's five trend years as it read them before: one query per year.</summary>
    [Benchmark]
    public Task<List<YearlyParticipantStatistics>> TrendPerYear() =>
        App.WithDbAsync(async db =>
        {
            var years = new List<YearlyParticipantStatistics>();
            foreach (var year in TrendYears)
            {
                years.Add(await db.StatisticsForYearAsync(year));
            }

            return years;
        });

    /// <summary>The dashboard's five trend years as it reads them now: the span's facts once.</summary>
    [Benchmark]
    public Task<IReadOnlyDictionary<int, YearlyParticipantStatistics>> Trend() =>
        App.WithDbAsync(db => db.StatisticsForYearsAsync(TrendYears));

    [Benchmark]
    public Task<StatementQuery.YearStatements> Statements() =>
        App.WithDbAsync(async db => await db.StatementsForYearAsync(BenchmarkApp.ReportYear)
            ?? throw new InvalidOperationException($"No statements for {BenchmarkApp.ReportYear}."));

    [GlobalCleanup]
    public void Dispose()
    {
        _app?.Dispose();
        _app = null;
        GC.SuppressFinalize(this);
    }
}
