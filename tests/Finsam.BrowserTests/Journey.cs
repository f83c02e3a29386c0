using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>
/// What every step of a journey is held to, at whatever width it runs: the page has loaded, axe finds nothing, the
/// page never scrolls sideways (a wide table scrolls in its own region), and a column of numbers has its header
/// aligned with its numbers.
/// </summary>
public static class Journey
{
    /// <summary>The widths every journey runs at: a laptop and a phone.</summary>
    public const int Wide = 1366;

    public const int Narrow = 375;

    /// <summary>The screen height used with a width.</summary>
    public static int Height(int width) => width > 1000 ? 900 : 740;

    public static async Task StepAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        await BrowserFixture.WaitForLoadAsync(page, what);
        await BrowserFixture.AssertAccessibleAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{what} ({page.Url}): the page is {overflow} px wider than the screen.");
        var misaligned = await MisalignedNumberHeadersAsync(page);
        Assert.True(misaligned.Length == 0, $"{what} ({page.Url}): column headers not aligned with their numbers: {string.Join("; ", misaligned)}");
    }

    /// <summary>On a narrow screen the menu is folded into "Meny": opens it (by keyboard) so its links can be used.</summary>
    public static async Task OpenMenuAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var summary = page.Locator("details.site-menu > summary");
        if (await summary.IsVisibleAsync() && await page.Locator("details.site-menu[open]").CountAsync() == 0)
        {
            await summary.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })).ToBeVisibleAsync();
        }
    }

    /// <summary>The headers ("caption: header") of the page's number columns that are not aligned with their numbers.</summary>
    public static Task<string[]> MisalignedNumberHeadersAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<string[]>(MisalignedNumberHeaders);
    }

    /// <summary>
    /// The headers (caption: header) of table columns whose every filled body cell is right-aligned while the header is
    /// not. Tables whose header rows span columns are left out (their columns are not one header each).
    /// </summary>
    private const string MisalignedNumberHeaders = """
        () => {
          const right = e => { const a = getComputedStyle(e).textAlign; return a === 'right' || a === 'end'; };
          const found = [];
          for (const table of document.querySelectorAll('main table')) {
            const head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
            if (!head || [...table.tHead.querySelectorAll('th, td')].some(c => c.colSpan > 1 || c.rowSpan > 1)) continue;
            const rows = [...table.tBodies].flatMap(b => [...b.rows]).filter(r => r.cells.length === head.cells.length);
            [...head.cells].forEach((th, i) => {
              const cells = rows.map(r => r.cells[i]).filter(c => c.tagName === 'TD' && c.textContent.trim() !== '');
              if (cells.length > 0 && cells.every(right) && !right(th)) {
                found.push(((table.caption && table.caption.textContent.trim()) || '(no caption)') + ': ' + th.textContent.trim());
              }
            });
          }
          return found;
        }
        """;
}
