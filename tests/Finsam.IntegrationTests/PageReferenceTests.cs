using Finsam.Domain.Reports;
using Finsam.Reporting.AnnualReport;
using Finsam.Reporting.Pdf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Finsam.IntegrationTests;

/// <summary>
/// The annual report's table of contents is numbered in one Chromium print: the numbers printed in the contents are
/// the pages on which the sections' headings are printed (read back with PdfPig), also for a title so long that it wraps.
/// </summary>
public sealed class PageReferenceTests
{
    private static readonly string LongTitle =
        "Insatser för unga vuxna mellan sexton och tjugonio år som varken arbetar eller studerar med uppföljning efter ett halvår";

    [Fact]
    public async Task The_contents_give_the_page_of_each_heading_in_one_print_also_for_a_wrapping_title()
    {
        Assert.Equal(120, LongTitle.Length);
        var logs = new CapturingLogger<ChromiumPdfRenderer>();
        await using var renderer = new ChromiumPdfRenderer(Options.Create(new ChromiumOptions()), logs);
        var model = Model();

        var counting = new CountingRenderer(renderer);

        var pdf = await AnnualReportPdf.RenderAsync(model, counting);

        Assert.Equal(1, counting.Calls);

        using var document = PdfDocument.Open(pdf);
        var sections = model.Sections.Where(s => s.Kind != ReportSectionKind.Cover).ToList();
        var contents = document.GetPage(2);
        Assert.Contains("Innehåll", contents.Text, StringComparison.Ordinal);

        // Where each heading is: the first page after the contents whose text starts a section with it.
        var printedAt = sections.Select(s => Enumerable.Range(3, document.NumberOfPages - 2)
            .First(n => Squeezed(document.GetPage(n).Text).Contains(Squeezed(s.Title), StringComparison.Ordinal))).ToList();
        Assert.Equal(printedAt.Order().ToList(), printedAt);
        Assert.True(printedAt.Distinct().Count() > 3, "The sections should spread over several pages.");
        Assert.Contains(printedAt.Zip(printedAt.Skip(1)), p => p.Second - p.First > 1);   // some section takes several pages

        // The numbers in the contents, top to bottom: the right-aligned whole numbers.
        var numbers = NumbersAtRightEdge(contents);
        Assert.Equal(printedAt, numbers);

        // The bookmarks agree, and the long title's entry has its number on its first line, beside the wrapped title.
        Assert.True(document.TryGetBookmarks(out var outline));
        var marks = outline.Roots.OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().ToList();
        Assert.Equal(printedAt, sections.Select(s => marks.Single(m => Squeezed(m.Title) == Squeezed(s.Title)).PageNumber));
        var longWords = contents.GetWords().Where(w => LongTitle.Split(' ').Contains(w.Text)).ToList();
        Assert.True(longWords.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count() >= 2, "The long title should wrap in the contents.");

        // One print: the pages laid out before printing were the printed ones, nothing had to be corrected.
        Assert.DoesNotContain(logs.Messages, m => m.Contains("page references differed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_table_too_wide_for_a_portrait_page_gets_landscape_pages_at_8_pt_and_the_contents_stay_right()
    {
        await using var renderer = new ChromiumPdfRenderer(Options.Create(new ChromiumOptions()), new CapturingLogger<ChromiumPdfRenderer>());
        // A driftsredovisning-like table of fifteen amount columns in the hundreds of millions: at 8 pt it needs about 25 cm.
        var columns = new List<ReportColumn> { new("Insats", CellKind.Text, 30) };
        columns.AddRange(Enumerable.Range(1, 15).Select(i => new ReportColumn($"Kolumn {i}", CellKind.Amount)));
        var wide = new ReportTable("Bred", "Bred tabell", columns,
            [.. Enumerable.Range(1, 30).Select(r => new ReportRow([$"Insats {r}", .. Enumerable.Range(1, 15).Select(c => (ReportCell)(-123_456_700m - r * 1000m - c))]))]);
        Assert.True(TableWidth.NeedsLandscape(wide), $"{TableWidth.MinimumPoints(wide)} pt");
        Assert.True(TableWidth.MinimumPoints(wide) < TableWidth.LandscapePoints, $"{TableWidth.MinimumPoints(wide)} pt");
        var model = Model();
        var sections = model.Sections.ToList();
        var at = sections.FindIndex(s => s.Kind == ReportSectionKind.Participants);
        sections[at] = sections[at] with { Blocks = [new ParagraphBlock("Driftsredovisning per insats."), new TableBlock(wide)] };
        model = model with { Sections = sections };

        var pdf = await AnnualReportPdf.RenderAsync(model, renderer);

        using var document = PdfDocument.Open(pdf);
        var margin = 2 / 2.54 * 72;
        var pages = document.GetPages().ToList();
        var landscape = pages.Where(p => p.Width > p.Height).Select(p => p.Number).ToList();
        Assert.NotEmpty(landscape);
        // The landscape pages are the wide table's (its header repeats on each), nothing else.
        Assert.Equal(pages.Where(p => Squeezed(p.Text).Contains("Kolumn15", StringComparison.Ordinal)).Select(p => p.Number).ToList(), landscape);
        foreach (var page in pages)
        {
            // Every letter inside the page's margins (nothing runs off the right edge), and no text of the body under 8 pt.
            var body = page.Letters.Where(l => !char.IsWhiteSpace(l.Value[0]) && l.PointSize < 40 && l.BoundingBox.Bottom > margin && l.BoundingBox.Top < page.Height - margin).ToList();
            Assert.DoesNotContain(body, l => l.BoundingBox.Right > page.Width - margin + 1 || l.BoundingBox.Left < margin - 1);
            Assert.DoesNotContain(body, l => l.PointSize < 7.95);
        }

        // The sections after the landscape pages are portrait again, and the contents give every heading's page.
        Assert.True(pages[^1].Width < pages[^1].Height);
        var expected = model.Sections.Where(s => s.Kind != ReportSectionKind.Cover).Select(s => Enumerable.Range(3, document.NumberOfPages - 2)
            .First(n => Squeezed(document.GetPage(n).Text).Contains(Squeezed(s.Title), StringComparison.Ordinal))).ToList();
        Assert.Equal(expected, NumbersAtRightEdge(document.GetPage(2)));
        Assert.Contains(expected[3], landscape);
    }

    [Fact]
    public void Css_lengths_become_pixels()
    {
        Assert.Equal(96, PageReferences.Length("1in"), 6);
        Assert.Equal(96 * 2.2 / 2.54, PageReferences.Length("2.2cm"), 6);
        Assert.Equal(12, PageReferences.Length("12"), 6);
        Assert.Equal(16, PageReferences.Length("12pt"), 6);
        var (width, height) = PageReferences.ContentSize(new PdfPageOptions());
        Assert.Equal(170 * 96 / 25.4, width, 6);
        Assert.Equal(255 * 96 / 25.4, height, 6);
        Assert.Throws<FormatException>(() => PageReferences.Length("2em"));
    }

    private static List<int> NumbersAtRightEdge(Page page)
    {
        // Inside the page's content area: not the footer's "Sida 2 av N" in the 2 cm bottom margin.
        var margin = 2 / 2.54 * 72;
        var numbers = page.GetWords().Where(w => int.TryParse(w.Text, out _) && w.BoundingBox.Bottom > margin && w.BoundingBox.Top < page.Height - margin).ToList();
        var right = numbers.Max(w => w.BoundingBox.Right);
        return numbers.Where(w => right - w.BoundingBox.Right < 2)
            .OrderByDescending(w => w.BoundingBox.Bottom)
            .Select(w => int.Parse(w.Text, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    private static string Squeezed(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>A report with sections of very different lengths: a heading alone, long tables, many paragraphs.</summary>
    private static AnnualReportModel Model()
    {
        static ReportTable Table(string key, int rows) => new(key, $"Tabell {key}",
            [new ReportColumn("Insats", CellKind.Text), new ReportColumn("Antal", CellKind.Count), new ReportColumn("Kostnad", CellKind.Amount)],
            [.. Enumerable.Range(1, rows).Select(i => new ReportRow([$"Rad {i} i {key}", i, i * 1250.5m]))]);
        static IEnumerable<ReportBlock> Paragraphs(int count) => Enumerable.Range(1, count).Select(i => (ReportBlock)new ParagraphBlock(
            $"Stycke {i}. Förbundet har under året fortsatt samverkan mellan Försäkringskassan, Arbetsförmedlingen, regionen och kommunerna, " +
            "med gemensamma insatser för personer som behöver samordnat stöd för att nå arbete eller studier."));

        ReportSection[] sections =
        [
            new(ReportSectionKind.Cover, "Omslag", null, []),
            new(ReportSectionKind.ChairmanForeword, "Ordförande har ordet", "<p>Ett kort förord.</p>", []),
            new(ReportSectionKind.AdministrationReport, "Förvaltningsberättelse", null, [.. Paragraphs(40)]),
            new(ReportSectionKind.GoalFulfilment, LongTitle, null, [new TableBlock(Table("a", 90)), new HeadingBlock("Uppföljning"), .. Paragraphs(6)]),
            new(ReportSectionKind.Participants, "Deltagare", null, [new TableBlock(Table("b", 12))]),
            new(ReportSectionKind.FinancialResult, "Ekonomiskt resultat", null, [new TableBlock(Table("c", 160)), .. Paragraphs(3)]),
            new(ReportSectionKind.IncomeStatement, "Resultaträkning", null, [new TableBlock(Table("d", 20))]),
            new(ReportSectionKind.BoardDecision, "Styrelsens beslut", null,
                [new SignatureBlock("Norrsund den 1 mars 2026", [new Signatory("Anna Ordförande", "ordförande"), new Signatory("Bo Ledamot", "ledamot")])]),
        ];
        return new AnnualReportModel(2025, "Samordningsförbundet Norrsund", "222000-0000", IsDraft: true,
            new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc), sections, []);
    }

    private sealed class CountingRenderer(IPdfRenderer inner) : IPdfRenderer
    {
        public int Calls { get; private set; }

        public Task<byte[]> RenderAsync(string html, PdfPageOptions options, CancellationToken cancellationToken = default)
        {
            Calls++;
            return inner.RenderAsync(html, options, cancellationToken);
        }
    }

    private sealed class CapturingLogger<T> : ILogger<T>
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }
    }
}
