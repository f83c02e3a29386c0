using System.Text.Json;
using System.Text.Json.Serialization;

namespace Finsam.Web.Jobs;

/// <summary>Where a job is: waiting in the queue, running, or finished one way or the other.</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// How far a job has come: <paramref name="Done"/> of <paramref name="Total"/> (0 when the total is not known) and the
/// step it is on, in Swedish ("Kontrollerar rader").
/// </summary>
public readonly record struct JobProgress(int Done, int Total, string Step)
{
    /// <summary>Whole percent done, or null while the total is not known.</summary>
    [JsonIgnore]
    public int? Percent => Total > 0 ? (int)Math.Clamp(Done * 100L / Total, 0, 100) : null;
}

/// <summary>The kinds of job and their Swedish names.</summary>
public static class JobKinds
{
    public const string EnrolmentImport = "EnrolmentImport";

    public const string LedgerImport = "LedgerImport";

    public const string ReportPdf = "ReportPdf";

    public static string SwedishName(string kind) => kind switch
    {
        EnrolmentImport => "Import av deltaganden",
        LedgerImport => "Inläsning av SIE-fil",
        ReportPdf => "Årsredovisning som PDF",
        _ => "Jobb",
    };
}

/// <summary>
/// One piece of long work run by the <see cref="JobWorker"/>: who asked for it, where it is, and what came of it. A job is
/// immutable: the store replaces it with a changed copy, so a page always reads one consistent state.
/// </summary>
/// <param name="Title">What the user asked for, in Swedish, e.g. "Import av deltaganden: deltagare.csv".</param>
/// <param name="Failure">Why it failed, in Swedish, for the user; null unless <see cref="JobState.Failed"/>.</param>
/// <param name="ResultFileName">The name a result file is downloaded as (the PDF); null when the job gives no file.</param>
public sealed record Job(
    Guid Id,
    string Kind,
    string Title,
    string OwnerId,
    string? OwnerName,
    DateTime CreatedAtUtc,
    JobState State,
    JobProgress Progress)
{
    public DateTime? StartedAtUtc { get; init; }

    public DateTime? FinishedAtUtc { get; init; }

    public string? Failure { get; init; }

    public string? ResultFileName { get; init; }

    public string? ResultContentType { get; init; }

    /// <summary>What came of it in a few Swedish words, for the job lists ("2 rader importerade", "väntar på din bekräftelse").</summary>
    public string? Note { get; init; }

    /// <summary>The result as the job gave it (in memory), or as read back from disk after a restart (a <see cref="JsonElement"/>).</summary>
    [JsonIgnore]
    public object? Result { get; init; }

    /// <summary>The result as stored on disk.</summary>
    public JsonElement? StoredResult { get; init; }

    [JsonIgnore]
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed;

    /// <summary>The result as <typeparamref name="T"/>, or null when there is none or it could not be read back.</summary>
    public T? ResultAs<T>()
        where T : class
    {
        if (Result is T result)
        {
            return result;
        }

        if (StoredResult is not { } stored)
        {
            return null;
        }

        try
        {
            return stored.Deserialize<T>(JobStore.Json);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>What a job's work gives back: its result to show, and a file to collect (the PDF), or why it failed.</summary>
public sealed record JobOutcome(bool Succeeded, object? Result, string? Failure = null)
{
    public byte[]? File { get; init; }

    public string? FileName { get; init; }

    public string? ContentType { get; init; }

    /// <summary>What came of it in a few Swedish words (<see cref="Job.Note"/>).</summary>
    public string? Note { get; init; }

    public static JobOutcome Done(object? result) => new(true, result);

    /// <summary>The work refused its input (nothing was changed); the reason is shown in Swedish, the result (the report) beside it.</summary>
    public static JobOutcome Refused(string reason, object? result = null) => new(false, result, reason);
}

/// <summary>What the work of a job gets: its scope's services, its input file, and where to report progress.</summary>
public sealed record JobContext(Job Job, IServiceProvider Services, string? InputPath, IProgress<JobProgress> Progress);

/// <summary>Configuration section "Jobs".</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Jobs that may wait in the queue; beyond that a new one is refused ("försök igen om en stund").</summary>
    public int QueueCapacity { get; set; } = 20;

    /// <summary>How long a finished job and its result are kept (on disk, in the data folder).</summary>
    public TimeSpan KeptFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long the job page waits for a running job to finish before it answers with its progress: a small import then
    /// shows its report at once. The tests' app waits longer, so a test that follows a job's page reads its result.
    /// </summary>
    public TimeSpan ShowResultWithin { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Held by the worker before it starts each job. In the app it never waits; a test registers its own to keep a job
/// queued (and so see the "running" state) for as long as the test wants, without depending on timing.
/// </summary>
public interface IJobGate
{
    Task WaitAsync(Job job, CancellationToken cancellationToken);
}

/// <summary>The app's gate: open.</summary>
public sealed class OpenJobGate : IJobGate
{
    public Task WaitAsync(Job job, CancellationToken cancellationToken) => Task.CompletedTask;
}
