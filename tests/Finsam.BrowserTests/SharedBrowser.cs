using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>
/// The one headless Debian Chromium (never a downloaded browser), driven by Playwright, that every browser test uses:
/// started on first use and closed when the browser test collection ends. Each test gets its own context (cookies).
/// </summary>
public static class SharedBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Lock.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            Assert.True(File.Exists(ChromiumPath), $"Browser tests need Debian's chromium at {ChromiumPath}: apt-get install chromium");
            Assertions.SetDefaultExpectTimeout(20_000);
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                ],
            });
            return _browser;
        }
        finally
        {
            Lock.Release();
        }
    }

    public static async Task CloseAsync()
    {
        await Lock.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                await _browser.CloseAsync();
                _browser = null;
            }

            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            Lock.Release();
        }
    }
}

/// <summary>
/// The browser tests form two collections that run side by side, one per core, each class after the other within its
/// collection; the classes are split so the two take about as long. Both use the one shared browser (a context per
/// page), which the last collection to end closes.
/// </summary>
public static class BrowserTestGroup
{
    /// <summary>Sign-in, navigation and security journeys.</summary>
    public const string Access = "Browser: sign-in and administration";

    /// <summary>The kansli's and the förbundschef's work: registration, goals, economy, annual report.</summary>
    public const string Work = "Browser: registration, goals, economy and report";

    private static int _open;

    public sealed class Lifetime : IAsyncLifetime
    {
        public Task InitializeAsync()
        {
            Interlocked.Increment(ref _open);
            return Task.CompletedTask;
        }

        public Task DisposeAsync() => Interlocked.Decrement(ref _open) == 0 ? SharedBrowser.CloseAsync() : Task.CompletedTask;
    }
}

[CollectionDefinition(BrowserTestGroup.Access)]
public sealed class AccessBrowserTests : ICollectionFixture<BrowserTestGroup.Lifetime>;

[CollectionDefinition(BrowserTestGroup.Work)]
public sealed class WorkBrowserTests : ICollectionFixture<BrowserTestGroup.Lifetime>;
