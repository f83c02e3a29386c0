using System.Globalization;
using System.Net;
using System.Text;
using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Domain.Participants;
using Finsam.Domain.Participants.Import;
using Finsam.TestSupport;
using Finsam.Web.Features.Participants;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>The enrolment import is all or nothing, idempotent, and the export reads back as the same file.</summary>
public sealed class ImportExportTests(ImportExportTests.Fixture fixture) : IClassFixture<ImportExportTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public HttpClient Kansli { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(TestClock.Today.Year);
            Kansli = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Kansli));
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static readonly string Header = string.Join(';', EnrolmentFileFormat.Columns);

    /// <summary>Row n of a big file: every fifth row identified (unless not allowed), the rest anonymous; a third of them ended.</summary>
    private static string Row(int n) => Row(n, allowIdentified: true);

    private static string Row(int n, bool allowIdentified)
    {
        var identified = allowIdentified && n % 5 == 0;
        var pnr = identified ? TestData.Personnummer(n) : "";
        var birthYear = identified ? 1900 + int.Parse(pnr.AsSpan(2, 2), CultureInfo.InvariantCulture) : 1975 + (n % 25);
        var start = new DateOnly(TestClock.Today.Year - 1, 1, 1).AddDays(n % 200);
        var insats = n % 2 == 0 ? "P31" : "P33";
        var ended = n % 3 == 0;
        string[] cells =
        [
            "", "", pnr, identified ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
            n % 2 == 0 ? "Kvinna" : "Man", birthYear.ToString(CultureInfo.InvariantCulture), "Åkerby", "Gymnasial",
            insats, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Försäkringskassan", "\"Sjukpenning, Försörjningsstöd\"", "1–2 år",
            ended ? start.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "", ended ? "Arbete" : "", "", ended ? "Lön" : "", "",
        ];
        return string.Join(';', cells);
    }

    private static byte[] File(IEnumerable<string> rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Header + "\r\n" + string.Join("\r\n", rows) + "\r\n")];

    private async Task<string> ImportAsync(byte[] file, string name = "deltaganden.csv")
    {
        var response = await fixture.Kansli.UploadAsync("/Deltagare/Import", "fil", name, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The enrolment's copy of the participant's gender (the list's gender filter, docs/performance.md) is written by the
    /// import's bulk insert, for new persons and for new enrolments of a known person alike.
    /// </summary>
    [Fact]
    public async Task Imported_enrolments_carry_their_participants_gender()
    {
        // Rows no other test imports (above the maximum test's 50 000; personnummer repeat every 21 000, so these are 20 505 and 20 510).
        // Their own home municipality, so no anonymous row looks like another test's.
        static string Own(int n) => string.Join(';', Row(n).Split(';').Select((c, i) => i == 6 ? "Könsby" : c));
        var rows = Enumerable.Range(62_501, 10).Select(Own).ToList();
        Says(await ImportAsync(File(rows)), "10 nya");
        // A known person (row 62 505's personnummer) in the other insats: a new enrolment of an existing participant.
        var again = Own(62_505).Split(';');
        again[8] = again[8] == "P31" ? "P33" : "P31";
        Says(await ImportAsync(File([string.Join(';', again)])), "1 nya");

        var mismatched = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking()
            .Where(e => e.ParticipantGender != e.Participant!.Gender).Select(e => e.Id).ToListAsync());
        Assert.Empty(mismatched);
        var imported = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking()
            .Where(e => e.StartDate == new DateOnly(TestClock.Today.Year - 1, 1, 1).AddDays(62_505 % 200) && e.Participant!.PersonKeyHash != null)
            .Select(e => new { e.ParticipantId, e.ParticipantGender }).ToListAsync());
        Assert.True(imported.Count >= 2);
        Assert.All(imported, e => Assert.Equal(Gender.Man, e.ParticipantGender));
    }

    [Fact]
    public async Task A_row_of_an_old_export_never_undoes_a_later_edit()
    {
        var csv = Encoding.UTF8.GetString(await fixture.Kansli.GetByteArrayAsync("/Deltagare/Export?format=csv")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var columns = lines[0].Split(';').ToList();
        Assert.Equal(EnrolmentFileFormat.Columns, columns);
        var row = lines[1].Split(';');
        var id = int.Parse(row[columns.IndexOf(EnrolmentFileFormat.EnrolmentId)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Guid.TryParse(row[columns.IndexOf(EnrolmentFileFormat.Version)], out _));

        // Someone changes the enrolment in Finsam after the export.
        await fixture.Factory.WithDbAsync(async db =>
        {
            (await db.Enrolments.SingleAsync(e => e.Id == id)).HomeMunicipality = "Ändrad i formuläret";
            return await db.SaveChangesAsync();
        });

        // The old row with a change of its own is refused, naming the enrolment and why, and nothing changes.
        byte[] FileWith(string[] cells) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(lines[0] + "\r\n" + string.Join(';', cells) + "\r\n")];
        var municipality = columns.IndexOf(EnrolmentFileFormat.HomeMunicipality);
        var stale = (string[])row.Clone();
        stale[municipality] = "Ändrad i filen";
        var refused = await ImportAsync(FileWith(stale));
        Says(refused, "Inget importerades");
        Says(refused, $"Deltagande {id} har ändrats i Finsam efter att filen exporterades.");
        Assert.Equal("Ändrad i formuläret", await fixture.Factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == id).Select(e => e.HomeMunicipality).SingleAsync()));

        // A fresh export carries the new version, and its change goes in.
        var fresh = Encoding.UTF8.GetString(await fixture.Kansli.GetByteArrayAsync("/Deltagare/Export?format=csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';'))
            .Single(c => c[columns.IndexOf(EnrolmentFileFormat.EnrolmentId)] == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        fresh[municipality] = "Ändrad i filen";
        Says(await ImportAsync(FileWith(fresh)), "Importen är klar: 1 rader, varav 0 nya, 1 ändrade och 0 oförändrade");
        Assert.Equal("Ändrad i filen", await fixture.Factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == id).Select(e => e.HomeMunicipality).SingleAsync()));
    }

    /// <summary>Asserts that the import page says the text; on failure shows what it said instead.</summary>
    private static void Says(string html, string text)
    {
        var main = Html.TextOf(Html.Parse(html).QuerySelector("main")!);
        Assert.True(main.Contains(text, StringComparison.Ordinal), $"Expected \"{text}\" but the page said:\n" + main[..Math.Min(main.Length, 2000)]);
    }

    private Task<int> EnrolmentCountAsync() => fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync());

    [Fact]
    public async Task Five_thousand_rows_with_one_bad_row_import_nothing_then_all_and_a_second_import_adds_nothing()
    {
        var rows = Enumerable.Range(1, 5000).Select(Row).ToList();
        var bad = rows[2999].Split(';');
        bad[9] = "2025-02-30"; // File line 3001: the header is line 1.
        rows[2999] = string.Join(';', bad);
        var before = await EnrolmentCountAsync();
        var participantsBefore = await fixture.Factory.WithDbAsync(db => db.Participants.CountAsync());
        var identifiedBefore = await fixture.Factory.WithDbAsync(db => db.Participants.CountAsync(p => p.PersonKeyHash != null));

        var html = await ImportAsync(File(rows));
        Assert.Contains("Inget importerades: 1 fel att rätta", html, StringComparison.Ordinal);
        Assert.Contains("<td>3001</td><td>Startdatum</td><td>\"2025-02-30\" är inte ett datum. Skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-14.</td>", html, StringComparison.Ordinal);
        Assert.Equal(before, await EnrolmentCountAsync());
        Assert.Equal(participantsBefore, await fixture.Factory.WithDbAsync(db => db.Participants.CountAsync()));

        rows[2999] = Row(3000);
        html = await ImportAsync(File(rows));
        Says(html, "Importen är klar: 5 000 rader, varav 5 000 nya, 0 ändrade och 0 oförändrade");
        Assert.Equal(before + 5000, await EnrolmentCountAsync());
        // Every fifth row carries a personnummer: 1 000 identified persons, one participant each.
        Assert.Equal(identifiedBefore + 1000, await fixture.Factory.WithDbAsync(db => db.Participants.CountAsync(p => p.PersonKeyHash != null)));

        html = await ImportAsync(File(rows));
        Says(html, "Importen är klar: 5 000 rader, varav 0 nya, 0 ändrade och 5 000 oförändrade");
        Assert.Equal(before + 5000, await EnrolmentCountAsync());

        var audit = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.Import).OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(audit, a => a.Details == "deltaganden.csv: 5000 rader, 5000 nya, 0 ändrade, 0 oförändrade");
    }

    [Fact]
    public async Task A_file_at_the_documented_maximum_imports_and_imports_again_and_one_row_more_is_refused()
    {
        // docs/import-format.md promises EnrolmentImporter.MaxRows rows. The new rows go in as bulk inserts, the re-import
        // finds every row again with bounded lookups (one SQL parameter per row once failed at about 33 000 rows: "too many
        // SQL variables"). Own database: the rows' import keys would otherwise meet those of the other tests' files.
        await using var factory = new FinsamFactory();
        await factory.SeedDemoAsync(TestClock.Today.Year);
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        const int Max = EnrolmentImporter.MaxRows;
        var rows = Enumerable.Range(1, Max).Select(n => Row(n, allowIdentified: n <= 20_000)).ToList();   // personnummer repeat after 21 000
        var before = await factory.WithDbAsync(db => db.Enrolments.CountAsync());
        var participantsBefore = await factory.WithDbAsync(db => db.Participants.CountAsync());
        var audited = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Import));

        async Task<string> Import(List<string> file)
        {
            var response = await kansli.UploadAsync("/Deltagare/Import", "fil", "stor.csv", File(file));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        static string N(int value) => SwedishFormat.Number(value).Replace('\u00a0', ' ');

        // One row more than the limit: refused, naming the limit, and nothing is stored.
        Says(await Import([.. rows, Row(Max + 1, allowIdentified: false)]), $"Filen har {N(Max + 1)} rader. Högst {N(Max)} rader kan importeras på en gång");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Enrolments.CountAsync()));

        Says(await Import(rows), $"Importen är klar: {N(Max)} rader, varav {N(Max)} nya, 0 ändrade och 0 oförändrade");
        Assert.Equal(before + Max, await factory.WithDbAsync(db => db.Enrolments.CountAsync()));
        Assert.Equal(participantsBefore + Max, await factory.WithDbAsync(db => db.Participants.CountAsync()));
        Says(await Import(rows), $"Importen är klar: {N(Max)} rader, varav 0 nya, 0 ändrade och {N(Max)} oförändrade");
        Assert.Equal(before + Max, await factory.WithDbAsync(db => db.Enrolments.CountAsync()));

        // Each import wrote its one audit entry; the bulk-inserted rows are whole (version, participant, import key).
        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Import).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());
        Assert.Equal(audited + 2, entries.Count);
        Assert.Equal($"stor.csv: {Max} rader, {Max} nya, 0 ändrade, 0 oförändrade", entries[^2]);
        var newest = await factory.WithDbAsync(db => db.Enrolments.Include(e => e.Participant).OrderByDescending(e => e.Id).Take(Max).ToListAsync());
        Assert.All(newest, e => Assert.NotEqual(Guid.Empty, e.Version));
        Assert.All(newest, e => Assert.NotEqual(Guid.Empty, e.Participant!.Version));
        Assert.Equal(Max - 4_000, newest.Count(e => e.ImportKey is not null));
        Assert.Equal(4_000, newest.Count(e => e.Participant!.PersonKeyHash is not null));
    }

    [Fact]
    public async Task A_row_that_changes_a_person_changes_only_that_person_not_the_persons_other_enrolments()
    {
        // The import reads the persons it matches without tracking and tracks only what a row changes: a new consent
        // date changes the person, and neither of the person's enrolments gets a new version.
        var cells = Row(9400).Split(';');
        var inP33 = (string[])cells.Clone();
        inP33[8] = "P33";
        Says(await ImportAsync(File([string.Join(';', cells), string.Join(';', inP33)])), "2 nya");
        var start = DateOnly.ParseExact(cells[9], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var person = await PersonAsync("P33", start, int.Parse(cells[5], CultureInfo.InvariantCulture));
        Assert.Equal(2, person.Enrolments.Count);

        cells[3] = Date(start.AddDays(10));
        Says(await ImportAsync(File([string.Join(';', cells)])), "0 nya, 1 ändrade och 0 oförändrade");
        var after = await fixture.Factory.WithDbAsync(db => db.Participants.AsNoTracking().Include(p => p.Enrolments).SingleAsync(p => p.Id == person.Id));
        Assert.Equal(start.AddDays(10), after.ConsentDate);
        Assert.NotEqual(person.Version, after.Version);
        Assert.Equal(person.Enrolments.OrderBy(e => e.Id).Select(e => e.Version), after.Enrolments.OrderBy(e => e.Id).Select(e => e.Version));
    }

    [Fact]
    public async Task A_removed_participants_number_is_never_given_to_a_new_one()
    {
        // The import gives new participants and enrolments their ids itself (bulk inserts): like the database's own
        // AUTOINCREMENT/IDENTITY, it never hands out again the number of one removed since (the audit log names it).
        var first = File([string.Join(';', Row(1, allowIdentified: false).Split(';').Select((c, i) => i == 6 ? "Nummerby" : c))]);
        Says(await ImportAsync(first), "1 nya");
        var removed = await fixture.Factory.WithDbAsync(async db =>
        {
            var enrolment = await db.Enrolments.OrderByDescending(e => e.Id).FirstAsync();
            await db.Enrolments.Where(e => e.Id == enrolment.Id).ExecuteDeleteAsync();
            await db.Participants.Where(p => p.Id == enrolment.ParticipantId).ExecuteDeleteAsync();
            return (enrolment.Id, enrolment.ParticipantId);
        });

        Says(await ImportAsync(File([string.Join(';', Row(1, allowIdentified: false).Split(';').Select((c, i) => i == 6 ? "Nummerstad" : c))])), "1 nya");
        var added = await fixture.Factory.WithDbAsync(db => db.Enrolments.OrderByDescending(e => e.Id).Select(e => new { e.Id, e.ParticipantId }).FirstAsync());
        Assert.True(added.Id > removed.Item1, $"Enrolment {added.Id} after the removed {removed.Item1}");
        Assert.True(added.ParticipantId > removed.Item2, $"Participant {added.ParticipantId} after the removed {removed.Item2}");
    }

    [Fact]
    public async Task A_changed_row_updates_its_enrolment_instead_of_adding_one()
    {
        // Another home municipality than the big file's rows, so these anonymous rows are told apart from those.
        var rows = Enumerable.Range(9001, 3).Select(n => Row(n).Replace("Åkerby", "Strandvik", StringComparison.Ordinal)).ToList();
        await ImportAsync(File(rows));
        var count = await EnrolmentCountAsync();

        var cells = rows[1].Split(';');
        var start = DateOnly.ParseExact(cells[9], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        cells[13] = start.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        cells[14] = "Studier";
        rows[1] = string.Join(';', cells);
        var html = await ImportAsync(File(rows));

        Says(html, "varav 0 nya, 1 ändrade och 2 oförändrade");
        Assert.Equal(count, await EnrolmentCountAsync());
    }

    [Fact]
    public async Task Bad_columns_and_files_are_refused_before_any_row_is_read()
    {
        var html = await ImportAsync(Encoding.UTF8.GetBytes("Kön;Födelseår;Projekt\nKvinna;1990;P31\n"));
        Assert.Contains("Kolumnen \"Insats\" saknas i rubrikraden.", html, StringComparison.Ordinal);
        Assert.Contains("Kolumnen \"Startdatum\" saknas i rubrikraden.", html, StringComparison.Ordinal);
        Assert.Contains("Okänd kolumn \"Projekt\".", html, StringComparison.Ordinal);

        // A file that says it is UTF-8 (its BOM) but is not: refused rather than read as Windows-1252.
        html = await ImportAsync([.. Encoding.UTF8.Preamble, .. Encoding.Latin1.GetBytes(Header + "\nÅ;1\n")]);
        Assert.Contains("Filen börjar som UTF-8 men innehåller tecken som inte är UTF-8.", html, StringComparison.Ordinal);

        html = await ImportAsync([1, 2, 3, 4], "deltaganden.xlsx");
        Assert.Contains("Filen kunde inte läsas som en Excel-arbetsbok (.xlsx).", html, StringComparison.Ordinal);

        html = await ImportAsync(File([]));
        Assert.Contains("Filen har rubriker men inga rader att importera.", html, StringComparison.Ordinal);
    }

    /// <summary>A file as Swedish Excel saves "CSV (semikolonavgränsad)": Windows-1252, no BOM, with å, ä and ö in its text.</summary>
    [Fact]
    public async Task A_windows_1252_file_imports_with_the_right_letters()
    {
        var municipality = "Hällefors Åmål Örnsköldsvik";
        var start = new DateOnly(TestClock.Today.Year - 1, 3, 17).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var row = string.Join(';', "", "", "", "", "Kvinna", "1977", municipality, "Eftergymnasial", "P31", start,
            "Försäkringskassan", "\"Försörjningsstöd, Sjukersättning\"", "Under 1 år", "", "", "", "", "");
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var bytes = windows1252.GetBytes(Header + "\r\n" + row + "\r\n");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        var html = await ImportAsync(bytes, "excel-semikolon.csv");
        Says(html, "Importen är klar: 1 rader, varav 1 nya");
        Says(html, "Filen lästes som Windows-1252.");
        var enrolment = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().Include(e => e.ReferringMember)
            .SingleAsync(e => e.HomeMunicipality == municipality));
        Assert.Equal("Försäkringskassan", enrolment.ReferringMember!.Name);
        Assert.Equal(IncomeSupport.MeansTestedAllowance | IncomeSupport.SicknessCompensation, enrolment.SupportAtStart);

        // UTF-8 without a BOM is read as UTF-8 and says so.
        html = await ImportAsync(Encoding.UTF8.GetBytes(Header + "\r\n" + row + "\r\n"), "utf8.csv");
        Says(html, "varav 0 nya, 0 ändrade och 1 oförändrade");
        Says(html, "Filen lästes som UTF-8.");
    }

    [Theory]
    [InlineData("2-5 år", TimeInSupport.TwoToFiveYears)]
    [InlineData("1 - 2 år", TimeInSupport.OneToTwoYears)]
    [InlineData("2–5 år", TimeInSupport.TwoToFiveYears)]
    public async Task A_range_with_a_hyphen_imports_as_with_an_en_dash(string text, TimeInSupport expected)
    {
        var municipality = "Bindestreck " + text;
        var start = new DateOnly(TestClock.Today.Year - 1, 4, 2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var row = string.Join(';', "", "", "", "", "Man", "1981", municipality, "Gymnasial", "P33", start, "", "", text, "", "", "", "", "");
        var html = await ImportAsync(File([row]));
        Says(html, "Importen är klar");
        Assert.Equal(expected, await fixture.Factory.WithDbAsync(db => db.Enrolments.Where(e => e.HomeMunicipality == municipality)
            .Select(e => e.TimeInSupportBeforeStart).SingleAsync()));
    }

    [Fact]
    public async Task The_import_page_links_to_the_format_help_in_the_app()
    {
        var page = Html.Parse(await fixture.Kansli.GetStringAsync("/Deltagare/Import"));
        var link = Assert.Single(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/Deltagare/Import/Format");
        Assert.DoesNotContain("docs/", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var help = Html.Parse(await fixture.Kansli.GetStringAsync(link.GetAttribute("href")!));
        var columns = help.QuerySelectorAll("table tbody tr th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(EnrolmentFileFormat.Columns, columns);
        Assert.Contains("2-5 år är detsamma som 2–5 år", help.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Windows-1252", help.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Högst 10 MB och {SwedishFormat.Number(EnrolmentImporter.MaxRows)} rader", help.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_are_checked_against_each_other()
    {
        var row = Row(7000);
        var html = await ImportAsync(File([row.Replace("Man", "Man", StringComparison.Ordinal), Row(7005), Row(7005)]));
        Assert.Contains("Inget importerades", html, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>Startdatum</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task An_exported_file_imports_back_without_any_change(string format)
    {
        var insats = await fixture.Factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P32").Select(i => i.Id).SingleAsync());
        var response = await fixture.Kansli.GetAsync($"/Deltagare/Export?insats={insats}&format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"deltaganden-{TestClock.Today:yyyy-MM-dd}.{format}", response.Content.Headers.ContentDisposition!.FileName);
        var file = await response.Content.ReadAsByteArrayAsync();
        var expected = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.InsatsId == insats));
        Assert.True(expected > 20);
        var count = await EnrolmentCountAsync();

        var html = await ImportAsync(file, "export." + format);

        Says(html, $"Importen är klar: {expected} rader, varav 0 nya, 0 ändrade och {expected} oförändrade");
        Assert.Equal(count, await EnrolmentCountAsync());
        var exports = await fixture.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Export));
        Assert.True(exports >= 1);
    }

    [Fact]
    public async Task The_example_file_in_the_app_imports()
    {
        var example = await fixture.Kansli.GetByteArrayAsync("/mallar/deltaganden-exempel.csv");
        var html = await ImportAsync(example, "deltaganden-exempel.csv");
        Says(html, "Importen är klar: 3 rader");
    }

    [Fact]
    public async Task Only_registration_roles_may_export()
    {
        var board = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(Roles.Board));
        var response = await board.GetAsync("/Deltagare/Export?format=csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Konto/AtkomstNekad", response.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Kansli.GetAsync("/Deltagare/Export?format=pdf")).StatusCode);
    }

    private static byte[] File(string header, IEnumerable<string> rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(header + "\r\n" + string.Join("\r\n", rows) + "\r\n")];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The person of the enrolment a one-row import just made (the newest), with their enrolments.</summary>
    private async Task<Participant> PersonAsync(string insats, DateOnly start, int birthYear)
    {
        var person = await fixture.Factory.WithDbAsync(db => db.Participants.AsNoTracking().Include(p => p.Enrolments).ThenInclude(e => e.Insats)
            .SingleAsync(p => p.Id == db.Enrolments.OrderByDescending(e => e.Id).Select(e => e.ParticipantId).First()));
        Assert.True(person.IsIdentified);
        Assert.Equal(birthYear, person.BirthYear);
        Assert.Contains(person.Enrolments, e => e.Insats!.Code == insats && e.StartDate == start);
        return person;
    }

    [Fact]
    public async Task A_row_that_contradicts_a_known_persons_gender_or_birth_year_is_refused_and_nothing_is_imported()
    {
        // Row 9100: an identified woman in P31. A later file says the same personnummer is a man, in P33.
        var first = Row(9100);
        await ImportAsync(File([first]));
        var cells = first.Split(';');
        var start = DateOnly.ParseExact(cells[9], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var person = await PersonAsync("P31", start, int.Parse(cells[5], CultureInfo.InvariantCulture));
        Assert.Equal(Gender.Woman, person.Gender);
        var count = await EnrolmentCountAsync();

        cells[4] = "Man";
        cells[8] = "P33";
        var asMan = string.Join(';', cells);
        // By Deltagar-nr, without the personnummer (which would have to match its birth year anyway).
        cells[1] = person.Id.ToString(CultureInfo.InvariantCulture);
        cells[2] = cells[3] = "";
        cells[4] = "Kvinna";
        cells[5] = (person.BirthYear + 1).ToString(CultureInfo.InvariantCulture);
        cells[8] = "P32";
        var otherYear = string.Join(';', cells);
        var html = await ImportAsync(File([Row(9103), asMan, otherYear]));

        Says(html, "Inget importerades: 2 fel att rätta");
        var errors = Html.Parse(html).QuerySelectorAll("main table tbody tr").Select(r => string.Join(" | ", Html.Cells(r))).ToList();
        Assert.Contains($"3 | Kön | Deltagare {person.Id} är registrerad som Kvinna, filen säger Man. Rätta personen med Rätta uppgifter eller rätta filen.", errors);
        Assert.Contains($"4 | Födelseår | Deltagare {person.Id} är registrerad med födelseår {person.BirthYear}, filen säger {person.BirthYear + 1}. Rätta personen med Rätta uppgifter eller rätta filen.", errors);
        Assert.Equal(count, await EnrolmentCountAsync());
        var after = await fixture.Factory.WithDbAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal((Gender.Woman, person.BirthYear, person.Version), (after.Gender, after.BirthYear, after.Version));
    }

    [Fact]
    public async Task An_omitted_column_or_an_empty_optional_cell_changes_nothing_that_is_stored()
    {
        // Row 9200: an identified woman in P31, hemkommun Åkerby, gymnasial utbildning, ongoing.
        var full = Row(9200).Split(';');
        await ImportAsync(File([string.Join(';', full)]));
        var start = DateOnly.ParseExact(full[9], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var birthYear = int.Parse(full[5], CultureInfo.InvariantCulture);
        var person = await PersonAsync("P31", start, birthYear);
        var enrolment = person.Enrolments.Single();
        Assert.Equal(("Åkerby", EducationLevel.UpperSecondary, IncomeSupport.SicknessBenefit | IncomeSupport.MeansTestedAllowance),
            (enrolment.HomeMunicipality, enrolment.Education, enrolment.SupportAtStart));

        // The same enrolment ended, from a file without Hemkommun and Utbildning; another without any end columns.
        var end = Date(start.AddDays(60));
        var html = await ImportAsync(File("Personnummer;Samtycke;Kön;Födelseår;Insats;Startdatum;Slutdatum;Avslutsorsak",
            [string.Join(';', full[2], full[3], "Kvinna", full[5], "P31", full[9], end, "Studier")]));
        Says(html, "varav 0 nya, 1 ändrade och 0 oförändrade");
        html = await ImportAsync(File("Personnummer;Samtycke;Kön;Födelseår;Insats;Startdatum", [string.Join(';', full[2], full[3], "Kvinna", full[5], "P31", full[9])]));
        Says(html, "varav 0 nya, 0 ändrade och 1 oförändrade");

        // Present but empty: the attributes recorded at the start keep their stored values.
        var empty = (string[])full.Clone();
        empty[6] = "";     // Hemkommun
        empty[7] = "";     // Utbildning
        empty[10] = "";    // Remitterad av
        empty[11] = "";    // Försörjning vid start
        empty[12] = "";    // Tid i försörjning före start
        empty[13] = end;
        empty[14] = "Studier";
        html = await ImportAsync(File([string.Join(';', empty)]));
        Says(html, "varav 0 nya, 0 ändrade och 1 oförändrade");

        var stored = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().Include(e => e.Participant).Include(e => e.ReferringMember).SingleAsync(e => e.Id == enrolment.Id));
        Assert.Equal(("Åkerby", EducationLevel.UpperSecondary, "Försäkringskassan", TimeInSupport.OneToTwoYears),
            (stored.HomeMunicipality, stored.Education, stored.ReferringMember?.Name, stored.TimeInSupportBeforeStart));
        Assert.Equal((DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture), EndReason.Studies), (stored.EndDate!.Value, stored.EndReason!.Value));
        Assert.Equal((Gender.Woman, birthYear), (stored.Participant!.Gender, stored.Participant.BirthYear));

        // A new enrolment from a file without Utbildning gets "Okänd"; the earlier enrolment keeps its own.
        var later = Date(start.AddDays(100));
        html = await ImportAsync(File("Personnummer;Samtycke;Kön;Födelseår;Insats;Startdatum", [string.Join(';', full[2], full[3], "Kvinna", full[5], "P33", later)]));
        Says(html, "varav 1 nya, 0 ändrade och 0 oförändrade");
        var enrolments = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().Where(e => e.ParticipantId == person.Id).OrderBy(e => e.StartDate).ToListAsync());
        Assert.Equal([EducationLevel.UpperSecondary, EducationLevel.Unknown], enrolments.Select(e => e.Education).ToList());
    }

    [Fact]
    public async Task A_new_enrolment_with_another_education_leaves_an_earlier_years_statistics_as_they_were()
    {
        // Row 9300: an identified woman in P31 last year, gymnasial, ended after 90 days (9300 is divisible by 3).
        var cells = Row(9300).Split(';');
        Assert.NotEqual("", cells[13]);
        await ImportAsync(File([string.Join(';', cells)]));
        var lastYear = TestClock.Today.Year - 1;
        var before = await fixture.Factory.WithDbAsync(db => Finsam.Data.Queries.ParticipantStatisticsQuery.StatisticsForYearAsync(db, lastYear));
        var thisYearBefore = await fixture.Factory.WithDbAsync(db => Finsam.Data.Queries.ParticipantStatisticsQuery.StatisticsForYearAsync(db, lastYear + 1));

        // This year the same person starts in P33 with post-secondary education.
        var next = (string[])cells.Clone();
        next[7] = "Eftergymnasial";
        next[8] = "P33";
        next[9] = Date(new DateOnly(lastYear + 1, 2, 1));
        next[13] = next[14] = next[16] = "";
        var html = await ImportAsync(File([string.Join(';', next)]));
        Says(html, "varav 1 nya, 0 ändrade och 0 oförändrade");

        var after = await fixture.Factory.WithDbAsync(db => Finsam.Data.Queries.ParticipantStatisticsQuery.StatisticsForYearAsync(db, lastYear));
        Assert.Equal(
            before.Total.CurrentByEducation.Select(r => (r.Key, r.Counts.Women, r.Counts.Men, r.Counts.Total)).ToList(),
            after.Total.CurrentByEducation.Select(r => (r.Key, r.Counts.Women, r.Counts.Men, r.Counts.Total)).ToList());
        var thisYear = await fixture.Factory.WithDbAsync(db => Finsam.Data.Queries.ParticipantStatisticsQuery.StatisticsForYearAsync(db, lastYear + 1));
        int PostSecondary(Finsam.Data.Queries.YearlyParticipantStatistics s) => s.Total.CurrentByEducation.Single(r => r.Key == EducationLevel.PostSecondary).Counts.Women;
        Assert.Equal(PostSecondary(thisYearBefore) + 1, PostSecondary(thisYear));
    }
}
