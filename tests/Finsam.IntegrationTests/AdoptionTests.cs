using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Finsam.Data.Identity;
using Finsam.Domain;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Participants.Import;
using Finsam.Reporting.AnnualReport;
using Finsam.TestSupport;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Finsam.TestSupport.PageText;

namespace Finsam.IntegrationTests;

/// <summary>
/// Adoption as the board's recorded decision: the confirmation page, the final PDF's decision page and cover, the
/// hashes on the page and in the workbook, the adopted year refusing every write, and reopening into version 2.
/// </summary>
public sealed class AdoptionTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2025;
    private FinsamFactory _factory = null!;
    private HttpClient _chef = null!;

    public async Task InitializeAsync()
    {
        _factory = new FinsamFactory();
        await _factory.SeedDemoAsync(2026);
        await _factory.ConfirmSuggestedAssessmentsAsync(Year);
        _chef = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Director));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    private Task<HttpResponseMessage> AdoptAsync(string date, string minute) =>
        _chef.PostFormAsync($"/Arsredovisning/Faststall/{Year}", [new("Input.DecisionDate", date), new("Input.Minute", minute)]);

    [Fact]
    public async Task The_adopted_pdf_states_the_decision_date_and_minute_and_the_page_and_workbook_carry_the_hashes()
    {
        // The confirmation page shows what will be locked and asks for the decision; the date is not filled in.
        var page = Html.Parse(await _chef.GetStringAsync($"/Arsredovisning/Faststall/{Year}"));
        Assert.True(page.QuerySelector(".error-summary") is null, "Refused: " + (page.QuerySelector(".error-summary") is { } e ? Html.TextOf(e) : ""));
        var summary = Html.TextOf(page.QuerySelector("dl.summary")!);
        Assert.Contains("Årets resultat", summary, StringComparison.Ordinal);
        Assert.Contains("Eget kapital vid årets slut", summary, StringComparison.Ordinal);
        Assert.Contains("Deltagare under året", summary, StringComparison.Ordinal);
        Assert.Contains("(PDF)", summary, StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector("#Input_DecisionDate")!.GetAttribute("value") ?? "");

        // Refused: a date in the future, a date inside the year, no minute.
        var future = TestClock.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("kan inte vara i framtiden", Text(await (await AdoptAsync(future, "§ 14")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("före verksamhetsårets slut", Text(await (await AdoptAsync("2025-12-31", "§ 14")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Ange paragrafen i styrelsens protokoll", Text(await (await AdoptAsync("2026-03-12", " ")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await _factory.WithDbAsync(db => db.ReportArchives.AnyAsync()));

        var adopted = await AdoptAsync("2026-03-12", "14");
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        var archive = await _factory.WithDbAsync(db => db.ReportArchives.AsNoTracking().SingleAsync(a => a.Year == Year));
        Assert.Equal((1, new DateOnly(2026, 3, 12), "§ 14"), (archive.Version, archive.AdoptedOn, archive.DecisionMinute));
        Assert.Equal(FiscalYearStatus.Closed, await _factory.WithDbAsync(db => db.FiscalYears.Where(y => y.Year == Year).Select(y => y.Status).SingleAsync()));

        var bytes = await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Year}");
        Assert.Equal(archive.PdfSha256, ContentHash.Sha256(bytes));
        using (var pdf = PdfDocument.Open(bytes))
        {
            var pages = Enumerable.Range(1, pdf.NumberOfPages).Select(n => Plain(pdf.GetPage(n).Text)).ToList();
            var all = string.Join("\n", pages);
            Assert.Contains("Fastställd av styrelsen 2026-03-12", pages[0], StringComparison.Ordinal);
            Assert.DoesNotContain("skapad", pages[0], StringComparison.Ordinal);
            var decision = pages.Last(p => p.Contains("Styrelsens beslut", StringComparison.Ordinal));
            Assert.Contains("Årsredovisningen har fastställts av styrelsen den 12 mars 2026, § 14.", decision, StringComparison.Ordinal);
            Assert.Contains("den 12 mars 2026", decision[decision.IndexOf("§ 14.", StringComparison.Ordinal)..], StringComparison.Ordinal);
            Assert.DoesNotContain("föreslår", all, StringComparison.Ordinal);
            Assert.DoesNotContain("____", all, StringComparison.Ordinal);
            Assert.DoesNotContain("UTKAST", all, StringComparison.Ordinal);
        }

        // Every role that may download sees both hashes on the report page.
        foreach (var role in new[] { Roles.Board, Roles.Auditor, Roles.Director, Roles.Kansli })
        {
            var client = role == Roles.Director ? _chef : await _factory.SignedInClientAsync(await _factory.CreateUserAsync(role));
            var report = Html.Parse(await client.GetStringAsync($"/Arsredovisning?ar={Year}"));
            var row = report.QuerySelector("table.archives tr[data-version='1']");
            Assert.True(row is not null, $"{role} sees no archived version.");
            Assert.Equal(archive.PdfSha256, row.QuerySelector("code[data-file='pdf']")!.TextContent);
            Assert.Equal(archive.WorkbookSha256, row.QuerySelector("code[data-file='xlsx']")!.TextContent);
            Assert.Contains("§ 14", Html.TextOf(row), StringComparison.Ordinal);
        }

        // The workbook names its report and prints the PDF's hash (it cannot hold its own).
        var workbookBytes = await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Excel&ar={Year}");
        Assert.Equal(archive.WorkbookSha256, ContentHash.Sha256(workbookBytes));
        using var workbook = new XLWorkbook(new MemoryStream(workbookBytes));
        Assert.Equal(AnnualReportWorkbook.IndexSheet, workbook.Worksheet(1).Name);
        var identity = workbook.Worksheet(2);
        Assert.Equal(WorkbookIdentity.SheetName, identity.Name);
        var values = WorkbookIdentity.Labels.Select((label, i) => (label, identity.Cell(i + 3, 2).GetString())).ToDictionary(p => p.label, p => p.Item2);
        Assert.Equal("Samordningsförbundet Norrsund", values["Förbund"]);
        Assert.Equal("2025", values["Verksamhetsår"]);
        Assert.Equal("Fastställd", values["Status"]);
        Assert.Equal("2026-03-12", values["Styrelsens beslut"]);
        Assert.Equal("§ 14", values["Protokoll"]);
        Assert.Equal(archive.PdfSha256, values["SHA-256 för PDF-filen"]);
        Assert.False(string.IsNullOrEmpty(values["Organisationsnummer"]));
    }

    [Fact]
    public async Task An_adopted_year_refuses_every_write_and_reopening_makes_version_2_beside_version_1()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync("2026-03-12", "§ 14")).StatusCode);
        var jsonBefore = await JsonWithoutTimeAsync();
        var pdfBefore = await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Year}");
        var excelBefore = await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Excel&ar={Year}");
        var enrolmentsBefore = await _factory.WithDbAsync(db => db.Enrolments.CountAsync());
        var message = WritePath.ClosedYearMessage(Year);

        async Task Refused(string what, HttpResponseMessage response)
        {
            var text = Text(await response.Content.ReadAsStringAsync());
            var said = Html.Parse(text).QuerySelector("main") is { } main ? Html.TextOf(main) : text;
            Assert.True(text.Contains(message, StringComparison.Ordinal), $"{what} was not refused with \"{message}\" ({response.StatusCode}): {said[..Math.Min(said.Length, 600)]}");
        }

        var insats = await _factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P31").Select(i => i.Id).SingleAsync());
        await Refused("The enrolment form", await _chef.PostFormAsync("/Deltagare/Ny", new Dictionary<string, string>
        {
            ["Input.Gender"] = "Woman",
            ["Input.BirthYear"] = "1980",
            ["Input.Education"] = "UpperSecondary",
            ["Input.InsatsId"] = insats.ToString(CultureInfo.InvariantCulture),
            ["Input.StartDate"] = "2025-05-01",
            ["Input.SupportAtStart"] = "SicknessBenefit",
            ["Input.TimeInSupportBeforeStart"] = "OneToTwoYears",
        }));
        string[] cells = ["", "", "", "", "Kvinna", "1980", "Åkerby", "Gymnasial", "P31", "2025-03-01", "Försäkringskassan", "Sjukpenning", "1–2 år", "", "", "", "", ""];
        var file = Encoding.UTF8.GetBytes(string.Join(';', EnrolmentFileFormat.Columns) + "\r\n" + string.Join(';', cells) + "\r\n");
        var import = await _chef.UploadAsync("/Deltagare/Import", "fil", "deltaganden.csv", file);
        var importHtml = await import.Content.ReadAsStringAsync();
        await Refused("The enrolment import", import);
        var errorRow = Html.Parse(importHtml).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(message, StringComparison.Ordinal));
        Assert.Equal("2", errorRow.QuerySelector("td")!.TextContent);   // the line of the file (1 is the header)
        await Refused("The SIE import", await _chef.UploadAsync("/Ekonomi/Import", "fil", $"{Year}.se", SieFiles.Pc8(SieFiles.Year2025(14_385_000m, Year))));
        await Refused("A goal area", await _chef.PostFormAsync($"/Mal/Omrade?ar={Year}", new Dictionary<string, string> { ["Input.Number"] = "9", ["Input.Name"] = "Nytt" }));
        await Refused("A report text", await _chef.PostFormAsync($"/Arsredovisning/Text/{Year}/ChairmanForeword", new Dictionary<string, string> { ["Markdown"] = "Ändrad" }));
        await Refused("The signatories", await _chef.PostFormAsync($"/Arsredovisning/Undertecknare/{Year}", new Dictionary<string, string> { ["Lines"] = "Ny Person, ordförande" }));
        await Refused("The budget", await _chef.PostFormAsync($"/Ekonomi/Budget/{Year}", new Dictionary<string, string> { ["Lines[0].Category"] = "1", ["Lines[0].Income"] = "100" }));
        await Refused("The kansli register", await _chef.PostFormAsync("/Organisation/Kansli", new Dictionary<string, string>
        {
            ["NewStaff.Name"] = "Ny Person", ["NewStaff.Title"] = "ekonom", ["NewStaff.EmploymentPercent"] = "50", ["NewStaff.From"] = "2025-06-01", ["NewStaff.To"] = "",
        }));
        await Refused("The account mapping", await _chef.PostFormAsync("/Ekonomi/Kontoplan?handler=Save", new Dictionary<string, string> { ["Prefix"] = "30", ["Line"] = "OperatingCosts" }, "/Ekonomi/Kontoplan"));

        Assert.Equal(enrolmentsBefore, await _factory.WithDbAsync(db => db.Enrolments.CountAsync()));
        Assert.Equal(jsonBefore, await JsonWithoutTimeAsync());
        Assert.Equal(pdfBefore, await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Year}"));
        Assert.Equal(excelBefore, await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Excel&ar={Year}"));

        // Reopening: a written reason, a confirmation page; the archived version stays.
        Assert.Contains("version 2", Text(await _chef.GetStringAsync($"/Arsredovisning/Ateroppna/{Year}")), StringComparison.Ordinal);
        var tooShort = await _chef.PostFormAsync($"/Arsredovisning/Ateroppna/{Year}", new Dictionary<string, string> { ["Input.Reason"] = "fel" });
        Assert.Contains("Skriv varför verksamhetsåret öppnas igen", Text(await tooShort.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        const string reason = "Revisorerna fann en felbokförd faktura på 12 000 kr.";
        Assert.Equal(HttpStatusCode.Redirect, (await _chef.PostFormAsync($"/Arsredovisning/Ateroppna/{Year}", new Dictionary<string, string> { ["Input.Reason"] = reason })).StatusCode);
        Assert.Equal(FiscalYearStatus.Open, await _factory.WithDbAsync(db => db.FiscalYears.Where(y => y.Year == Year).Select(y => y.Status).SingleAsync()));
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "AnnualReport" && e.Details!.Contains(reason))));
        using (var draft = PdfDocument.Open(await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Year}")))
        {
            Assert.Contains("UTKAST", draft.GetPage(2).Text, StringComparison.Ordinal);
        }

        Assert.Equal(pdfBefore, await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Year}&version=1"));

        // A new adoption is version 2, beside version 1.
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync("2026-04-02", "§ 22")).StatusCode);
        var archives = await _factory.WithDbAsync(db => db.ReportArchives.AsNoTracking().Where(a => a.Year == Year).OrderBy(a => a.Version).ToListAsync());
        Assert.Equal([1, 2], archives.Select(a => a.Version));
        Assert.NotNull(archives[0].ReopenedAtUtc);
        Assert.Null(archives[1].ReopenedAtUtc);
        Assert.Equal(pdfBefore, await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Year}&version=1"));
        Assert.Equal(excelBefore, await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Excel&ar={Year}&version=1"));
        var second = await _chef.GetByteArrayAsync($"/Arsredovisning?handler=Pdf&ar={Year}");
        Assert.Equal(archives[1].PdfSha256, ContentHash.Sha256(second));
        using (var pdf = PdfDocument.Open(second))
        {
            Assert.Contains("Fastställd av styrelsen 2026-04-02", Plain(pdf.GetPage(1).Text), StringComparison.Ordinal);
            var all = string.Join("\n", Enumerable.Range(1, pdf.NumberOfPages).Select(n => Plain(pdf.GetPage(n).Text)));
            Assert.Contains("den 2 april 2026, § 22", all, StringComparison.Ordinal);
        }

        var page = Html.Parse(await _chef.GetStringAsync($"/Arsredovisning?ar={Year}"));
        var rows = page.QuerySelectorAll("table.archives tbody tr");
        Assert.Equal(["2", "1"], rows.Select(r => r.GetAttribute("data-version")));
        Assert.Contains(reason, Html.TextOf(rows[1]), StringComparison.Ordinal);
        Assert.Equal(archives[0].PdfSha256, rows[1].QuerySelector("code[data-file='pdf']")!.TextContent);
        Assert.Equal(archives[1].PdfSha256, rows[0].QuerySelector("code[data-file='pdf']")!.TextContent);
    }

    [Fact]
    public async Task Adoption_is_refused_while_an_assessment_is_only_a_suggestion()
    {
        await _factory.WithDbAsync(async db =>
        {
            var indicator = await db.Indicators.FirstAsync(i => i.Objective!.GoalArea!.Year == Year);
            indicator.Assessment = null;
            return await db.SaveChangesAsync();
        });

        var page = Text(await _chef.GetStringAsync($"/Arsredovisning/Faststall/{Year}"));
        Assert.Contains("Årsredovisningen kan inte fastställas ännu", page, StringComparison.Ordinal);
        Assert.Contains("1 indikator har bara regelns förslag till bedömning", page, StringComparison.Ordinal);
        var refused = await AdoptAsync("2026-03-12", "§ 14");
        Assert.Contains("1 indikator har bara regelns förslag till bedömning", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await _factory.WithDbAsync(db => db.ReportArchives.AnyAsync()));
        Assert.False(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "AnnualReport" && e.Action == AuditAction.Update)));
    }

    [Fact]
    public async Task An_enrolment_running_through_an_adopted_year_can_end_after_it_but_not_inside_it()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync("2026-03-12", "§ 14")).StatusCode);
        var enrolment = await _factory.WithDbAsync(db => db.Enrolments.AsNoTracking()
            .FirstAsync(e => e.EndDate == null && e.StartDate < new DateOnly(Year, 12, 1)));
        List<KeyValuePair<string, string>> End(string date) =>
            [new("Input.Version", enrolment.Version.ToString()), new("Input.EndDate", date), new("Input.EndReason", "Work")];

        var inside = await _chef.PostFormAsync($"/Deltagare/Avslut/{enrolment.Id}", End("2025-12-15"));
        Assert.Contains(WritePath.ClosedYearMessage(Year), Text(await inside.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var after = await _chef.PostFormAsync($"/Deltagare/Avslut/{enrolment.Id}", End(TestClock.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    /// <summary>The year's JSON without the moment it was made.</summary>
    private async Task<string> JsonWithoutTimeAsync()
    {
        var json = JsonNode.Parse(await _chef.GetStringAsync($"/api/arsredovisning/{Year}"))!.AsObject();
        foreach (var name in json.Select(p => p.Key).Where(k => k.StartsWith("generated", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            json.Remove(name);
        }

        return json.ToJsonString();
    }
}
