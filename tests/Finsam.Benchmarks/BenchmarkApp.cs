using Finsam.Data;
using Finsam.TestSupport;
using Finsam.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Benchmarks;

/// <summary>The real app on its own SQLite file, seeded with a demo förbund of a given size.</summary>
public sealed class BenchmarkApp : IDisposable
{
    /// <summary>The demo's last (current) year; its first two years have ledgers and statements.</summary>
    public const int LastYear = 2026;

    /// <summary>The last finished year: it has a ledger, statements and an annual report.</summary>
    public const int ReportYear = LastYear - 1;

    private BenchmarkApp(FinsamFactory factory) => Factory = factory;

    public FinsamFactory Factory { get; }

    public static async Task<BenchmarkApp> StartAsync(int participantCount)
    {
        var app = new BenchmarkApp(new FinsamFactory());
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            _ = await DemoSeeder.SeedAsync(scope.ServiceProvider, LastYear, participantCount)
                ?? throw new InvalidOperationException("The benchmark database was not empty.");
        }

        var perYear = await app.Factory.WithDbAsync(db => db.Enrolments.CountAsync(e =>
            e.StartDate <= new DateOnly(ReportYear, 12, 31) && (e.EndDate == null || e.EndDate >= new DateOnly(ReportYear, 1, 1))));
        var total = await app.Factory.WithDbAsync(db => db.Enrolments.CountAsync());
        await Console.Out.WriteLineAsync($"// Seeded {participantCount} generated participants: {total} enrolments, {perYear} active in {ReportYear}.");
        return app;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<FinsamDbContext, Task<T>> action) => Factory.WithDbAsync(action);

    public void Dispose() => Factory.Dispose();
}
