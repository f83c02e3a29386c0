using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Finsam.Reporting.Pdf;

/// <summary>
/// Renders HTML to PDF in headless Chromium (the Debian package), driven by Playwright. One browser process is
/// shared, started at application start in the background (<see cref="ChromiumWarmUp"/>) or else on first use; each
/// rendering gets its own context and page, made ready while the previous rendering finished. Page references
/// (<see cref="PdfPageOptions.FillPageReferences"/>) are laid out before the one print (<see cref="PageReferences"/>). At most
/// <see cref="ChromiumOptions.MaxConcurrentRenders"/> render at once; a rendering is
/// abandoned after <see cref="ChromiumOptions.Timeout"/> (the wait for a slot after twice that). A browser that has crashed is started again and the
/// document tried once more.
/// </summary>
/// <remarks>The timeouts run on <paramref name="clock"/> (the app's <see cref="TimeProvider"/>), so tests can move them.</remarks>
public sealed partial class ChromiumPdfRenderer(IOptions<ChromiumOptions> options, ILogger<ChromiumPdfRenderer> logger, TimeProvider? clock = null)
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

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ChromiumOptions _options = options.Value;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly SemaphoreSlim _renderSlots = new(Math.Max(1, options.Value.MaxConcurrentRenders));
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private SparePage? _spare;
    private bool _disposed;

    public async Task<byte[]> RenderAsync(string html, PdfPageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        await WaitForSlotAsync(cancellationToken);
        try
        {
            using var deadline = new CancellationTokenSource(_options.Timeout, _clock);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await RenderOnceAsync(html, options, timeout.Token);
                }
                catch (Exception ex) when (IsTimeout(ex, timeout, cancellationToken))
                {
                    LogRenderTimedOut(logger, _options.Timeout.TotalSeconds);
                    throw new PdfRenderingException(
                        $"PDF-dokumentet tog längre tid än {_options.Timeout.TotalSeconds:0} sekunder att skapa och avbröts. Försök igen.", ex);
                }
                catch (PlaywrightException ex)
                {
                    // A crashed or disconnected browser is replaced; the document is tried once more in the new one.
                    LogRenderFailed(logger, attempt, ex);
                    await ResetBrowserAsync();
                    if (attempt >= 2)
                    {
                        throw new PdfRenderingException("PDF-dokumentet kunde inte skapas.", ex);
                    }
                }
            }
        }
        finally
        {
            _renderSlots.Release();
        }
    }

    /// <summary>Waits for one of the bounded rendering slots, at most twice as long as one rendering may take.</summary>
    private async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.Timeout * 2, _clock);
        using var queue = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await _renderSlots.WaitAsync(queue.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PdfRenderingException("Servern skapar många PDF-dokument just nu. Försök igen om en stund.", ex);
        }
    }

    private static bool IsTimeout(Exception ex, CancellationTokenSource timeout, CancellationToken caller) =>
        !caller.IsCancellationRequested && (ex is TimeoutException || (ex is OperationCanceledException && timeout.IsCancellationRequested));

    private async Task<byte[]> RenderOnceAsync(string html, PdfPageOptions options, CancellationToken cancellationToken)
    {
        var browser = await GetBrowserAsync(cancellationToken);
        var page = await TakePageAsync(browser, cancellationToken);
        try
        {
            return await PrintAsync(page, html, options, cancellationToken);
        }
        finally
        {
            await CloseAsync(page.Context);
            PrepareSparePage(browser);
        }
    }

    /// <summary>Whether the browser is running.</summary>
    public bool IsStarted => _browser is { IsConnected: true };

    /// <summary>
    /// Starts the browser and readies a page for the first document, so that it does not wait for Chromium to start.
    /// Called in the background at application start (<see cref="ChromiumWarmUp"/>).
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        var browser = await GetBrowserAsync(cancellationToken);
        PrepareSparePage(browser);
        if (Volatile.Read(ref _spare) is { } spare)
        {
            await spare.Task;
        }
    }

    /// <summary>A page in a new, empty context of its own: the one made ready after the last rendering, or a new one.</summary>
    private async Task<IPage> TakePageAsync(IBrowser browser, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _spare, null) is { } spare)
        {
            if (spare.Browser == browser)
            {
                try
                {
                    var page = await spare.Task.WaitAsync(cancellationToken);
                    if (browser.IsConnected && !page.IsClosed)
                    {
                        return page;
                    }
                }
                catch (PlaywrightException ex)
                {
                    LogSparePageFailed(logger, ex);
                }
                catch (OperationCanceledException)
                {
                    Discard(spare);
                    throw;
                }
            }

            // Not used: its context is closed when it is ready (a failed or closed one is closed too, or ignored).
            Discard(spare);
        }

        return await NewPageAsync(browser);
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        return await context.NewPageAsync();
    }

    /// <summary>Readies a page for the next rendering in the background (a context and page cost a few hundred milliseconds).</summary>
    private void PrepareSparePage(IBrowser browser)
    {
        if (_disposed || !browser.IsConnected || Volatile.Read(ref _spare) is not null)
        {
            return;
        }

        var spare = new SparePage(browser, NewPageAsync(browser));
        if (Interlocked.CompareExchange(ref _spare, spare, null) is not null)
        {
            Discard(spare);
        }
    }

    private void Discard(SparePage spare) => _ = spare.Task.ContinueWith(
        async t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                await CloseAsync(t.Result.Context);
            }
            else
            {
                _ = t.Exception; // Observed: a page that could not be made ready is simply not used.
            }
        },
        CancellationToken.None,
        TaskContinuationOptions.ExecuteSynchronously,
        TaskScheduler.Default).Unwrap();

    private sealed record SparePage(IBrowser Browser, Task<IPage> Task);

    /// <summary>
    /// Closes a rendering's context, waiting at most a few seconds: a page that is stuck loading must not keep its
    /// rendering slot taken. A context that will not close is left to the browser, which is replaced if it has failed.
    /// </summary>
    private async Task CloseAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync().WaitAsync(ContextCloseTimeout);
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            LogContextCloseFailed(logger, ex);
        }
    }

    private static readonly TimeSpan ContextCloseTimeout = TimeSpan.FromSeconds(5);

    private async Task<byte[]> PrintAsync(IPage page, string html, PdfPageOptions options, CancellationToken cancellationToken)
    {
        var timeoutMs = (float)_options.Timeout.TotalMilliseconds;
        if (options.FillPageReferences)
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print }).WaitAsync(cancellationToken);
        }

        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeoutMs })
            .WaitAsync(cancellationToken);
        var pdfOptions = new PagePdfOptions
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
        };
        if (!options.FillPageReferences)
        {
            return await page.PdfAsync(pdfOptions).WaitAsync(cancellationToken);
        }

        // Page references: laid out before printing, then checked against the printed bookmarks (see PageReferences).
        var (width, height) = PageReferences.ContentSize(options);
        var targets = await page.EvaluateAsync<PageReferences.Target[]>(PageReferences.MeasureScript, new { width, height })
            .WaitAsync(cancellationToken);
        var pages = targets.Where(t => t.Page > 0).ToDictionary(t => t.Id, t => t.Page, StringComparer.Ordinal);
        for (var print = 1; ; print++)
        {
            if (pages.Count > 0)
            {
                await page.EvaluateAsync(PageReferences.FillScript, pages).WaitAsync(cancellationToken);
            }

            var pdf = await page.PdfAsync(pdfOptions).WaitAsync(cancellationToken);
            var printed = PageReferences.FromOutline(pdf, targets);
            var wrong = printed.Where(p => pages.GetValueOrDefault(p.Key) != p.Value).ToList();
            if (wrong.Count == 0 || print >= MaxPrints)
            {
                return pdf;
            }

            LogPageReferencesCorrected(logger, wrong.Count, print);
            foreach (var (id, number) in wrong)
            {
                pages[id] = number;
            }
        }
    }

    /// <summary>Prints of one document at most, should the laid-out page references differ from the printed pages.</summary>
    private const int MaxPrints = 3;

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
            ObjectDisposedException.ThrowIf(_disposed, this);
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

    /// <summary>Closes the browser. Idempotent: the container disposes the renderer once as itself and once as <see cref="IPdfRenderer"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (Interlocked.Exchange(ref _spare, null) is { } spare)
        {
            Discard(spare);
        }

        await ResetBrowserAsync();
        _playwright?.Dispose();
        _playwright = null;
        _startLock.Dispose();
        _renderSlots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rendering a PDF in Chromium failed (attempt {Attempt}); the browser is restarted")]
    private static partial void LogRenderFailed(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a PDF rendering's browser context failed or took too long")]
    private static partial void LogContextCloseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page made ready for the next PDF could not be used")]
    private static partial void LogSparePageFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} page references differed from the printed pages after print {Print}; corrected and printed again")]
    private static partial void LogPageReferencesCorrected(ILogger logger, int count, int print);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rendering a PDF took longer than {Seconds} s and was abandoned")]
    private static partial void LogRenderTimedOut(ILogger logger, double seconds);
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
