using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>
/// Every GET page of the app (<see cref="PageMatrix"/>), as a role that may see it, on a 320 px wide screen: the page
/// never scrolls sideways (WCAG 1.4.10: the header folds into "Meny", wide tables scroll in their own region), every
/// number column's header is aligned with its numbers, and axe finds nothing. One browser context per role, one tab reused for all of its pages. The header's menu is opened
/// and closed by keyboard, and its screenshots (closed and open) are left for docs/images.
/// </summary>
[Collection(BrowserTestGroup.Access)]
public sealed class NarrowScreenTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const int Width = 320;

    /// <summary>Pages for visitors who have not signed in (signed in, they send the user on).</summary>
    private static readonly string[] AnonymousPages = ["/Konto/LoggaIn", "/Konto/LoggaIn2FA", "/Konto/Aterstallningskod"];

    /// <summary>
    /// The annual report's preview shows the document's A4 pages as the PDF has them (its own stylesheet, no site
    /// header): axe checks it, but it is not held to the width of a phone.
    /// </summary>
    private static readonly string[] DocumentPages = ["/Arsredovisning/Forhandsgranska/"];

    /// <summary>The role a page is visited as, in this order of preference.</summary>
    private static readonly string[] RoleOrder = [Roles.Kansli, Roles.Director, Roles.Administrator, Roles.Auditor, Roles.Board];

    /// <summary>Where the test leaves its screenshots of the narrow header (for docs/images).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Path.GetTempPath(), "finsam-narrow-screens");

    [Fact]
    public async Task No_page_scrolls_sideways_at_320_px_and_axe_finds_nothing()
    {
        var ids = await fixture.Server.WithDbAsync(PageMatrix.RecordIdsAsync);
        var someone = fixture.Users[Roles.Kansli].Email;
        ids["{user}"] = await fixture.Server.WithDbAsync(db => db.Users.Where(u => u.Email == someone).Select(u => u.Id).SingleAsync());

        var byRole = PageMatrix.GetPages
            .Select(a => (Url: PageMatrix.Url(a.Url, ids), Role: AnonymousPages.Contains(a.Url) ? PageMatrix.Anonymous : RoleOrder.FirstOrDefault(a.Allowed.Contains)))
            .Where(p => p.Role is not null)
            .GroupBy(p => p.Role!, p => p.Url);

        var failures = new List<string>();
        var visited = 0;
        foreach (var group in byRole)
        {
            var page = group.Key == PageMatrix.Anonymous ? await fixture.NewPageAsync() : await fixture.SignInAsync(group.Key);
            await page.SetViewportSizeAsync(Width, 640);
            foreach (var url in group)
            {
                // Only HTML pages: an export answers with a file.
                var head = await page.Context.APIRequest.GetAsync(url, new() { MaxRedirects = 5 });
                if (!(head.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    continue;
                }

                await page.GotoAsync(url);   // waits for the load event (the report preview has no site footer to wait for)
                visited++;
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0 && !DocumentPages.Any(d => url.StartsWith(d, StringComparison.Ordinal)))
                {
                    var widest = await page.EvaluateAsync<string>(
                        "() => { const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !(e.parentElement && e.parentElement.closest('.table-scroll'))).slice(0, 4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + (e.id ? '#' + e.id : '') + ' to ' + Math.round(e.getBoundingClientRect().right)).join(', '); }");
                    failures.Add($"{group.Key} {url}: the page is {overflow} px wider than the screen ({widest})");
                }

                failures.AddRange((await Journey.MisalignedNumberHeadersAsync(page)).Select(h => $"{group.Key} {url}: the header \"{h}\" is not aligned with its numbers"));
                AxeResult result = await page.RunAxe();
                failures.AddRange(result.Violations.Select(v => $"{group.Key} {url}: axe {v.Id} – {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})"));
            }

            await page.Context.CloseAsync();
        }

        Assert.True(visited >= 60, $"Expected to visit every GET page, visited {visited}.");
        Assert.True(failures.Count == 0, $"{failures.Count} problems at {Width} px:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_header_menu_opens_and_closes_by_keyboard_at_320_px()
    {
        var page = await fixture.SignInAsync(Roles.Director);
        await page.SetViewportSizeAsync(Width, 640);
        await page.GotoAsync("/Oversikt");
        await BrowserFixture.WaitForLoadAsync(page, "the overview");
        var menu = page.Locator("details.site-menu > summary");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(navigation).ToBeHiddenAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "sidhuvud-320-stangd.png") });

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(navigation).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        var right = await page.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('header *')].map(e => e.getBoundingClientRect().right))");
        Assert.True(right <= Width, $"The open header reaches x={right} on a {Width} px screen.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "sidhuvud-320-oppen.png") });

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(navigation).ToBeHiddenAsync();

        // On a wide screen the menu is always shown, without the "Meny" button.
        await page.SetViewportSizeAsync(1366, 800);
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await Assertions.Expect(navigation).ToBeVisibleAsync();
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Översikt" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
