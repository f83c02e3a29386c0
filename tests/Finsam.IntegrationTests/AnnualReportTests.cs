using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.TestSupport;
using static Finsam.TestSupport.PageText;
using Microsoft.EntityFrameworkCore;
using Finsam.Reporting.AnnualReport;
using Finsam.Reporting.Pdf;
using Finsam.Web.Features.AnnualReport;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Finsam.IntegrationTests;

/// <summary>The demo förbund's annual report as PDF (read back with PdfPig), as the auditors' workbook (opened with ClosedXML) and as JSON.</summary>
public sealed class AnnualReportTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2025;
    private FinsamFactory _factory = null!;
    private HttpClient _chef = null!;

    public async Task InitializeAsync()
    {
        _factory = new FinsamFactory();
        await _factory.SeedDemoAsync(2026);
        _chef = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Director));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_draft_with_the_same_content_is_served_from_memory_and_any_change_renders_afresh()
    {
        const int year = Year - 1;
        var cache = _factory.Services.GetRequiredService<DraftPdfCache>();
        var url = $"/Arsredovisning?handler=Pdf&ar={year}&utkast=true";
        var first = await _chef.GetByteArrayAsync(url);
        var hits = cache.Hits;
        Assert.Equal(first, await _chef.GetByteArrayAsync(url));
        Assert.Equal(hits + 1, cache.Hits);

        // A new text is new content: rendered again, with the text.
        Assert.Equal(HttpStatusCode.Redirect, (await _chef.PostFormAsync($"/Arsredovisning/Text/{year}/ChairmanForeword", [new("Markdown", "Ett förord skrivet efter förra utkastet.")])).StatusCode);
        var changed = await _chef.GetByteArrayAsync(url);
        Assert.Equal(hits + 1, cache.Hits);
        using var pdf = PdfDocument.Open(changed);
        Assert.Contains("Ett förord skrivet efter förra utkastet.", string.Join(" ", pdf.GetPages().Select(p => Plain(p.Text))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_has_every_section_numbered_contents_the_right_figures_and_the_draft_mark()
    {
        var saved = await _chef.PostFormAsync($"/Arsredovisning/Text/{Year}/ChairmanForeword",
            [new("Markdown", "# Ett år av samverkan\n\nVi har **fortsatt** arbetet.<script>alert(1)</script>\n\n- första punkten")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _chef.PostFormAsync($"/Arsredovisning/Undertecknare/{Year}", [new("Lines", "Anna Ordförande, ordförande\nBo Ledamot, vice ordförande")])).StatusCode);

        var response = await _chef.GetAsync($"/Arsredovisning?handler=Pdf&ar={Year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = Enumerable.Range(1, pdf.NumberOfPages).Select(n => Plain(pdf.GetPage(n).Text)).ToList();
        var all = string.Join("\n", pages);

        Assert.Contains("Samordningsförbundet Norrsund", pages[0], StringComparison.Ordinal);
        Assert.Contains($"Årsredovisning {Year}", pages[0], StringComparison.Ordinal);
        Assert.All(pages, p => Assert.Contains("UTKAST", p, StringComparison.Ordinal));
        Assert.Contains($"Sida 1 av {pdf.NumberOfPages}", pages[0], StringComparison.Ordinal);
        Assert.Contains($"Sida {pdf.NumberOfPages} av {pdf.NumberOfPages}", pages[^1], StringComparison.Ordinal);

        // Bookmarks: one per section, pointing at the page that starts with its heading; the contents give the same page.
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var top = bookmarks.Roots.OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().ToList();
        string[] expected = ["Ordförande har ordet", "Förvaltningsberättelse", "Måluppfyllelse", "Deltagare", "Ekonomiskt resultat", "Driftsredovisning",
            "Resultaträkning", "Balansräkning", "Kassaflödesanalys", "Redovisningsprinciper", "Noter", "Styrelsens beslut"];
        foreach (var title in expected)
        {
            var mark = top.FirstOrDefault(b => b.Title == title);
            Assert.True(mark is not null, $"No bookmark for {title}: {string.Join(", ", top.Select(b => b.Title))}");
            Assert.Contains(title, pages[mark.PageNumber - 1], StringComparison.Ordinal);
            Assert.Matches($"{System.Text.RegularExpressions.Regex.Escape(title)}\\.*\\s*{mark.PageNumber}(?!\\d)", pages[1]);
        }

        // The narrative, sanitised; the signatories.
        Assert.Contains("Ett år av samverkan", all, StringComparison.Ordinal);
        // Raw HTML in a text is shown as the text typed, never made an element (docs/annual-report.md): the PDF prints
        // it, and the HTML that is printed (parsed, not matched) has no script element, while the Markdown's own
        // emphasis is an element.
        Assert.Contains("<script>alert(1)</script>", all, StringComparison.Ordinal);
        var printed = Html.Parse(await _chef.GetStringAsync($"/Arsredovisning/Forhandsgranska/{Year}"));
        Assert.Empty(printed.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script>", printed.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(printed.QuerySelectorAll("strong"), e => e.TextContent == "fortsatt");
        Assert.Contains("Anna Ordförande", all, StringComparison.Ordinal);

        // Figures: the year's result and cash in tkr, as the statements compute them.
        var statements = await _factory.WithDbAsync(db => db.StatementsForYearAsync(Year));
        var income = top.Single(b => b.Title == "Resultaträkning");
        static string Squeeze(string text) => Plain(text).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("Åretsresultat" + Squeeze(SwedishFormat.Tkr(statements!.Current.Income.ResultForTheYear)), Squeeze(pages[income.PageNumber - 1]), StringComparison.Ordinal);
        var balance = top.Single(b => b.Title == "Balansräkning");
        Assert.Contains("Kassaochbank" + Squeeze(SwedishFormat.Tkr(statements.Current.Closing.CashAndBank)), Squeeze(pages[balance.PageNumber - 1]), StringComparison.Ordinal);
        Assert.Contains("Balanskravsresultat", all, StringComparison.Ordinal);
        Assert.Contains("Medlemsbidrag", all, StringComparison.Ordinal);

        // The widest tables fit the page: their last column is printed, not cut off at the margin.
        var operating = Squeeze(pages[top.Single(b => b.Title == "Driftsredovisning").PageNumber - 1]);
        Assert.Contains($"Netto{Year - 1}", operating, StringComparison.Ordinal);
        Assert.EndsWith(Squeeze(SwedishFormat.Tkr(statements.Previous!.Income.ResultForTheYear)),
            operating[..operating.IndexOf("Netto=intäkt", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("Arbetssökande", pages[top.Single(b => b.Title == "Deltagare").PageNumber - 1], StringComparison.Ordinal);

        // Goals, participants and the bilaga come from the registrations.
        var participants = await _factory.WithDbAsync(db => db.StatisticsForYearAsync(Year));
        Assert.Contains("Målområde 1", all, StringComparison.Ordinal);
        Assert.Contains($"Deltagarflöden {Year}", all, StringComparison.Ordinal);
        Assert.Contains($"Avslutsorsaker {Year}", all, StringComparison.Ordinal);
        Assert.Contains("Förbundet totalt" + participants.Total.Flow.Current, Squeeze(all).Replace("Förbundettotalt", "Förbundet totalt", StringComparison.Ordinal), StringComparison.Ordinal);
        var appendix = top.Single(b => b.Title.StartsWith("Bilaga", StringComparison.Ordinal));
        Assert.Contains("Samverkansteam Åkerby – P31", string.Join("\n", pages.Skip(appendix.PageNumber - 1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_printed_once_has_the_same_text_on_every_page_as_the_report_printed_twice()
    {
        // The way the report was printed before: once to find each section's page in the bookmarks, then again with
        // the contents numbered. The one print with the pages laid out beforehand gives the same text, page by page.
        AnnualReportModel? model;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            model = await scope.ServiceProvider.GetRequiredService<AnnualReportService>().BuildAsync(Year, CancellationToken.None);
        }

        Assert.NotNull(model);
        var renderer = _factory.Services.GetRequiredService<IPdfRenderer>();
        var options = new PdfPageOptions { HeaderText = $"{model.FederationName} – {model.Title}{(model.IsDraft ? " (utkast)" : "")}" };
        var first = await renderer.RenderAsync(await ReportHtml.RenderAsync(model), options);
        var twice = await renderer.RenderAsync(await ReportHtml.RenderAsync(model, AnnualReportPdf.SectionPages(first, model)), options);

        var once = await AnnualReportPdf.RenderAsync(model, renderer);

        using var expected = PdfDocument.Open(twice);
        using var actual = PdfDocument.Open(once);
        Assert.Equal(expected.NumberOfPages, actual.NumberOfPages);
        for (var n = 1; n <= expected.NumberOfPages; n++)
        {
            Assert.Equal(expected.GetPage(n).Text, actual.GetPage(n).Text);
        }

        Assert.Equal(AnnualReportPdf.SectionPages(twice, model), AnnualReportPdf.SectionPages(once, model));
    }

    [Fact]
    public async Task The_director_sees_each_texts_version_and_what_is_missing_before_adoption()
    {
        // The demo's finished year is written and signed: every text has its version; only the computed indicators'
        // assessments are still the rule's suggestions, and once they are confirmed nothing is missing.
        static string Words(string html) =>
            System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(Decoded(html), "<[^>]+>", " "), @"\s+", " ");
        var page = Words(await _chef.GetStringAsync($"/Arsredovisning?ar={Year}"));
        Assert.Matches(@"Ordförande har ordet – version 1, sparad \d{4}-\d{2}-\d{2} \d{2}:\d{2} av demo", page);
        var suggested = await _factory.ConfirmSuggestedAssessmentsAsync(Year);
        Assert.Contains($"Saknas innan styrelsen fastställer {suggested} indikatorer har bara regelns förslag till bedömning", page, StringComparison.Ordinal);
        page = Words(await _chef.GetStringAsync($"/Arsredovisning?ar={Year}"));
        Assert.DoesNotContain("Saknas innan styrelsen fastställer", page, StringComparison.Ordinal);

        // Without the förvaltningsberättelse and the signatories (neither written nor a board of the year to default to),
        // both are listed, in the report's order.
        await _factory.WithDbAsync(db => db.ReportTexts.Where(t => t.Year == Year && t.Kind == Domain.Reports.ReportSectionKind.AdministrationReport).ExecuteDeleteAsync());
        await _factory.WithDbAsync(db => db.BoardAssignments.ExecuteDeleteAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await _chef.PostFormAsync($"/Arsredovisning/Undertecknare/{Year}", [new("Lines", "")])).StatusCode);
        page = Words(await _chef.GetStringAsync($"/Arsredovisning?ar={Year}"));
        Assert.Contains("Förvaltningsberättelse – ingen text ännu", page, StringComparison.Ordinal);
        var missing = page[page.IndexOf("Saknas innan styrelsen fastställer", StringComparison.Ordinal)..];
        Assert.Matches("Avsnittet Förvaltningsberättelse har ingen text\\. Inga undertecknare är angivna för styrelsens beslut\\.", missing);

        // The board reads the report page but is not the author: no drafting notes.
        var board = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Board));
        Assert.DoesNotContain("Saknas innan styrelsen fastställer", await board.GetStringAsync($"/Arsredovisning?ar={Year}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_has_a_sheet_per_table_numbers_as_numbers_and_totals_as_formulas()
    {
        var auditor = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Auditor));
        var response = await auditor.GetAsync($"/Arsredovisning?handler=Excel&ar={Year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = workbook.Worksheets.Select(w => w.Name).ToList();
        foreach (var name in new[] { "Resultaträkning", "Balansräkning", "Kassaflödesanalys", "Driftsredovisning", "Medlemsbidrag", "Balanskravsresultat", "Kontroller" })
        {
            Assert.Contains(name, names);
        }

        Assert.Contains(names, n => n.StartsWith("Not 1 ", StringComparison.Ordinal));
        Assert.Contains("Deltagarflöden", names);
        var participants = await _factory.WithDbAsync(db => db.StatisticsForYearAsync(Year));
        var reasons = workbook.Worksheet("Avslutsorsaker");
        var ended = reasons.RowsUsed().Single(r => r.Cell(1).GetString() == "Summa avslutade");
        // The demo's end reasons have small cells, hidden by the small-cell rule: the total is the true total, written as a
        // value (a SUM over the shown cells would leave the hidden ones out); the amounts' sums stay formulas below.
        Assert.Contains(reasons.CellsUsed(), c => c.GetString() == Finsam.Domain.Statistics.SmallCells.SmallMark);
        Assert.Equal("", ended.Cell(5).FormulaA1);
        Assert.Equal(participants.Total.Ended.Total, (int)ended.Cell(5).GetDouble());
        var statements = await _factory.WithDbAsync(db => db.StatementsForYearAsync(Year));

        var rr = workbook.Worksheet("Resultaträkning");
        Assert.Equal("Post", rr.Cell(2, 1).GetString());
        Assert.Equal(2, rr.SheetView.SplitRow);
        Assert.Equal("Not", rr.Cell(2, 2).GetString());   // the amounts follow the Not column
        var afterFinancial = rr.RowsUsed().Single(r => r.Cell(1).GetString() == "Resultat efter finansiella poster");
        var resultRow = rr.RowsUsed().Single(r => r.Cell(1).GetString() == "Årets resultat");
        Assert.Equal($"SUM(C{afterFinancial.RowNumber()})", resultRow.Cell(3).FormulaA1);   // the demo has no extraordinary items: that line is left out
        Assert.Equal((double)statements!.Current.Income.ResultForTheYear, resultRow.Cell(3).GetDouble(), 2);
        var incomeRow = rr.RowsUsed().Single(r => r.Cell(1).GetString() == "Verksamhetens intäkter");
        Assert.Equal(XLDataType.Number, incomeRow.Cell(3).DataType);
        Assert.Equal((double)statements.Current.Income.OperatingIncome, incomeRow.Cell(3).GetDouble(), 2);

        var drift = workbook.Worksheet("Driftsredovisning");
        var firstInsats = drift.RowsUsed().First(r => r.Cell(1).GetString().Contains("– P30", StringComparison.Ordinal));
        Assert.Equal($"B{firstInsats.RowNumber()}-C{firstInsats.RowNumber()}", firstInsats.Cell(4).FormulaA1);
        var total = drift.RowsUsed().Single(r => r.Cell(1).GetString() == "Totalt (= årets resultat)");
        Assert.Equal((double)statements.Current.Income.ResultForTheYear, total.Cell(4).GetDouble(), 2);

        var checks = workbook.Worksheet("Kontroller");
        var checkRows = checks.RowsUsed().Where(r => r.RowNumber() >= 3).Take(statements.Checks.Count).ToList();
        Assert.Equal(statements.Checks.Select(c => c.Name), checkRows.Select(r => r.Cell(1).GetString()));
        Assert.All(checkRows, r => Assert.Equal("Stämmer", r.Cell(2).GetString()));
        Assert.Equal($"D{checkRows[0].RowNumber()}-C{checkRows[0].RowNumber()}", checkRows[0].Cell(5).FormulaA1);
    }

    [Fact]
    public async Task The_json_has_the_same_tables_and_is_authorised_like_the_pages()
    {
        var board = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Board));
        var json = await board.GetStringAsync($"/api/arsredovisning/{Year}");
        using var document = JsonDocument.Parse(json);
        Assert.Equal(Year, document.RootElement.GetProperty("year").GetInt32());
        var tables = document.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("blocks").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "table")
            .Select(b => b.GetProperty("table").GetProperty("key").GetString())
            .ToList();
        Assert.Contains("Resultaträkning", tables);
        Assert.Contains("Driftsredovisning", tables);
        Assert.True(document.RootElement.GetProperty("checks").GetArrayLength() > 5);

        var admin = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Administrator));
        var refused = await admin.GetAsync($"/api/arsredovisning/{Year}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync("/api/arsredovisning/1999")).StatusCode);
    }

    [Fact]
    public async Task Ansvarsforbindelser_are_entered_per_year_and_printed_under_the_balance_sheet_everywhere()
    {
        const string Entered = "Borgensåtagande för Finsam Fastigheter AB, 50 tkr";
        const string Note = "Ansvarsförbindelser: " + Entered;
        var statementsUrl = $"/Ekonomi/Rakenskaper/{Year}";
        Assert.Contains("Ansvarsförbindelser: Inga", Text(await _chef.GetStringAsync(statementsUrl)), StringComparison.Ordinal);

        var tooLong = await _chef.PostFormAsync($"{statementsUrl}?handler=Balanskrav", [new("Adjustments.ContingentLiabilities", new string('x', 1001))]);
        Assert.Contains("Ansvarsförbindelser får vara högst 1000 tecken (nu 1001).", Text(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await _factory.WithDbAsync(db => db.FiscalYears.Where(y => y.Year == Year).Select(y => y.ContingentLiabilities).SingleAsync()));

        var saved = await _chef.PostFormAsync($"{statementsUrl}?handler=Balanskrav", [new("Adjustments.ContingentLiabilities", $"  {Entered} ")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = Text(await _chef.GetStringAsync(statementsUrl));
        Assert.Contains($"<p class=\"hint\">{Note}</p>", page, StringComparison.Ordinal);
        Assert.Contains($">{Entered}</textarea>", page, StringComparison.Ordinal);
        Assert.Contains(await _factory.WithDbAsync(db => db.AuditEntries.Select(e => e.Details).ToListAsync()),
            d => d is not null && d.EndsWith($"ansvarsförbindelser: {Entered.Length} tecken", StringComparison.Ordinal));

        // JSON: the balance sheet table's note.
        using (var json = JsonDocument.Parse(await _chef.GetStringAsync($"/api/arsredovisning/{Year}")))
        {
            var balance = json.RootElement.GetProperty("sections").EnumerateArray()
                .SelectMany(s => s.GetProperty("blocks").EnumerateArray())
                .Where(b => b.GetProperty("type").GetString() == "table")
                .Select(b => b.GetProperty("table"))
                .Single(t => t.GetProperty("key").GetString() == "Balansräkning");
            Assert.Equal(Note, balance.GetProperty("note").GetString());
        }

        // The workbook: the line under the balance sheet's table.
        using (var workbook = new XLWorkbook(new MemoryStream(await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Excel&ar={Year}"))))
        {
            Assert.Contains(workbook.Worksheet("Balansräkning").CellsUsed(), c => c.GetString() == Note);
        }

        // The PDF: on the balance sheet's page.
        using (var pdf = PdfDocument.Open(await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Year}")))
        {
            Assert.True(pdf.TryGetBookmarks(out var bookmarks));
            var balance = bookmarks.Roots.OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().Single(b => b.Title == "Balansräkning");
            static string Squeeze(string text) => Plain(text).Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains(Squeeze(Note), Squeeze(pdf.GetPage(balance.PageNumber).Text), StringComparison.Ordinal);
        }

        // Emptied again, the default comes back; a closed year cannot change it.
        await _chef.PostFormAsync($"{statementsUrl}?handler=Balanskrav", [new("Adjustments.ContingentLiabilities", "")]);
        Assert.Contains("Ansvarsförbindelser: Inga", Text(await _chef.GetStringAsync(statementsUrl)), StringComparison.Ordinal);
        var form = await _chef.GetStringAsync(statementsUrl);
        await _factory.WithDbAsync(async db =>
        {
            var fiscalYear = await db.FiscalYears.SingleAsync(y => y.Year == Year);
            fiscalYear.Status = FiscalYearStatus.Closed;
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain("Adjustments.ContingentLiabilities", await _chef.GetStringAsync(statementsUrl), StringComparison.Ordinal);
        var closed = await _chef.PostAsync($"{statementsUrl}?handler=Balanskrav", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Adjustments.ContingentLiabilities"] = Entered,
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }));
        Assert.Equal("/Konto/AtkomstNekad", closed.Headers.Location!.AbsolutePath);
        Assert.Null(await _factory.WithDbAsync(db => db.FiscalYears.Where(y => y.Year == Year).Select(y => y.ContingentLiabilities).SingleAsync()));
    }

    [Fact]
    public async Task A_failing_check_stops_generation_except_an_explicit_draft_by_the_director()
    {
        var year = 2027;
        var upload = await _chef.UploadAsync("/Ekonomi/Import", "fil", $"{year}.se", SieFiles.Pc8(SieFiles.Year2025(14_385_000m, year)));
        Assert.Contains("är inläst", WebUtility.HtmlDecode(await upload.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var auditor = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Auditor));
        var refused = Text(await auditor.GetStringAsync($"/Arsredovisning?handler=Excel&ar={year}&utkast=true"));
        Assert.Contains("Årsredovisningen skapades inte", refused, StringComparison.Ordinal);
        Assert.Contains("<strong>Balansräkningen balanserar.</strong> Väntat 14 765 000 kr, faktiskt 14 764 000 kr.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Skapa utkast ändå", refused, StringComparison.Ordinal);

        Assert.Contains("Skapa utkast ändå (PDF)", Text(await _chef.GetStringAsync($"/Arsredovisning?ar={year}")), StringComparison.Ordinal);
        var draft = await _chef.GetAsync($"/Arsredovisning?handler=Pdf&ar={year}&utkast=true");
        Assert.Equal("application/pdf", draft.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await _chef.GetAsync($"/Arsredovisning?handler=Pdf&ar={year}")).StatusCode);   // refused: the page again
        Assert.Equal("text/html", (await _chef.GetAsync($"/Arsredovisning?handler=Pdf&ar={year}")).Content.Headers.ContentType?.MediaType);
        Assert.Contains("Årsredovisningen skapades inte", Text(await _chef.GetStringAsync($"/Arsredovisning?handler=Pdf&ar={year}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adoption_archives_the_final_files_with_their_hash_and_closes_the_year()
    {
        await _factory.ConfirmSuggestedAssessmentsAsync(Year);
        var adopt = await _chef.PostFormAsync($"/Arsredovisning/Faststall/{Year}", [new("Input.DecisionDate", "2026-03-19"), new("Input.Minute", "§ 7")]);
        Assert.Equal(HttpStatusCode.Redirect, adopt.StatusCode);

        var archive = await _factory.WithDbAsync(db => db.ReportArchives.AsNoTracking().SingleAsync(a => a.Year == Year));
        Assert.Equal(new DateOnly(2026, 3, 19), archive.AdoptedOn);
        Assert.Equal(FiscalYearStatus.Closed, await _factory.WithDbAsync(db => db.FiscalYears.Where(y => y.Year == Year).Select(y => y.Status).SingleAsync()));

        var first = await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Year}");
        var second = await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Year}");
        Assert.Equal(archive.PdfSha256, Finsam.Domain.ContentHash.Sha256(first));
        Assert.Equal(first, second);
        var workbook = await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Excel&ar={Year}");
        Assert.Equal(archive.WorkbookSha256, Finsam.Domain.ContentHash.Sha256(workbook));

        using (var pdf = PdfDocument.Open(first))
        {
            Assert.DoesNotContain("UTKAST", pdf.GetPage(2).Text, StringComparison.Ordinal);
            Assert.Contains("Fastställd av styrelsen", Plain(pdf.GetPage(1).Text), StringComparison.Ordinal);
        }

        // Nothing of the year can change any more.
        var text = await _chef.PostFormAsync($"/Arsredovisning/Text/{Year}/ChairmanForeword", [new("Markdown", "Ändrad")]);
        Assert.Contains($"Verksamhetsåret {Year} är stängt och kan inte ändras", Text(await text.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var again = await _chef.PostFormAsync($"/Arsredovisning/Faststall/{Year}", [new("Input.DecisionDate", "2026-03-20"), new("Input.Minute", "§ 8")]);
        Assert.Contains("redan fastställd", Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_is_the_same_document_in_the_browser_with_the_stylesheet_linked()
    {
        var html = WebUtility.HtmlDecode(await _chef.GetStringAsync($"/Arsredovisning/Forhandsgranska/{Year}"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/Arsredovisning/rapport.css\" />", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Resultaträkning</h1>", html, StringComparison.Ordinal);
        var css = await _chef.GetAsync("/Arsredovisning/rapport.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);

        // Sections can be renamed, reordered and switched off.
        var form = new List<KeyValuePair<string, string>>();
        var kinds = Enum.GetValues<Domain.Reports.ReportSectionKind>();
        for (var i = 0; i < kinds.Length; i++)
        {
            form.Add(new($"Input[{i}].Kind", kinds[i].ToString()));
            form.Add(new($"Input[{i}].Title", kinds[i] == Domain.Reports.ReportSectionKind.IncomeStatement ? "Resultaträkning (kr)" : kinds[i].ToString()));
            form.Add(new($"Input[{i}].Order", kinds[i] == Domain.Reports.ReportSectionKind.IncomeStatement ? "1" : ((i + 1) * 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (kinds[i] != Domain.Reports.ReportSectionKind.CashFlow)
            {
                form.Add(new($"Input[{i}].Enabled", "true"));
            }
        }

        Assert.Equal(HttpStatusCode.Redirect, (await _chef.PostFormAsync("/Arsredovisning/Avsnitt", form)).StatusCode);
        var changed = WebUtility.HtmlDecode(await _chef.GetStringAsync($"/Arsredovisning/Forhandsgranska/{Year}"));
        Assert.Contains("<h1>Resultaträkning (kr)</h1>", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("Kassaflödesanalys", changed, StringComparison.Ordinal);
        Assert.True(changed.IndexOf("<h1>Resultaträkning (kr)</h1>", StringComparison.Ordinal) < changed.IndexOf("<h1>ChairmanForeword</h1>", StringComparison.Ordinal));
    }
}
