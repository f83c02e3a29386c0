using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Finsam.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Finsam.Web.Jobs;

/// <summary>
/// The jobs of the last <see cref="JobOptions.KeptFor"/> and the queue the <see cref="JobWorker"/> takes them from. Each job
/// has a folder in the data folder (<c>jobs/{id}</c>, private like the database): <c>job.json</c> (its state, written at
/// each change of state, with the result report), the uploaded file while it waits (<c>input</c>) and a result file (the
/// PDF). The queue itself is in memory, so a restart cannot resume a job: at start every job the file says was queued or
/// running is marked failed ("avbröts när tjänsten startades om"; the imports change nothing unless they finish), and
/// finished jobs older than <see cref="JobOptions.KeptFor"/> are removed.
/// </summary>
public sealed partial class JobStore
{
    public const string FolderName = "jobs";

    public const string Interrupted = "Jobbet avbröts när tjänsten startades om. Ingenting ändrades av det; starta det igen.";

    public const string QueueFull = "Många jobb väntar redan på sin tur. Försök igen om en stund.";

    internal static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>A job waiting for the worker, with its work and the user it runs as.</summary>
    internal sealed record Queued(Guid Id, ClaimsPrincipal User, Func<JobContext, CancellationToken, Task<JobOutcome>> Work);

    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<Job>> _finished = new();
    private readonly Channel<Queued> _queue;
    private readonly TimeProvider _clock;
    private readonly JobOptions _options;
    private readonly ILogger<JobStore> _log;

    public JobStore(StorageLocation storage, TimeProvider clock, IOptions<JobOptions> options, ILogger<JobStore> log)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _options = options.Value;
        _log = log;
        Folder = Path.Combine(storage.DataDirectory, FolderName);
        _queue = Channel.CreateBounded<Queued>(new BoundedChannelOptions(Math.Max(1, _options.QueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        PrivateFiles.Folder(Folder);
        Load();
    }

    /// <summary>The folder of all jobs.</summary>
    public string Folder { get; }

    public JobOptions Options => _options;

    internal ChannelReader<Queued> Reader => _queue.Reader;

    /// <summary>
    /// Queues a job for <paramref name="user"/> with its input file (copied into the job's folder); null when the queue is
    /// full (<see cref="QueueFull"/>).
    /// </summary>
    public async Task<Job?> SubmitAsync(
        string kind, string title, ClaimsPrincipal user, Stream? input, Func<JobContext, CancellationToken, Task<JobOutcome>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(work);
        RemoveExpired();
        var owner = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A job needs a signed-in user.");
        var job = new Job(Guid.NewGuid(), kind, title, owner, user.Identity?.Name, Now, JobState.Queued, new JobProgress(0, 0, "Väntar på sin tur"));
        PrivateFiles.Folder(FolderOf(job.Id));
        if (input is not null)
        {
            var path = InputPath(job.Id);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                await input.CopyToAsync(file, cancellationToken);
            }

            PrivateFiles.Files(path);
        }

        Save(job);
        _jobs[job.Id] = job;
        _finished[job.Id] = new TaskCompletionSource<Job>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Queued(job.Id, user, work)))
        {
            Forget(job.Id);
            return null;
        }

