using ClosedXML.Excel;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>
/// The auditor traces a line of the resultaträkning to its accounts, an account's huvudbok and a voucher, on a wide
/// screen and on a phone; each page passes axe, and at 375 px no page scrolls sideways (wide tables scroll in their region).
/// </summary>
[Collection(BrowserTestGroup.Work)]
public sealed class LedgerJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>The demo's last finished ledger year.</summary>
    private static readonly int Year = TestClock.Today.Year - 1;

    /// <summary>Where the journey leaves its screenshots of the huvudbok and the voucher list (for docs/images).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Path.GetTempPath(), "finsam-ledger-screens");

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(375, 740)]
    public async Task The_auditor_traces_a_statement_line_to_an_account_and_a_voucher(int width, int height)
    {
        var page = await fixture.SignInAsync(Roles.Auditor);
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync($"/Ekonomi/Rakenskaper/{Year}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Spåra en rad till konton och verifikationer" })
            .GetByRole(AriaRole.Link, new() { Name = "Verksamhetens kostnader", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Verksamhetens kostnader {Year}");
        await AssertFitsAsync(page);

        var accounts = page.GetByRole(AriaRole.Region, new() { Name = $"Konton på raden Verksamhetens kostnader {Year}, kronor" });
        var account = accounts.GetByRole(AriaRole.Rowheader).GetByRole(AriaRole.Link).First;
        var number = (await account.TextContentAsync())!.Trim();
        await account.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Huvudbok {Year}, konto {number}");
        await Assertions.Expect(page.GetByLabel("Konto", new() { Exact = true })).ToHaveValueAsync(number);
        await AssertFitsAsync(page);
        if (width > 1000)
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "huvudbok.png"), FullPage = false });
        }

        // The account's huvudbok as a workbook: its rows carry the account.
        await AssertDownloadsWorkbookAsync(page, "Ladda ned kontots huvudbok som Excel-fil", number);

        var voucher = page.GetByRole(AriaRole.Region, new() { Name = $"Huvudbok {Year}, konto {number}", Exact = false }).Locator("a[href*='/Verifikationer/']").First;
        var voucherName = (await voucher.TextContentAsync())!.Trim();
        await voucher.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Verifikation {voucherName}");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader).GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).First).ToBeVisibleAsync();
        await AssertFitsAsync(page);

        // Back to the voucher list by the breadcrumbs, searched by the account.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Du är här" }).GetByRole(AriaRole.Link, new() { Name = $"Verifikationslista {Year}" }).ClickAsync();
        await page.GetByLabel("Konto", new() { Exact = true }).FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
        await BrowserFixture.WaitForLoadAsync(page, "the voucher list searched by account");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = voucherName, Exact = true }).First).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        if (width > 1000)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "verifikationslista.png"), FullPage = false });
        }
        else
        {
            // On the phone: the search's result from its table (which scrolls sideways in its own region).
            Directory.CreateDirectory(ScreenshotDirectory);
            await page.Locator("main .table-scroll").First.EvaluateAsync("r => r.scrollIntoView()");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "verifikationslista-375.png"), FullPage = false });
        }

        await AssertDownloadsWorkbookAsync(page, "Ladda ned sökresultatet med alla rader som Excel-fil", number);
        await page.Context.CloseAsync();
    }

    /// <summary>The link downloads an Excel workbook (.xlsx) in which some cell holds <paramref name="expected"/>.</summary>
    private static async Task AssertDownloadsWorkbookAsync(IPage page, string link, string expected)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await using var file = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(file);
        Assert.Contains(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.GetString().Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>Passes axe, and the page itself never scrolls sideways: a wide table scrolls inside its region.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        await Journey.StepAsync(page, "a step of the ledger journey");
        var overflow = await page.EvaluateAsync<int>("() => document.querySelector('main').scrollWidth - document.querySelector('main').clientWidth");
        var widest = overflow <= 0 ? "" : await page.EvaluateAsync<string>(
            "() => { const r = document.querySelector('main').getBoundingClientRect().right; return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > r + 1 && !e.closest('.table-scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', '); }");
        Assert.True(overflow <= 0, $"{page.Url}: the main content is {overflow} px wider than the screen ({widest})");
    }
}
