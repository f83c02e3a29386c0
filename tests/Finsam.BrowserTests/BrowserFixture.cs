using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>
/// One app on Kestrel with the demo förbund (a copy of the process's <see cref="DemoTemplate"/>) and one user per role,
/// visited by the browser tests of a class in the one shared headless Chromium (<see cref="SharedBrowser"/>).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture()
        : this(new FinsamServer(), seedDemo: true)
    {
    }

    /// <summary>A fixture on the given server; without <paramref name="seedDemo"/> the database starts empty, as a new installation's.</summary>
    protected BrowserFixture(FinsamServer server, bool seedDemo)
    {
        Server = server;
        _seedDemo = seedDemo;
    }

    private readonly bool _seedDemo;

    public const string ChromiumPath = SharedBrowser.ChromiumPath;

    /// <summary>Content-Security-Policy violations the browser reported on each page, from its console.</summary>
    private static readonly ConditionalWeakTable<IPage, List<string>> CspViolationsByPage = [];

    /// <summary>The requests each page has started and not yet seen finish or fail, for diagnosing a page that never loads.</summary>
    private static readonly ConditionalWeakTable<IPage, Dictionary<IRequest, DateTime>> PendingRequestsByPage = [];

    public FinsamServer Server { get; }

    public IBrowser Browser { get; private set; } = null!;

    public Dictionary<string, TestUser> Users { get; } = [];

    public async Task InitializeAsync()
    {
        if (_seedDemo)
        {
            await Server.SeedDemoAsync(TestClock.Today.Year);
        }

        _ = Server.BaseAddress;
        foreach (var role in Roles.All)
        {
            Users[role] = await Server.CreateUserAsync(role);
        }

        Browser = await SharedBrowser.GetAsync();
    }

    /// <summary>A fresh browser context (own cookies) on a page at the app's address.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "sv-SE",
        });
        // Generous limits: CI has two cores shared with the other test assemblies running at the same time.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        if (!javaScript)
        {
            NoJavaScriptPages.Add(page, new object());
        }

        var violations = CspViolationsByPage.GetOrCreateValue(page);
        var pending = PendingRequestsByPage.GetOrCreateValue(page);
        page.Request += (_, request) =>
        {
            lock (pending)
            {
                pending[request] = DateTime.UtcNow;
            }
        };
        page.RequestFinished += (_, request) =>
        {
            lock (pending)
            {
                pending.Remove(request);
            }
        };
        page.RequestFailed += (_, request) =>
        {
            lock (pending)
            {
                pending.Remove(request);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return page;
    }

    /// <summary>What the browser refused on this page because of the Content-Security-Policy.</summary>
    public static IReadOnlyList<string> CspViolations(IPage page)
    {
        var violations = CspViolationsByPage.GetOrCreateValue(page);
        lock (violations)
        {
            return [.. violations];
        }
    }

    /// <summary>Signs in through the login form as a person would.</summary>
    public async Task<IPage> SignInAsync(string role)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Users[role]);
        return page;
    }

    public static async Task SignInAsync(IPage page, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(user);
        await page.GotoAsync("/Konto/LoggaIn");
        await page.GetByLabel("E-postadress").FillAsync(user.Email);
        await page.GetByLabel("Lösenord").FillAsync(user.Password);
        await SubmitAndFollowAsync(page, "/Konto/LoggaIn", $"the password step as {user.Email}");

        if (page.Url.Contains("/Konto/LoggaIn2FA", StringComparison.Ordinal))
        {
            Assert.True(user.AuthenticatorKey is not null, $"{user.Email} has two-factor sign-in on but the test knows no authenticator key.");
            await page.GetByLabel("Kod från appen").FillAsync(Totp.UnusedCode(user.AuthenticatorKey));
            await SubmitAndFollowAsync(page, "/Konto/LoggaIn2FA", $"the two-factor step as {user.Email}");
        }
    }

    /// <summary>
    /// Presses the sign-in form's button and follows the redirect that a successful step answers with, until the next
    /// page has loaded. It waits for the new page's URL before its load event, so that the load event of the form
    /// being left is never taken for the next page's. Fails with what the page said when the step was refused.
    /// </summary>
    private static async Task SubmitAndFollowAsync(IPage page, string formPath, string what)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == formPath);
        if (response.Status != 302)
        {
            await WaitForLoadAsync(page, what);
            Assert.Fail($"The sign-in form refused {what} (POST answered {response.Status}): {await DescribeAsync(page)}");
        }

        // The page's URL, not WaitForURLAsync: when the URL already matches, that waits for Playwright's "load" state,
        // which is the signal that goes missing (see WaitForLoadAsync).
        if (!await Poll.UntilAsync(() => new Uri(page.Url).AbsolutePath != formPath, TimeSpan.FromSeconds(30)))
        {
            Assert.Fail($"The redirect after {what} never reached the browser: {await DescribeAsync(page)}");
        }

        await WaitForLoadAsync(page, what);
    }

    /// <summary>
    /// Waits until the page has loaded, as the page itself tells it: its layout's footer is parsed and, where the
    /// context runs JavaScript, <c>document.readyState</c> is "complete" (stylesheets and images loaded, as axe's
    /// contrast checks need). Not Playwright's "load" state: after a form's POST and its redirects, Playwright
    /// sometimes never hears of the new document's load event although the document has fired it. Caught on
    /// 2026-12-02 with this helper's diagnosis: WaitForURLAsync timed out after 30 s with only "NetworkIdle event
    /// fired" in Playwright's log, while the page itself said <c>document.readyState</c> "complete" and
    /// <c>loadEventEnd</c> 372 ms, with no request unfinished (Debian's Chromium 156 driven by Playwright 1.64).
    /// Fails after 30 s with what the page was still waiting for.
    /// </summary>
    public static async Task WaitForLoadAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await page.Locator("footer.site-footer").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
            if (RunsJavaScript(page))
            {
                await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = 30_000, PollingInterval = 100 });
            }
        }
        catch (TimeoutException ex)
        {
            Assert.Fail($"The page after {what} did not finish loading: {await DescribeAsync(page)}\n{ex.Message}");
        }
    }

    private static bool RunsJavaScript(IPage page) => !NoJavaScriptPages.TryGetValue(page, out _);

    /// <summary>The pages opened with JavaScript turned off, where the page cannot be asked how far it has loaded.</summary>
    private static readonly ConditionalWeakTable<IPage, object> NoJavaScriptPages = [];

    /// <summary>Where a page is, how far it has loaded, which requests are still unanswered, and what it says.</summary>
    public static async Task<string> DescribeAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        string readyState = "(no JavaScript on this page)", text;
        try
        {
            if (RunsJavaScript(page))
            {
                readyState = await page.EvaluateAsync<string>(
                "() => document.readyState + '; resources: ' + performance.getEntriesByType('resource').map(r => r.name + ' ' + Math.round(r.responseEnd)).join(', ') + '; navigation: ' + performance.getEntriesByType('navigation').map(n => n.name + ' ' + n.type + ' responseEnd ' + Math.round(n.responseEnd) + ' loadEventEnd ' + Math.round(n.loadEventEnd)).join(', ') + '; images: ' + Array.from(document.images).map(i => i.complete).join(',')")
                    .WaitAsync(TimeSpan.FromSeconds(5));
            }

            text = await page.Locator("main").First.InnerTextAsync(new() { Timeout = 5_000 });
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            readyState = "?";
            text = $"(could not be read: {ex.Message})";
        }

        var pending = PendingRequestsByPage.GetOrCreateValue(page);
        string requests;
        lock (pending)
        {
            requests = pending.Count == 0 ? "none" : string.Join(", ", pending.Select(p => $"{p.Key.Method} {p.Key.Url} since {p.Value:HH:mm:ss.fff}"));
        }

        return $"url {page.Url}, document.readyState {readyState}, unfinished requests: {requests}, page says: {text.Trim()}";
    }

    /// <summary>
    /// Runs axe-core on the page and fails with a readable list when anything is found; fails too when the browser
    /// has reported a Content-Security-Policy violation on the page (an inline style or script the policy blocked).
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var csp = CspViolations(page);
        Assert.True(csp.Count == 0, "The browser reported Content-Security-Policy violations:\n" + string.Join("\n", csp));
        AxeResult result = await page.RunAxe();
        var problems = result.Violations
            .Select(v => $"{v.Impact}: {v.Id} – {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
            .ToList();
        Assert.True(problems.Count == 0, $"axe-core found on {page.Url}:\n" + string.Join("\n", problems));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
