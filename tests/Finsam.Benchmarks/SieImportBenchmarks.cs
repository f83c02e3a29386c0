using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Finsam.Domain.Economy.Sie;
using Finsam.TestSupport;
using Finsam.Web.Features.Economy;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Benchmarks;

/// <summary>
/// A SIE 4 file of 200 000 transaction lines (100 000 vouchers of two lines): parsed, and imported as a year's
/// ledger (parse, replace the year's ledger, save) by <see cref="LedgerImporter"/>.
/// </summary>
[Config(typeof(FinsamBenchmarkConfig))]
public class SieImportBenchmarks : IDisposable
{
    public const int Vouchers = 100_000;

    // A year of its own beside the demo's (whose last is 2026), within the years the import accepts (until next year).
    private const int Year = 2027;

    private FinsamFactory? _factory;
    private byte[] _file = [];

    private FinsamFactory Factory => _factory ?? throw new InvalidOperationException("Not set up.");

    [GlobalSetup]
    public void Setup()
    {
        _file = SieFiles.Pc8(Generate(Vouchers));
        _factory = new FinsamFactory();
        _ = _factory.Services;
    }

    /// <summary>The baseline: reading the file alone (decoding it and going through its lines), nothing parsed or stored.</summary>
    [Benchmark]
    public int Read()
    {
        var text = SieParser.Decode(_file);
        var lines = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lines += line.IsEmpty ? 0 : 1;
        }

        return lines;
    }

    [Benchmark]
    public SieDocument Parse() => SieParser.Parse(_file);

    [Benchmark]
    public async Task<int> Import()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<LedgerImporter>().ImportAsync(_file, "benchmark.se", CancellationToken.None);
        return outcome.Import?.TransactionCount ?? throw new InvalidOperationException(outcome.Error);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _factory?.Dispose();
        _factory = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>A balanced year: each voucher moves an amount between the bank and a cost account of an insats.</summary>
    public static string Generate(int vouchers)
    {
        var costAccounts = new[] { "4010", "5010", "6110", "7010" };
        var sie = new StringBuilder(vouchers * 110);
        sie.Append(CultureInfo.InvariantCulture, $"""
            #FLAGGA 0
            #FORMAT PC8
            #SIETYP 4
            #FNAMN "Samordningsförbundet Prestanda"
            #RAR 0 {Year}0101 {Year}1231
            #KONTO 1930 "Bank"
            #KONTO 4010 "Löner"
            #KONTO 5010 "Lokalhyra"
            #KONTO 6110 "Kontorsmaterial"
            #KONTO 7010 "Köpta tjänster"
            #DIM 6 "Projekt"
            #OBJEKT 6 "P30" "Steget vidare"
            #OBJEKT 6 "P31" "Samverkansteam"

            """);
        var first = new DateOnly(Year, 1, 1);
        for (var n = 1; n <= vouchers; n++)
        {
            var amount = 100 + (n % 997);
            sie.Append(CultureInfo.InvariantCulture, $"""
                #VER A {n} {first.AddDays(n % 365):yyyyMMdd} "Faktura {n}"
                {"{"}
                #TRANS {costAccounts[n % costAccounts.Length]} {"{"}6 "P3{n % 2}"{"}"} {amount}.00
                #TRANS 1930 {"{}"} -{amount}.00
                {"}"}

                """);
        }

        return sie.ToString();
    }
}
