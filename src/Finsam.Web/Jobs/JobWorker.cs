using System.Security.Claims;

namespace Finsam.Web.Jobs;

/// <summary>
/// Runs the queued jobs one at a time (one writer: SQLite takes one at a time anyway), each in a DI scope of its own, so a
/// job goes on when the user leaves the page or the request ends. The job runs as the user who started it: its scope
/// sees an HTTP context carrying that user (nothing else of the request), so the audit log and "inläst av" name them as
/// when the work ran inside the request. An exception fails the job with a Swedish reason; the imports write in one
/// transaction, so a failed job has changed nothing. When the app stops, a running job is cancelled (and rolled back).
/// </summary>
public sealed partial class JobWorker(JobStore store, IServiceScopeFactory scopes, IJobGate gate, IHttpContextAccessor http, ILogger<JobWorker> log) : BackgroundService
{
    public const string Unexpected = "Ett oväntat fel inträffade, så jobbet avbröts. Ingenting ändrades av det. Försök igen, och kontakta förbundets administratör om felet kvarstår.";

    public const string Stopped = "Jobbet avbröts när tjänsten stängdes av. Ingenting ändrades av det; starta det igen.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var queued in store.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(queued, stoppingToken);
        }
    }

    private async Task RunAsync(JobStore.Queued queued, CancellationToken stoppingToken)
    {
        JobOutcome outcome;
        try
        {
            var job = store.Started(queued.Id);
            await gate.WaitAsync(job, stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            http.HttpContext = new DefaultHttpContext { User = queued.User, RequestServices = scope.ServiceProvider };
            var progress = new StoreProgress(store, job.Id);
            var input = store.InputPath(job.Id);
            outcome = await queued.Work(new JobContext(job, scope.ServiceProvider, File.Exists(input) ? input : null, progress), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            outcome = JobOutcome.Refused(Stopped);
        }
        catch (Exception ex)
        {
            LogFailed(log, queued.Id, ex);
            outcome = JobOutcome.Refused(Unexpected);
        }
        finally
        {
            http.HttpContext = null;
        }

        try
        {
            await store.FinishAsync(queued.Id, outcome);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The data folder could not be written (full, or its rights changed): the job is failed in memory, and the worker goes on.
            LogFailed(log, queued.Id, ex);
            store.FailInMemory(queued.Id, Unexpected);
        }
    }

    /// <summary>Progress straight into the store (not <see cref="Progress{T}"/>, which posts to a synchronisation context).</summary>
    private sealed class StoreProgress(JobStore store, Guid id) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => store.Progress(id, value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Guid jobId, Exception exception);
}

/// <summary>Who may see a job and collect its result: the user who started it, and the förbundschef.</summary>
public static class JobAccess
{
    public static bool MaySee(ClaimsPrincipal user, Job job)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(job);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) == job.OwnerId || user.IsInRole(Finsam.Data.Identity.Roles.Director);
    }
}
