using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Finsam.Reporting.Pdf;

/// <summary>
/// Starts Chromium and readies a page in the background when the application starts
/// (<see cref="ChromiumOptions.StartAtLaunch"/>), so that the first PDF does not wait for the browser. Start-up does not
/// wait for it, and a missing or failing Chromium is only logged: the renderer tries again, and reports, on first use.
/// </summary>
public sealed partial class ChromiumWarmUp(ChromiumPdfRenderer renderer, IOptions<ChromiumOptions> options, ILogger<ChromiumWarmUp> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _warmUp = Task.CompletedTask;

    /// <summary>The background start, for tests; completes when Chromium has started or failed to.</summary>
    public Task Running => _warmUp;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.StartAtLaunch)
        {
            _warmUp = Task.Run(WarmUpAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task WarmUpAsync()
    {
        try
        {
            await renderer.WarmUpAsync(_stopping.Token);
            LogStarted(logger);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not fatal: the app runs without PDF, and the renderer reports the reason when a PDF is asked for.
            LogFailed(logger, ex.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The host disposed its services before stopping them (seen when a test's app is disposed): nothing runs.
            return;
        }

        await _warmUp.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Chromium started in the background for PDF rendering")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium could not be started in the background: {Reason}. PDF rendering will try again when asked")]
    private static partial void LogFailed(ILogger logger, string reason);
}
