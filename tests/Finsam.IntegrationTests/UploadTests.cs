using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using ClosedXML.Excel;
using Finsam.Data.Identity;
using Finsam.Domain.Participants.Import;
using Finsam.TestSupport;
using Finsam.Web.Features.Economy;
using Finsam.Web.Features.Participants;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>Hostile and broken uploads to every import are refused with a Swedish message and change nothing.</summary>
public sealed class UploadTests(UploadTests.Fixture fixture) : IClassFixture<UploadTests.Fixture>
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

    private static string Row(string municipality) => string.Join(';',
        "", "", "", "", "Kvinna", "1985", municipality, "Gymnasial", "P31",
        new DateOnly(TestClock.Today.Year, 1, 10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "Försäkringskassan", "Sjukpenning", "1–2 år", "", "", "", "", "");

    /// <summary>A sheet of 1 000 rows × 1 001 small cells: cheap to send (200 kB), costly for ClosedXML to load.</summary>
    private static byte[] ManyCells()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            part.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 1; r <= 1_000; r++)
            {
                part.Write($"<row r=\"{r}\">");
                for (var c = 0; c < 1_001; c++)
                {
                    part.Write("<c><v>1</v></c>");
                }

                part.Write("</row>");
            }

            part.Write("</sheetData></worksheet>");
        }

        return stream.ToArray();
    }

    /// <summary>An .xlsx (zip) whose one part unpacks to far more than it weighs.</summary>
    private static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++)
            {
                part.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Each hostile file by name with the message it must get. The theories take only the name: xunit serialises
    /// theory data at discovery, and megabytes of content there cost a minute before the first test runs.
    /// </summary>
    private static readonly Dictionary<string, (Func<byte[]> Content, string Message)> EnrolmentFiles = new()
    {
        ["en-rad.csv"] = (() => Encoding.UTF8.GetBytes(Header + "\r\n" + new string('A', 3 * 1024 * 1024)), "raden är längre än 10000 tecken"),
        ["skrap.csv"] = (() => [.. Enumerable.Range(0, 5000).Select(i => (byte)((i * 7919) % 256))], "Filen är inte"),
        ["unicode.csv"] = (() => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header + "\r\n" + Row("Åkerby"))], "UTF-16"),
        ["utan-bom.csv"] = (() => Encoding.Unicode.GetBytes(Header + "\r\n" + Row("Åkerby")), "Filen är inte en textfil."),
        ["excel.csv"] = (() => ZipBomb(), "Filen är en Excel- eller zip-fil, inte en CSV-fil."),
        ["skrap.xlsx"] = (() => Encoding.UTF8.GetBytes(Header + "\r\n" + Row("Åkerby")), "Filen kunde inte läsas som en Excel-arbetsbok (.xlsx)."),
        ["manga-celler.xlsx"] = (ManyCells, "fler än 1 miljon celler"),
        ["bomb.xlsx"] = (() => ZipBomb(), "packas upp till mer än 50 MB"),
        ["trasig.xlsx"] = (() => [.. "PK\u0003\u0004"u8, .. Enumerable.Repeat((byte)0x41, 2000)], "Filen kunde inte läsas som en Excel-arbetsbok (.xlsx)."),
        ["bild.png"] = (() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "Filen ska vara CSV (.csv) eller Excel (.xlsx)."),
    };

    public static TheoryData<string> HostileEnrolmentFiles => [.. EnrolmentFiles.Keys];

    [Theory]
    [MemberData(nameof(HostileEnrolmentFiles))]
    public async Task A_hostile_enrolment_file_is_refused_cleanly(string name)
    {
        var (content, message) = (EnrolmentFiles[name].Content(), EnrolmentFiles[name].Message);
        var before = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync());
        var response = await fixture.Kansli.UploadAsync("/Deltagare/Import", "fil", name, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // A file of another kind is refused at once, at the field; any other upload is refused by the import's job.
        Assert.Contains(EnrolmentImporter.Extensions.Contains(Path.GetExtension(name)) ? "Inget importerades" : "Något behöver rättas", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync()));
    }

    /// <summary>Swedish Excel's "CSV (semikolonavgränsad)" is Windows-1252: read, and the result names the encoding.</summary>
    [Fact]
    public async Task A_latin1_file_is_read_as_windows_1252()
    {
        var before = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync());
        var response = await fixture.Kansli.UploadAsync("/Deltagare/Import", "fil", "latin1.csv", Encoding.Latin1.GetBytes(Header + "\r\n" + Row("Åkerbyö")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Importen är klar", html, StringComparison.Ordinal);
        Assert.Contains("Filen lästes som Windows-1252.", html, StringComparison.Ordinal);
        Assert.Equal(before + 1, await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync()));
        Assert.True(await fixture.Factory.WithDbAsync(db => db.Enrolments.AnyAsync(e => e.HomeMunicipality == "Åkerbyö")));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        var before = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync());
        var content = Encoding.UTF8.GetBytes(Header + "\r\n" + string.Join("\r\n", Enumerable.Repeat(Row("Åkerby"), 120_000)));
        Assert.True(content.Length > 10 * 1024 * 1024);
        var response = await fixture.Kansli.UploadAsync("/Deltagare/Import", "fil", "stor.csv", content);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Filen är större än 10 MB", html, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync()));
    }

    [Fact]
    public async Task Formulas_in_an_imported_file_come_out_neutralised_in_both_exports()
    {
        string[] formulas = ["=cmd|' /C calc'!A0", "+HYPERLINK(\"http://x\")", "@SUM(1+1)", "-2+3"];
        var file = Encoding.UTF8.GetBytes(Header + "\r\n" + string.Join("\r\n", formulas.Select((f, i) => Row(f).Replace("1985", (1980 + i).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))));
        var response = await fixture.Kansli.UploadAsync("/Deltagare/Import", "fil", "formler.csv", file);
        Assert.Contains("Importen är klar", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString(await fixture.Kansli.GetByteArrayAsync("/Deltagare/Export?format=csv"));
        var cells = csv.Split(["\r\n"], StringSplitOptions.None).SelectMany(l => l.Split(';')).ToList();
        foreach (var formula in formulas)
        {
            Assert.Contains(("'" + formula).Replace("\"", "\"\"", StringComparison.Ordinal), csv, StringComparison.Ordinal);
            Assert.DoesNotContain(cells, c => c.TrimStart('"').StartsWith(formula[0]) && c.Contains(formula[1..], StringComparison.Ordinal));
        }

        using var workbook = new XLWorkbook(new MemoryStream(await fixture.Kansli.GetByteArrayAsync("/Deltagare/Export?format=xlsx")));
        var sheet = workbook.Worksheets.First();
        Assert.DoesNotContain(sheet.CellsUsed(), c => c.HasFormula);
        foreach (var formula in formulas)
        {
            var cell = Assert.Single(sheet.CellsUsed(), c => c.GetString() == formula);
            Assert.Equal(XLDataType.Text, cell.DataType);
        }
    }

    private static readonly Dictionary<string, (Func<byte[]> Content, string Message)> SieFiles = new()
    {
        ["en-rad.se"] = (() => Encoding.ASCII.GetBytes("#FLAGGA 0\r\n#FNAMN \"" + new string('x', 5 * 1024 * 1024) + "\"\r\n"), "Rad 2: raden är längre än 10000 tecken."),
        ["skrap.se"] = (() => [.. Enumerable.Range(0, 5000).Select(i => (byte)((i * 7919) % 256))], "Filen kunde inte läsas."),
        ["unicode.se"] = (() => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("#FLAGGA 0\r\n#SIETYP 4\r\n")], "UTF-16"),
        ["utan-bom.se"] = (() => Encoding.Unicode.GetBytes("#FLAGGA 0\r\n#SIETYP 4\r\n"), "nolltecken"),
        ["packad.se"] = (() => ZipBomb(), "zip- eller Excel-fil"),
        ["ar-9999.se"] = (() => Encoding.ASCII.GetBytes("#FLAGGA 0\r\n#SIETYP 4\r\n#RAR 0 99990101 99991231\r\n#KONTO 1930 \"Bank\"\r\n#IB 0 1930 100.00\r\n"), "är inte ett år som förbundet kan ha bokföring för"),
        ["ar-1.se"] = (() => Encoding.ASCII.GetBytes("#FLAGGA 0\r\n#SIETYP 4\r\n#RAR 0 00010101 00011231\r\n#KONTO 1930 \"Bank\"\r\n#IB 0 1930 100.00\r\n"), "är inte ett år som förbundet kan ha bokföring för"),
        ["bokforing.xlsx"] = (() => Encoding.ASCII.GetBytes("#FLAGGA 0\r\n"), "Filen ska vara en SIE-fil (.se, .si eller .sie)"),
    };

    public static TheoryData<string> HostileSieFiles => [.. SieFiles.Keys];

    [Theory]
    [MemberData(nameof(HostileSieFiles))]
    public async Task A_hostile_sie_file_is_refused_cleanly(string name)
    {
        var (content, message) = (SieFiles[name].Content(), SieFiles[name].Message);
        var before = await fixture.Factory.WithDbAsync(db => db.LedgerImports.CountAsync());
        var response = await fixture.Kansli.UploadAsync("/Ekonomi/Import", "fil", name, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // A file of another kind is refused at once, at the field; any other is read by a background job, whose page says why it was refused.
        Assert.Contains(LedgerImporter.Extensions.Contains(Path.GetExtension(name)) ? "Jobbet misslyckades" : "Något behöver rättas", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Factory.WithDbAsync(db => db.LedgerImports.CountAsync()));
    }
}
