using BenchmarkDotNet.Attributes;
using Finsam.Reporting.AnnualReport;
using Finsam.Reporting.Pdf;
using Finsam.Web.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Benchmarks;

/// <summary>The annual report of the last finished year: its model, the PDF (Chromium) and the auditors' workbook.</summary>
[Config(typeof(FinsamBenchmarkConfig))]
public class ReportBenchmarks : IDisposable
{
    private BenchmarkApp? _app;

    [ParamsAllValues]
    public FederationSize Size { get; set; }

    private BenchmarkApp App => _app ?? throw new InvalidOperationException("Not set up.");

    [GlobalSetup]
    public async Task SetupAsync() => _app = await BenchmarkApp.StartAsync(Size.ParticipantCount());

    [Benchmark]
    public Task<AnnualReportModel> Model() => App.InScopeAsync(BuildAsync);

    [Benchmark]
    public Task<byte[]> Pdf() => App.InScopeAsync(async services =>
        await AnnualReportPdf.RenderAsync(await BuildAsync(services), services.GetRequiredService<IPdfRenderer>(), CancellationToken.None));

    [Benchmark]
    public Task<byte[]> Workbook() => App.InScopeAsync(async services => AnnualReportWorkbook.Build(await BuildAsync(services)));

    [GlobalCleanup]
    public void Dispose()
    {
        _app?.Dispose();
        _app = null;
        GC.SuppressFinalize(this);
    }

    private static async Task<AnnualReportModel> BuildAsync(IServiceProvider services) =>
        await services.GetRequiredService<AnnualReportService>().BuildAsync(BenchmarkApp.ReportYear, CancellationToken.None)
        ?? throw new InvalidOperationException($"No annual report for {BenchmarkApp.ReportYear}.");
}
