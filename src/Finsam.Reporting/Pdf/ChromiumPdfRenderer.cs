using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Finsam.Reporting.Pdf;

/// <summary>
/// Renders HTML to PDF in headless Chromium (the Debian package), driven by Playwright. One browser process is
/// shared and started on first use; each rendering gets its own page. A browser that has died is started again.
/// </summary>
public sealed partial class ChromiumPdfRenderer(IOptions<ChromiumOptions> options, ILogger<ChromiumPdfRenderer> logger)
    : IPdfRenderer, IAsyncDisposable
{
    private static readonly string[] LaunchArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
    ];

    private readonly ChromiumOptions _options = options.Value;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly SemaphoreSlim _renderSlots = new(Math.Max(1, options.Value.MaxConcurrentRenders));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<byte[]> RenderAsync(string html, PdfPageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);

        await _renderSlots.WaitAsync(timeout.Token);
        try
        {
            var browser = await GetBrowserAsync(timeout.Token);
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
            var page = await context.NewPageAsync();
            var timeoutMs = (float)_options.Timeout.TotalMilliseconds;
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeoutMs })
                .WaitAsync(timeout.Token);
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Landscape = options.Landscape,
                PrintBackground = true,
                PreferCSSPageSize = true,
                Tagged = true,
                Outline = true,
                DisplayHeaderFooter = options.HeaderText is not null || options.PageNumbers,
                HeaderTemplate = HeaderTemplate(options.HeaderText),
                FooterTemplate = options.PageNumbers ? FooterTemplate : "<span></span>",
                Margin = new Margin
                {
                    Top = options.MarginTop,
                    Bottom = options.MarginBottom,
                    Left = options.MarginLeft,
                    Right = options.MarginRight,
                },
            }).WaitAsync(timeout.Token);
            return pdf;
        }
        catch (PlaywrightException ex)
        {
            // A crashed or disconnected browser is replaced on the next call.
            LogRenderFailed(logger, ex);
            await ResetBrowserAsync();
            throw new PdfRenderingException("PDF-dokumentet kunde inte skapas.", ex);
        }
        finally
        {
            _renderSlots.Release();
        }
    }

    private const string FooterTemplate =
        "<div style=\"font-size:8pt;width:100%;text-align:right;margin:0 2cm;font-family:'DejaVu Sans',sans-serif;\">" +
        "Sida <span class=\"pageNumber\"></span> av <span class=\"totalPages\"></span></div>";

    private static string HeaderTemplate(string? text) => text is null
        ? "<span></span>"
        : "<div style=\"font-size:8pt;width:100%;margin:0 2cm;color:#444;font-family:'DejaVu Sans',sans-serif;\">" +
          WebUtility.HtmlEncode(text) + "</div>";

    private async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            if (!File.Exists(_options.ExecutablePath))
            {
                throw new PdfRenderingException(
                    $"Chromium saknas på {_options.ExecutablePath}. Installera paketet chromium eller ange Pdf:ExecutablePath.");
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ExecutablePath,
                Headless = true,
                Args = LaunchArguments,
            });
            return _browser;
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task ResetBrowserAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                try
                {
                    await _browser.CloseAsync();
                }
                catch (PlaywrightException)
                {
                    // Already gone.
                }

                _browser = null;
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ResetBrowserAsync();
        _playwright?.Dispose();
        _playwright = null;
        _startLock.Dispose();
        _renderSlots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rendering a PDF in Chromium failed")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception);
}

/// <summary>A PDF could not be produced; the message is Swedish and may be shown to the user.</summary>
public sealed class PdfRenderingException : Exception
{
    public PdfRenderingException(string message)
        : base(message)
    {
    }

    public PdfRenderingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PdfRenderingException()
    {
    }
}
