using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>
/// One app on Kestrel with the demo förbund and one user per role, and one headless Debian Chromium
/// (never a downloaded browser) driven by Playwright. Shared by the browser tests of a class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Content-Security-Policy violations the browser reported on each page, from its console.</summary>
    private static readonly ConditionalWeakTable<IPage, List<string>> CspViolationsByPage = [];

    private IPlaywright? _playwright;

    public FinsamServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Dictionary<string, TestUser> Users { get; } = [];

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Browser tests need Debian's chromium at {ChromiumPath}: apt-get install chromium");
        _ = Server.BaseAddress;
        await Server.SeedDemoAsync(DateTime.Today.Year);
        foreach (var role in Roles.All)
        {
            Users[role] = await Server.CreateUserAsync(role);
        }

        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
            ],
        });
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
        var violations = CspViolationsByPage.GetOrCreateValue(page);
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
        // A second attempt only when the first was answered without the form's own message (a rare CI failure whose
        // cause could not be reproduced); a wrong password or a lockout fails at once, with what the page said.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/Konto/LoggaIn");
            await page.GetByLabel("E-postadress").FillAsync(user.Email);
            await page.GetByLabel("Lösenord").FillAsync(user.Password);
            var response = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.Contains("/Konto/LoggaIn", StringComparison.Ordinal));
            await page.WaitForLoadStateAsync(LoadState.Load);
            if (!IsSignInForm(page.Url))
            {
                break;
            }

            var said = await page.Locator(".error-summary, main").First.InnerTextAsync();
            var diagnosis = $"Sign-in as {user.Email} stayed on {page.Url} (POST answered {response.Status}): {said.Trim()}";
            Assert.False(attempt >= 2 || said.Contains("Fel e-postadress", StringComparison.Ordinal) || said.Contains("spärrat", StringComparison.Ordinal), diagnosis);
            Console.WriteLine(diagnosis + " – trying once more.");
        }

        if (page.Url.Contains("/Konto/LoggaIn2FA", StringComparison.Ordinal))
        {
            Assert.True(user.AuthenticatorKey is not null, $"{user.Email} has two-factor sign-in on but the test knows no authenticator key.");
            await page.GetByLabel("Kod från appen").FillAsync(Totp.Code(user.AuthenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Konto/LoggaIn", StringComparison.Ordinal));
        }
    }

    private static bool IsSignInForm(string url) =>
        url.Contains("/Konto/LoggaIn?", StringComparison.Ordinal) || url.EndsWith("/Konto/LoggaIn", StringComparison.Ordinal);

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

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
