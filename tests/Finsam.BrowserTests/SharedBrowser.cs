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
/// All browser tests form one collection: they run one after the other (two cores serve one browser and one app at a
/// time better than seven of each), in the one shared browser, which is closed when the collection ends.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserTestGroup.Lifetime>
{
    public const string Name = "Browser";

    public sealed class Lifetime : IAsyncLifetime
    {
        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync() => SharedBrowser.CloseAsync();
    }
}
