using Finsam.Reporting.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace Finsam.IntegrationTests;

/// <summary>The Chromium renderer produces a real PDF whose text reads back, Swedish letters and page numbers included.</summary>
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
}
