using System.Threading.Channels;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Auditing;

/// <summary>
/// Writes the audit entries of reads (<see cref="AuditLog.RecordReadAsync"/>) on its own connection, so that a page
/// that shows participant data never fails or waits long because a writer (a long import) holds SQLite's write lock.
/// </summary>
/// <remarks>
/// Each entry is tried at once, and the page waits for that first try only; SQLite gives up on a held lock after
/// <see cref="BusyTimeoutSeconds"/>. An entry that could not be written stays queued, in order, and is retried (after
/// <see cref="FirstRetryDelay"/>, doubling up to <see cref="MaxRetryDelay"/>, on the app's <see cref="TimeProvider"/>)
/// until it is written: an entry is never dropped. When the app stops, the queue is drained before the host lets go
/// (within its shutdown timeout); what is still unwritten then is logged as an error with its count.
/// </remarks>
public sealed partial class AuditWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditWriter> log) : BackgroundService
{
    /// <summary>How long one try waits for SQLite's write lock.</summary>
    public const int BusyTimeoutSeconds = 1;

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource<bool> FirstTry);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private int _unwritten;
    private TaskCompletionSource _idle = Completed();

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    /// <summary>Entries queued and not yet written.</summary>
    public int Unwritten => Volatile.Read(ref _unwritten);

    /// <summary>Queues an entry; completes after its first try: true when written, false when queued for a retry.</summary>
    public Task<bool> WriteAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new Pending(entry, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            if (_unwritten++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit writer has stopped.");
        }

        return pending.FirstTry.Task;
    }

    /// <summary>Completes when every queued entry is written (at once when none is queued).</summary>
    public Task WhenWrittenAsync()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        if (Unwritten > 0)
        {
            LogUnwritten(log, Unwritten);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        var delay = FirstRetryDelay;
        while (batch.Count > 0 || await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (_queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (await TrySaveAsync(batch))
            {
                Settle(batch, written: true);
                lock (_gate)
                {
                    _unwritten -= batch.Count;
                    if (_unwritten == 0)
                    {
                        _idle.TrySetResult();
                    }
                }

                batch.Clear();
                delay = FirstRetryDelay;
                continue;
            }

            // Written later: the pages that waited for this try answer now.
            Settle(batch, written: false);
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping: keep trying without waiting until the host's shutdown timeout ends the drain.
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private static void Settle(List<Pending> batch, bool written)
    {
        foreach (var pending in batch)
        {
            pending.FirstTry.TrySetResult(written);
        }
    }

    private async Task<bool> TrySaveAsync(List<Pending> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FinsamDbContext>();
            if (db.Database.IsSqlite())
            {
                db.Database.SetCommandTimeout(BusyTimeoutSeconds);
            }

            // Fresh copies: a failed try leaves its context's entities behind with the scope.
            db.AuditEntries.AddRange(batch.Select(p => new AuditEntry
            {
                AtUtc = p.Entry.AtUtc,
                UserId = p.Entry.UserId,
                UserName = p.Entry.UserName,
                Action = p.Entry.Action,
                EntityType = p.Entry.EntityType,
                EntityId = p.Entry.EntityId,
                Details = p.Entry.Details,
            }));
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            LogQueued(log, e, batch.Count);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit entries could not be written before the app stopped")]
    private static partial void LogUnwritten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit entries are queued: the database is busy")]
    private static partial void LogQueued(ILogger logger, Exception exception, int count);
}
