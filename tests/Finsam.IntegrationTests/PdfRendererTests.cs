using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Finsam.Reporting.Pdf;
using Finsam.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace Finsam.IntegrationTests;

/// <summary>The Chromium renderer produces a real PDF whose text reads back, Swedish letters and page numbers included.</summary>
[Collection(TimingSensitive.Name)]
public sealed class PdfRendererTests
{
    private static ChromiumPdfRenderer Renderer() => new(Options.Create(new ChromiumOptions()), NullLogger<ChromiumPdfRenderer>.Instance);

    [Fact]
    public async Task Renders_swedish_text_tables_and_page_numbers()
    {
        await using var renderer = Renderer();
        var rows = string.Concat(Enumerable.Range(1, 120).Select(i => $"<tr><td>Rad {i}</td><td>{i * 1000:N0}</td></tr>"));
        var html = $"""
            <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Årsredovisning</title></head>
            <body><h1>Årsredovisning 2026 för Åkerby–Strandvik</h1>
            <p>Försörjningsstöd, sjukpenning och aktivitetsersättning.</p>
            <table><thead><tr><th>Rad</th><th>Belopp</th></tr></thead><tbody>{rows}</tbody></table></body></html>
            """;

        var pdf = await renderer.RenderAsync(html, new PdfPageOptions { HeaderText = "Samordningsförbundet Norrsund" });

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 3, $"120 rows should need several pages, got {document.NumberOfPages}.");
        var first = document.GetPage(1).Text;
        Assert.Contains("Årsredovisning 2026 för Åkerby", first, StringComparison.Ordinal);
        Assert.Contains("Försörjningsstöd", first, StringComparison.Ordinal);
        Assert.Contains("Samordningsförbundet Norrsund", first, StringComparison.Ordinal);
        Assert.Contains($"Sida 1 av {document.NumberOfPages}", first, StringComparison.Ordinal);
        Assert.Contains("Rad 120", document.GetPage(document.NumberOfPages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_chromium_gives_a_clear_swedish_error()
    {
        await using var renderer = new ChromiumPdfRenderer(
            Options.Create(new ChromiumOptions { ExecutablePath = "/finns/inte/chromium" }),
            NullLogger<ChromiumPdfRenderer>.Instance);
        var error = await Assert.ThrowsAsync<PdfRenderingException>(() => renderer.RenderAsync("<p>x</p>", new PdfPageOptions()));
        Assert.Contains("Chromium saknas", error.Message, StringComparison.Ordinal);
    }

    private const string SmallDocument = "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>t</title></head><body><p>Kassaflödesanalys</p></body></html>";

    [Fact]
    public async Task A_crashed_chromium_is_replaced_and_the_next_document_renders()
    {
        // A wrapper that starts the real Chromium and notes its process id, so the test can kill the browser it started.
        var folder = Path.Combine(Path.GetTempPath(), "finsam-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var pids = Path.Combine(folder, "pids");
        var wrapper = Path.Combine(folder, "chromium");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\necho $$ >> '{pids}'\nexec /usr/bin/chromium \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        try
        {
            await using var renderer = new ChromiumPdfRenderer(
                Options.Create(new ChromiumOptions { ExecutablePath = wrapper }), NullLogger<ChromiumPdfRenderer>.Instance);
            Assert.Contains("Kassaflödesanalys", Text(await renderer.RenderAsync(SmallDocument, new PdfPageOptions())), StringComparison.Ordinal);

            var first = int.Parse((await File.ReadAllLinesAsync(pids)).Single(), System.Globalization.CultureInfo.InvariantCulture);
            using (var browser = Process.GetProcessById(first))
            {
                browser.Kill();
                await browser.WaitForExitAsync();
            }

            Assert.Contains("Kassaflödesanalys", Text(await renderer.RenderAsync(SmallDocument, new PdfPageOptions())), StringComparison.Ordinal);
            var started = await File.ReadAllLinesAsync(pids);
            Assert.Equal(2, started.Length);
            Assert.NotEqual(started[0], started[1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_rendering_that_hangs_is_abandoned_after_the_timeout_and_frees_its_slot()
    {
        // A server that accepts the picture's request and never answers: the page never finishes loading.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var hanging = $"<!DOCTYPE html><html lang=\"sv\"><head><title>t</title></head><body><img alt=\"x\" src=\"http://127.0.0.1:{port}/bild.png\"></body></html>";
        // The renderer's timeouts run on a clock the test moves, so nothing here depends on how busy the machine is.
        var clock = new FakeTimeProvider();
        await using var renderer = new ChromiumPdfRenderer(
            Options.Create(new ChromiumOptions { MaxConcurrentRenders = 1, Timeout = TimeSpan.FromMinutes(2) }), NullLogger<ChromiumPdfRenderer>.Instance, clock);
        await renderer.RenderAsync(SmallDocument, new PdfPageOptions()); // The browser is started.

        var stuck = renderer.RenderAsync(hanging, new PdfPageOptions());
        using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(60));

        // The only slot is taken by a rendering that cannot finish: a second document waits for it.
        var waiting = renderer.RenderAsync(SmallDocument, new PdfPageOptions());
        Assert.False(stuck.IsCompleted);
        Assert.False(waiting.IsCompleted);

        // The time allowed passes: the hanging one is abandoned with a clear message, and its slot serves the next.
        clock.Advance(TimeSpan.FromMinutes(2));
        var error = await Assert.ThrowsAsync<PdfRenderingException>(() => stuck);
        Assert.Contains("tog längre tid än 120 sekunder", error.Message, StringComparison.Ordinal);
        silent.Stop();
        Assert.Contains("Kassaflödesanalys", Text(await waiting), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_starts_chromium_in_the_background_at_launch_and_starts_without_it_when_it_is_missing()
    {
        using (var app = new FinsamFactory { StartChromiumAtLaunch = true })
        {
            var warmUp = app.Services.GetServices<IHostedService>().OfType<ChromiumWarmUp>().Single();
            await warmUp.Running.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(app.Services.GetRequiredService<ChromiumPdfRenderer>().IsStarted);
        }

        using var missing = new MissingChromiumFactory();
        var health = await missing.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var failed = missing.Services.GetServices<IHostedService>().OfType<ChromiumWarmUp>().Single();
        await failed.Running.WaitAsync(TimeSpan.FromMinutes(2));   // completes (logged), does not throw
        Assert.False(missing.Services.GetRequiredService<ChromiumPdfRenderer>().IsStarted);
    }

    private sealed class MissingChromiumFactory : FinsamFactory
    {
        public MissingChromiumFactory() => StartChromiumAtLaunch = true;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Pdf:ExecutablePath", "/finns/inte/chromium");
        }
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }
}
