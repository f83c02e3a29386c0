using System.Net;
using System.Text.Json.Nodes;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Reports;
using Finsam.Reporting.AnnualReport;
using Finsam.TestSupport;
using Finsam.Web.Features.AnnualReport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Finsam.TestSupport.PageText;

namespace Finsam.IntegrationTests;

/// <summary>
/// The demo's annual report as a förbundschef would print it (docs/annual-report.md, "The document"): an adopted year
/// (2024) and a draft (2025), read back from the PDF with PdfPig. The flerårsöversikt, the narrative sections, the
/// layout rules, and the adopted year's JSON and preview served from the archive.
/// </summary>
/// <remarks>With FINSAM_REPORT_OUT set to a folder, the two PDFs are written there to be looked at page by page.</remarks>
public sealed class ReportLayoutTests : IAsyncLifetime, IDisposable
{
    private const int Adopted = 2024;
    private const int Draft = 2025;
    private FinsamFactory _factory = null!;
    private HttpClient _chef = null!;
    private byte[] _adoptedPdf = [];
    private byte[] _draftPdf = [];

    public async Task InitializeAsync()
    {
        _factory = new FinsamFactory();
        await _factory.SeedDemoAsync(2026);
        await _factory.ConfirmSuggestedAssessmentsAsync(Adopted);
        _chef = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Director));
        var adopted = await _chef.PostFormAsync($"/Arsredovisning/Faststall/{Adopted}", [new("Input.DecisionDate", "2025-03-12"), new("Input.Minute", "12")]);
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        _adoptedPdf = await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Adopted}");
        _draftPdf = await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Draft}");
        if (Environment.GetEnvironmentVariable("FINSAM_REPORT_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"arsredovisning-{Adopted}.pdf"), _adoptedPdf);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"arsredovisning-{Draft}-utkast.pdf"), _draftPdf);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    private async Task<AnnualReportModel> ModelAsync(int year)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AnnualReportService>().BuildAsync(year, CancellationToken.None))!;
    }

    private static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => Plain(p.Text)).ToList();
    }

    private static string Squeeze(string text) => new(Plain(text).Where(c => !char.IsWhiteSpace(c)).ToArray());

    [Fact]
    public async Task The_multi_year_overview_has_five_years_from_the_ledger_and_registrations_and_leaves_years_without_data_blank()
    {
        var model = await ModelAsync(Draft);
        var table = model.Tables.Single(t => t.Key == "Flerårsöversikt");
        Assert.Equal(["2025", "2024", "2023", "2022", "2021"], table.Rows.Select(r => r.Cells[0].Text));
        var statements = await _factory.WithDbAsync(db => db.StatementsForYearAsync(Draft));
        var years = await _factory.WithDbAsync(db => db.StatisticsForYearsAsync([2025, 2024, 2023, 2022, 2021]));
        foreach (var row in table.Rows)
        {
            var year = int.Parse(row.Cells[0].Text!, System.Globalization.CultureInfo.InvariantCulture);
            var figures = year == Draft ? statements!.Current : year == Draft - 1 ? statements!.Previous : null;
            var ledger = await _factory.WithDbAsync(db => db.StatementsOfYearsAsync([year]));
            if (figures is null && ledger.TryGetValue(year, out var own))
            {
                figures = own;
            }

            if (figures is null)
            {
                Assert.All(row.Cells.Skip(1).Take(5), c => Assert.True(c.IsEmpty, $"{year} has no ledger and should be blank."));
            }
            else
            {
                Assert.Equal(figures.Income.OperatingIncome, row.Cells[1].Number);
                Assert.Equal(figures.Income.OperatingCosts + figures.Income.Depreciation, row.Cells[2].Number);
                Assert.Equal(figures.Income.ResultForTheYear, row.Cells[3].Number);
                Assert.Equal(figures.Closing.Equity, row.Cells[4].Number);
                Assert.Equal(Math.Round(figures.Closing.Equity / figures.Closing.TotalAssets, 4), row.Cells[5].Number);
            }

            var participants = years[year].Total.Current.Total;
            Assert.Equal(participants > 0 ? participants : null, row.Cells[6].Number);
        }

        Assert.Contains(table.Rows, r => r.Cells[1].IsEmpty);   // the demo's ledger starts in 2024: earlier years are blank, not 0
        var pages = Pages(_draftPdf);
        var page = pages.Single(p => p.Contains("Översikt över verksamhetens utveckling", StringComparison.Ordinal) && p.Contains("Soliditet", StringComparison.Ordinal));
        Assert.Contains("Förvaltningsberättelse", page + pages[pages.IndexOf(page) - 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Significant_events_and_expected_development_are_the_foerbunds_texts_listed_in_the_contents_and_locked_once_adopted()
    {
        var pages = Pages(_draftPdf);
        var contents = pages[1];
        Assert.Contains("Väsentliga händelser", contents, StringComparison.Ordinal);
        Assert.Contains("Förväntad utveckling", contents, StringComparison.Ordinal);
        var all = string.Join("\n", pages);
        Assert.Contains("Inga väsentliga händelser har inträffat efter räkenskapsårets slut.", all, StringComparison.Ordinal);
        Assert.Contains("Behovet av samordnade insatser väntas öka", all, StringComparison.Ordinal);

        // They go on from the page before (parts of the förvaltningsberättelse), so they start no page of their own.
        using (var pdf = PdfDocument.Open(_draftPdf))
        {
            Assert.True(pdf.TryGetBookmarks(out var bookmarks));
            var marks = bookmarks.Roots.OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().ToList();
            var events = marks.Single(b => b.Title == "Väsentliga händelser");
            var lastOfAdministration = pages.FindLastIndex(p => p.Contains("Förbundschef:", StringComparison.Ordinal)) + 1;
            Assert.Equal(lastOfAdministration, events.PageNumber);
        }

        // Required for adoption like the förvaltningsberättelse, and refused once the year is adopted.
        var refused = await _chef.PostFormAsync($"/Arsredovisning/Text/{Adopted}/{ReportSectionKind.ExpectedDevelopment}", [new("Markdown", "Ändrad efter fastställandet")]);
        Assert.Contains($"Verksamhetsåret {Adopted} är stängt och kan inte ändras.", Decoded(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("Ändrad efter fastställandet", await _chef.GetStringAsync($"/api/arsredovisning/{Adopted}"), StringComparison.Ordinal);
        Assert.True(ReportReadiness.IsWrittenOnly(ReportSectionKind.SignificantEvents));
    }

    [Fact]
    public async Task The_adopted_years_json_and_preview_are_the_archived_report_whatever_changes_afterwards()
    {
        var archived = await _factory.WithDbAsync(db => db.ReportArchives.AsNoTracking().SingleAsync(a => a.Year == Adopted));
        Assert.NotNull(archived.Model);
        var before = await _chef.GetStringAsync($"/api/arsredovisning/{Adopted}");
        Assert.Equal(archived.Model, before);

        // Figures the report would compute differently now: the förbund's name (which may change at any time) and,
        // behind the write path's back, an account's balance of the closed year.
        await _factory.WithDbAsync(db => db.Federations.ExecuteUpdateAsync(f => f.SetProperty(x => x.Name, "Samordningsförbundet Nytt Namn")));
        await _factory.WithDbAsync(db => db.LedgerBalances.Where(b => db.FiscalYears.Any(y => y.Id == b.FiscalYearId && y.Year == Adopted) && b.BalanceYear == Adopted)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.Amount, x => x.Amount * 2)));

        Assert.Equal(before, await _chef.GetStringAsync($"/api/arsredovisning/{Adopted}"));
        var json = JsonNode.Parse(before)!;
        Assert.Equal("Samordningsförbundet Norrsund", (string?)json["federationName"]);
        Assert.False((bool)json["isDraft"]!);
        var preview = Html.Parse(await _chef.GetStringAsync($"/Arsredovisning/Forhandsgranska/{Adopted}"));
        Assert.Equal("Samordningsförbundet Norrsund", preview.QuerySelector(".cover-federation")!.TextContent);
        Assert.Contains("Fastställd av styrelsen 2025-03-12, § 12", preview.QuerySelector(".cover-status")!.TextContent, StringComparison.Ordinal);

        // The archived model renders the same document as the one archived as PDF.
        var model = ReportJson.Deserialize(archived.Model);
        Assert.Equal(archived.Model, ReportJson.Serialize(model));

        // A draft year is still computed now: the new name.
        Assert.Equal("Samordningsförbundet Nytt Namn", (string?)JsonNode.Parse(await _chef.GetStringAsync($"/api/arsredovisning/{Draft}"))!["federationName"]);
    }

    [Theory]
    [InlineData(Adopted)]
    [InlineData(Draft)]
    public async Task Every_heading_stays_with_its_table_and_no_table_leaves_a_single_row_on_a_page(int year)
    {
        var model = await ModelAsync(year);
        var pages = Pages(year == Adopted ? _adoptedPdf : _draftPdf).Select(Squeeze).ToList();
        var cursor = (Page: 2, Position: 0);   // after the cover and the contents
        (int Page, int Position)? Find(string text, (int Page, int Position) from)
        {
            var needle = Squeeze(text);
            for (var page = from.Page; page < pages.Count; page++)
            {
                var at = pages[page].IndexOf(needle, page == from.Page ? from.Position : 0, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return (page, at + needle.Length);
                }
            }

            return null;
        }

        var checkedTables = 0;
        foreach (var section in model.Sections.Where(s => s.Kind != ReportSectionKind.Cover))
        {
            cursor = Find(section.Title, cursor) ?? cursor;
            var blocks = section.Blocks;
            for (var b = 0; b < blocks.Count; b++)
            {
                // A heading and its first table, also when a lead paragraph (a målområde's bedömning) stands between them.
                var first = blocks.Skip(b + 1).SkipWhile(x => x is ParagraphBlock).FirstOrDefault();
                if (blocks[b] is HeadingBlock heading && blocks.Skip(b + 1).TakeWhile(x => x is ParagraphBlock).Count() <= 1 && first is TableBlock next)
                {
                    var headingAt = Find(heading.Text, cursor);
                    var captionAt = headingAt is { } h ? Find(next.Table.Title, h) : null;
                    Assert.True(headingAt is not null && captionAt is not null, $"{year}: {heading.Text} / {next.Table.Title} not found.");
                    Assert.True(headingAt.Value.Page == captionAt.Value.Page, $"{year}: the heading {heading.Text} is on page {headingAt.Value.Page + 1}, its table on {captionAt.Value.Page + 1}.");
                }

                if (blocks[b] is not TableBlock { Table: var table })
                {
                    continue;
                }

                var caption = Find(table.Title, cursor);
                Assert.True(caption is not null, $"{year}: the table {table.Title} is not printed.");
                cursor = caption.Value;
                var printed = model.Printed(table);
                var rowPages = new List<int>();
                for (var r = 0; r < table.Rows.Count; r++)
                {
                    var label = ReportFormat.Cell(printed.Cell(r, 0), table.Columns[0]);
                    if (label.Length == 0 || Find(label, cursor) is not { } at)
                    {
                        continue;
                    }

                    rowPages.Add(at.Page);
                    cursor = at;
                }

                if (rowPages.Count > 0)
                {
                    Assert.True(rowPages[0] == caption.Value.Page, $"{year}: the caption of {table.Title} is on page {caption.Value.Page + 1}, its first row on {rowPages[0] + 1}.");
                }

                if (rowPages.Count >= 2)
                {
                    foreach (var group in rowPages.GroupBy(p => p))
                    {
                        Assert.True(group.Count() >= 2, $"{year}: {table.Title} leaves {group.Count()} row on page {group.Key + 1}.");
                    }
                }

                checkedTables++;
            }
        }

        Assert.True(checkedTables > 10, $"Only {checkedTables} tables were found in the {year} report.");
    }

    [Theory]
    [InlineData(Adopted)]
    [InlineData(Draft)]
    public async Task No_column_header_is_broken_inside_a_word(int year)
    {
        // Every header word of every printed table (a word with "/" or "-" may break there).
        var model = await ModelAsync(year);
        var headerWords = model.Sections.SelectMany(s => s.Blocks)
            .SelectMany(b => b switch { TableBlock t => [t.Table], ChartBlock c => [c.Data], _ => Array.Empty<ReportTable>() })
            .SelectMany(t => t.Columns).SelectMany(c => c.Header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 5 && !w.Contains('/', StringComparison.Ordinal) && !w.Contains('-', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Bedömning", headerWords);

        // A broken word prints as two words, the second on the next line at the same left edge ("Bedömni" over "ng").
        using var pdf = PdfDocument.Open(year == Adopted ? _adoptedPdf : _draftPdf);
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().Where(w => w.Letters.All(l => l.PointSize < 40)).ToList();
            foreach (var a in words)
            {
                var below = words.FirstOrDefault(b => b.BoundingBox.Top < a.BoundingBox.Bottom && a.BoundingBox.Bottom - b.BoundingBox.Top < a.BoundingBox.Height
                    && Math.Abs(b.BoundingBox.Left - a.BoundingBox.Left) < 1.5 && headerWords.Contains(a.Text + b.Text));
                Assert.True(below is null, $"{year}, page {page.Number}: the header word {a.Text}{below?.Text} is broken as \"{a.Text}\" over \"{below?.Text}\".");
            }
        }
    }

    [Theory]
    [InlineData(Adopted)]
    [InlineData(Draft)]
    public void No_text_in_the_body_is_smaller_than_8_pt_and_no_internal_label_is_printed(int year)
    {
        using var pdf = PdfDocument.Open(year == Adopted ? _adoptedPdf : _draftPdf);
        var margin = 2 / 2.54 * 72;   // the header and footer sit in the 2 cm margins
        foreach (var page in pdf.GetPages())
        {
            var small = page.Letters
                .Where(l => !char.IsWhiteSpace(l.Value[0]) && l.BoundingBox.Bottom > margin && l.BoundingBox.Top < page.Height - margin && l.PointSize < 7.95)
                .Select(l => l.Value).ToList();
            Assert.True(small.Count == 0, $"{year}, page {page.Number}: text smaller than 8 pt: {string.Concat(small.Take(40))}");
            var text = Plain(page.Text);
            foreach (var label in new[] { "Manuellt mått", "ej gjord", "Ej gjord" })
            {
                Assert.DoesNotContain(label, text, StringComparison.Ordinal);
            }
        }
    }
}