        return job;
    }

    /// <summary>The job, or null when there is none (or it has been removed).</summary>
    public Job? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>The jobs of a user, newest first; every job when <paramref name="ownerId"/> is null.</summary>
    public IReadOnlyList<Job> List(string? ownerId)
    {
        RemoveExpired();
        return _jobs.Values.Where(j => ownerId is null || j.OwnerId == ownerId).OrderByDescending(j => j.CreatedAtUtc).ToList();
    }

    /// <summary>Completes when the job has finished (at once when it has, or when it is unknown).</summary>
    public Task<Job?> WhenFinishedAsync(Guid id) =>
        _finished.TryGetValue(id, out var done) ? done.Task.ContinueWith(t => (Job?)t.Result, TaskScheduler.Default) : Task.FromResult(Find(id));

    /// <summary>The job's result file (the PDF), or null.</summary>
    public string? ResultPath(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var path = Path.Combine(FolderOf(job.Id), "result");
        return job.ResultFileName is not null && File.Exists(path) ? path : null;
    }

    internal string InputPath(Guid id) => Path.Combine(FolderOf(id), "input");

    internal void Progress(Guid id, JobProgress progress)
    {
        if (_jobs.TryGetValue(id, out var job) && job.State == JobState.Running)
        {
            _jobs.TryUpdate(id, job with { Progress = progress }, job);
        }
    }

    internal Job Started(Guid id)
    {
        var job = _jobs[id] with { State = JobState.Running, StartedAtUtc = Now, Progress = new JobProgress(0, 0, "Startar") };
        Save(job);
        _jobs[id] = job;
        return job;
    }

    internal async Task<Job> FinishAsync(Guid id, JobOutcome outcome)
    {
        var job = _jobs[id];
        if (outcome.File is { } file)
        {
            var path = Path.Combine(FolderOf(id), "result");
            await File.WriteAllBytesAsync(path, file);
            PrivateFiles.Files(path);
        }

        job = job with
        {
            State = outcome.Succeeded ? JobState.Succeeded : JobState.Failed,
            FinishedAtUtc = Now,
            Failure = outcome.Succeeded ? null : outcome.Failure ?? "Jobbet misslyckades.",
            Result = outcome.Result,
            StoredResult = Serialise(outcome.Result),
            ResultFileName = outcome.File is null ? null : outcome.FileName,
            ResultContentType = outcome.File is null ? null : outcome.ContentType,
            Note = outcome.Note,
            Progress = job.Progress with { Done = job.Progress.Total, Step = outcome.Succeeded ? "Klart" : "Avbrutet" },
        };
        Save(job);
        _jobs[id] = job;
        File.Delete(InputPath(id));
        if (_finished.TryRemove(id, out var done))
        {
            done.TrySetResult(job);
        }

        return job;
    }

    /// <summary>Fails a job without writing it (when the data folder cannot be written): it is shown until the app stops.</summary>
    internal void FailInMemory(Guid id, string reason)
    {
        if (_jobs.TryGetValue(id, out var job))
        {
            job = job with { State = JobState.Failed, FinishedAtUtc = Now, Failure = reason, Progress = job.Progress with { Step = "Avbrutet" } };
            _jobs[id] = job;
            if (_finished.TryRemove(id, out var done))
            {
                done.TrySetResult(job);
            }
        }
    }

    private JsonElement? Serialise(object? result)
    {
        if (result is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.SerializeToElement(result, result.GetType(), Json);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            // Kept in memory only: after a restart the page says the report is no longer there.
            LogNotStored(_log, result.GetType().Name, ex);
            return null;
        }
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private string FolderOf(Guid id) => Path.Combine(Folder, id.ToString("N"));

    private void Save(Job job)
    {
        var path = Path.Combine(FolderOf(job.Id), "job.json");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(job, Json));
        PrivateFiles.Files(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private void Forget(Guid id)
    {
        _jobs.TryRemove(id, out _);
        _finished.TryRemove(id, out _);
        try
        {
            Directory.Delete(FolderOf(id), recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Reads the jobs kept on disk at start: the unfinished ones failed, the expired ones removed.</summary>
    private void Load()
    {
        foreach (var folder in Directory.EnumerateDirectories(Folder))
        {
            var path = Path.Combine(folder, "job.json");
            Job? job = null;
            try
            {
                job = File.Exists(path) ? JsonSerializer.Deserialize<Job>(File.ReadAllText(path), Json) : null;
            }
            catch (JsonException ex)
            {
                LogUnreadable(_log, path, ex);
            }

            if (job is null)
            {
                Directory.Delete(folder, recursive: true);
                continue;
            }

            if (!job.IsFinished)
            {
                job = job with { State = JobState.Failed, FinishedAtUtc = Now, Failure = Interrupted, Progress = job.Progress with { Step = "Avbrutet" } };
                Save(job);
                File.Delete(InputPath(job.Id));
            }

            _jobs[job.Id] = job;
        }

        RemoveExpired();
    }

    private void RemoveExpired()
    {
        var oldest = Now - _options.KeptFor;
        foreach (var job in _jobs.Values.Where(j => j.IsFinished && j.FinishedAtUtc < oldest))
        {
            Forget(job.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A job's result of type {Type} could not be stored; it is kept in memory only")]
    private static partial void LogNotStored(ILogger logger, string type, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job file {Path} could not be read; the job is removed")]
    private static partial void LogUnreadable(ILogger logger, string path, Exception exception);
}
