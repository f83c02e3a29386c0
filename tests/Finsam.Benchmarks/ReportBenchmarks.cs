using BenchmarkDotNet.Attributes;
using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Reporting.AnnualReport;
using Finsam.Reporting.Pdf;
using Finsam.Web.Features.AnnualReport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

    /// <summary>The baseline: the same renderer printing a one-page document.</summary>
    [Benchmark]
    public Task<byte[]> PdfBaseline() => App.InScopeAsync(services =>
        services.GetRequiredService<IPdfRenderer>().RenderAsync(OnePage, new PdfPageOptions { HeaderText = "Samordningsförbundet" }, CancellationToken.None));

    /// <summary>The report in one print, its contents' pages laid out before printing (the app's way since issue #11).</summary>
    [Benchmark]
    public Task<byte[]> Pdf() => App.InScopeAsync(async services =>
        await AnnualReportPdf.RenderAsync(await BuildAsync(services), services.GetRequiredService<IPdfRenderer>(), CancellationToken.None));

    /// <summary>The report printed twice, as before issue #11: once to read the sections' pages from the bookmarks, then with the contents numbered.</summary>
    [Benchmark]
    public Task<byte[]> PdfTwoPrints() => App.InScopeAsync(async services =>
    {
        var model = await BuildAsync(services);
        var renderer = services.GetRequiredService<IPdfRenderer>();
        var options = new PdfPageOptions { HeaderText = $"{model.FederationName} – {model.Title}{(model.IsDraft ? " (utkast)" : "")}" };
        var first = await renderer.RenderAsync(await ReportHtml.RenderAsync(model), options, CancellationToken.None);
        return await renderer.RenderAsync(await ReportHtml.RenderAsync(model, AnnualReportPdf.SectionPages(first, model)), options, CancellationToken.None);
    });

    /// <summary>The first report after start at worst: a renderer whose Chromium has not started yet (the app starts it in the background at launch).</summary>
    [Benchmark]
    public Task<byte[]> PdfCold() => App.InScopeAsync(async services =>
    {
        await using var renderer = new ChromiumPdfRenderer(
            services.GetRequiredService<IOptions<ChromiumOptions>>(), services.GetRequiredService<ILogger<ChromiumPdfRenderer>>());
        return await AnnualReportPdf.RenderAsync(await BuildAsync(services), renderer, CancellationToken.None);
    });

    [Benchmark]
    public Task<byte[]> Workbook() => App.InScopeAsync(async services => AnnualReportWorkbook.Build(
        await BuildAsync(services), await services.GetRequiredService<FinsamDbContext>().TrialBalanceForYearAsync(BenchmarkApp.ReportYear)));

    private const string OnePage =
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Baslinje</title></head><body><h1>Baslinje</h1><p>En sida.</p></body></html>";

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
