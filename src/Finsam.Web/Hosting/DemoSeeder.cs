using System.Text;
using Finsam.Data;
using Finsam.Data.Demo;
using Finsam.Web.Features.Economy;

namespace Finsam.Web.Hosting;

/// <summary>
/// Seeds the demo förbund (<see cref="DemoDataSeeder"/>) and reads its finished years' ledgers through the real SIE
/// import, so the demo's statements are made exactly as a real förbund's would be.
/// </summary>
public static class DemoSeeder
{
    /// <returns>The saved data, or null when the database already held a förbund.</returns>
    public static Task<DemoData?> SeedAsync(IServiceProvider services, int lastYear, CancellationToken cancellationToken = default) =>
        SeedAsync(services, lastYear, DemoDataGenerator.DefaultParticipantCount, cancellationToken);

    /// <summary>As above with another number of generated participants (the benchmarks use a large förbund).</summary>
    public static async Task<DemoData?> SeedAsync(IServiceProvider services, int lastYear, int participantCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<FinsamDbContext>();
        var data = await DemoDataSeeder.SeedAsync(db, lastYear, participantCount, cancellationToken);
        if (data is null)
        {
            return null;
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var pc8 = Encoding.GetEncoding(437);
        var importer = services.GetRequiredService<LedgerImporter>();
        foreach (var year in data.Economy.Where(e => e.Sie is not null))
        {
            var outcome = await importer.ImportAsync(pc8.GetBytes(year.Sie!), $"demo-{year.Year}.se", cancellationToken);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Demobokföringen för {year.Year} kunde inte läsas in: {outcome.Error}");
            }
        }

        return data;
    }
}
