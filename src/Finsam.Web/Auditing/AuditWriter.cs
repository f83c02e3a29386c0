using System.Threading.Channels;
using Finsam.Data;
using System.Text.Json;
using Finsam.Domain.Auditing;
using Finsam.Web.Hosting;
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
/// until it is written: an entry is never dropped. Before the pages waiting for a failed try answer, the queue is
/// written to <see cref="SpoolFileName"/> in the data folder (0600, flushed to disk), so a crash while a writer holds the
/// lock loses nothing: the next start writes the spooled entries first. The file is removed once they are in the
/// database (a crash between the two may write an entry twice, never lose it). When the app stops, the queue is
/// drained before the host lets go (within its shutdown timeout); what is still unwritten stays in the spool.
/// </remarks>
public sealed partial class AuditWriter(IServiceScopeFactory scopes, TimeProvider clock, StorageLocation storage, ILogger<AuditWriter> log) : BackgroundService
{
    /// <summary>How long one try waits for SQLite's write lock.</summary>
    public const int BusyTimeoutSeconds = 1;

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>The queued entries while the database is busy, one JSON object a line.</summary>
    public const string SpoolFileName = "audit-queue.jsonl";

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource<bool> FirstTry);

    private static readonly JsonSerializerOptions SpoolJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private sealed record Spooled(DateTime AtUtc, string? UserId, string? UserName, AuditAction Action, string EntityType, string? EntityId, string? Details);

    /// <summary>Where the queue is kept on disk while the database is busy.</summary>
    public string SpoolPath => Path.Combine(storage.DataDirectory, SpoolFileName);

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

    private List<Pending> _spooled = [];

    /// <summary>Takes what a stopped app left in the spool before the pages open, so <see cref="WhenWrittenAsync"/> waits for it.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _spooled = ReadSpool();
        lock (_gate)
        {
            if (_spooled.Count > 0 && (_unwritten += _spooled.Count) == _spooled.Count)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        if (Unwritten > 0)
        {
            LogUnwritten(log, Unwritten, SpoolFileName);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = _spooled;
        var delay = FirstRetryDelay;
        while (batch.Count > 0 || await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (_queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (await TrySaveAsync(batch))
            {
                File.Delete(SpoolPath);
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

            // Written later: kept on disk first, then the pages that waited for this try answer.
            try
            {
                WriteSpool(batch);
            }
            catch (IOException e)
            {
                LogSpoolFailed(log, e, batch.Count);   // still queued in memory and retried
            }

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

    private void WriteSpool(List<Pending> batch)
    {
        var temporary = SpoolPath + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            PrivateFiles.Files(temporary);
            using var writer = new StreamWriter(file);
            foreach (var e in batch.Select(p => p.Entry))
            {
                writer.WriteLine(JsonSerializer.Serialize(new Spooled(e.AtUtc, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.Details), SpoolJson));
            }

            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, SpoolPath, overwrite: true);
    }

    private List<Pending> ReadSpool()
    {
        if (!File.Exists(SpoolPath))
        {
            return [];
        }

        List<Spooled> spooled;
        try
        {
            spooled = File.ReadAllLines(SpoolPath).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Spooled>(l, SpoolJson)!).ToList();
        }
        catch (JsonException e)
        {
            // Kept aside for a person to read, never deleted; the app starts.
            var aside = SpoolPath + ".olasbar";
            File.Move(SpoolPath, aside, overwrite: false);
            LogSpoolUnreadable(log, e, aside);
            return [];
        }

        return spooled
            .Select(e => new Pending(
                new AuditEntry { AtUtc = e.AtUtc, UserId = e.UserId, UserName = e.UserName, Action = e.Action, EntityType = e.EntityType, EntityId = e.EntityId, Details = e.Details },
                new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)))
            .ToList();
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

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit entries could not be written before the app stopped; they are kept in {Spool} and written at the next start")]
    private static partial void LogUnwritten(ILogger logger, int count, string spool);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit queue file could not be read; it is kept as {Path}")]
    private static partial void LogSpoolUnreadable(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} queued audit entries could not be kept on disk")]
    private static partial void LogSpoolFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit entries are queued: the database is busy")]
    private static partial void LogQueued(ILogger logger, Exception exception, int count);
}
