using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Finsam.Domain.Participants.Import;
using Finsam.Reporting.Tabular;
using Finsam.TestSupport;
using Finsam.Web.Features.Participants;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Benchmarks;

/// <summary>
/// An enrolment file of 20 000 rows (every fifth identified by personnummer) imported into the demo förbund: first as
/// new rows (each call a file of rows not seen before), and again unchanged. The baseline reads the file alone.
/// </summary>
[Config(typeof(FinsamBenchmarkConfig))]
public class EnrolmentImportBenchmarks : IDisposable
{
    public const int Rows = 20_000;

    private BenchmarkApp? _app;
    private byte[] _unchanged = [];
    private int _round;

    private BenchmarkApp App => _app ?? throw new InvalidOperationException("Not set up.");

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = await BenchmarkApp.StartAsync(FederationSize.Demo.ParticipantCount());
        _unchanged = File(0, identified: true);
        var outcome = await ImportAsync(_unchanged);
        if (outcome.Created != Rows)
        {
            throw new InvalidOperationException($"The set-up import created {outcome.Created} of {Rows}: {string.Join("; ", outcome.Errors.Take(3))}");
        }
    }

    /// <summary>The baseline: reading the file alone (CSV into a table of cells), nothing checked or stored.</summary>
    [Benchmark]
    public int Read()
    {
        using var stream = new MemoryStream(_unchanged);
        return TableReader.Read(stream, "deltaganden.csv").Rows.Count;
    }

    /// <summary>20 000 new rows (anonymous: a new personnummer would overlap the earlier rounds' periods).</summary>
    [Benchmark]
    public async Task<int> First() => Check(await ImportAsync(File(++_round, identified: false)), created: Rows);

    /// <summary>The same 20 000 rows again: nothing changes.</summary>
    [Benchmark]
    public async Task<int> Unchanged() => Check(await ImportAsync(_unchanged), created: 0);

    [GlobalCleanup]
    public void Dispose()
    {
        _app?.Dispose();
        _app = null;
        GC.SuppressFinalize(this);
    }

    private static int Check(EnrolmentImporter.Outcome outcome, int created) =>
        outcome.Succeeded && outcome.Created == created ? outcome.Rows : throw new InvalidOperationException($"Unexpected outcome: {outcome}");

    private Task<EnrolmentImporter.Outcome> ImportAsync(byte[] file) => App.InScopeAsync(async services =>
    {
        using var stream = new MemoryStream(file);
        return await services.GetRequiredService<EnrolmentImporter>().ImportAsync(stream, "deltaganden.csv", CancellationToken.None);
    });

    /// <summary>A file of rows; each round gets its own birth years, so its anonymous rows are new.</summary>
    private static byte[] File(int round, bool identified)
    {
        var text = new StringBuilder(string.Join(';', EnrolmentFileFormat.Columns)).Append("\r\n");
        for (var n = 1; n <= Rows; n++)
        {
            var person = identified && n % 5 == 0;
            var pnr = person ? TestData.Personnummer(n) : "";
            var birthYear = person ? 1900 + int.Parse(pnr.AsSpan(2, 2), CultureInfo.InvariantCulture) : 1940 + (round % 40) + (n % 25);
            var start = new DateOnly(BenchmarkApp.LastYear - 1, 1, 1).AddDays(n % 200);
            var ended = n % 3 == 0;
            string[] cells =
            [
                "", "", pnr, person ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                n % 2 == 0 ? "Kvinna" : "Man", birthYear.ToString(CultureInfo.InvariantCulture), "Åkerby", "Gymnasial",
                n % 2 == 0 ? "P31" : "P33", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Försäkringskassan", "\"Sjukpenning, Försörjningsstöd\"", "1–2 år",
                ended ? start.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "", ended ? "Arbete" : "", "", ended ? "Lön" : "", "",
            ];
            text.Append(string.Join(';', cells)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
