using System.Security.Claims;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Web.Auditing;
using Finsam.Web.Jobs;

namespace Finsam.Web.Features.Participants;

/// <summary>
/// Starts the enrolment import as a background job (<see cref="JobStore"/>): the file is kept in the job's folder, the
/// start is audited, and the worker runs <see cref="EnrolmentImporter"/> in its own scope as the user who started it,
/// so the import goes on if the user leaves the page. The import itself is unchanged: all or nothing, in one transaction.
/// </summary>
public sealed class EnrolmentImportJobs(JobStore jobs, AuditLog audit)
{
    public const string Refused = "Filen har fel, så ingenting importerades. Felen står nedan med rad och kolumn.";

    /// <summary>Queues the import of the uploaded file; null when the queue is full (<see cref="JobStore.QueueFull"/>).</summary>
    public async Task<Job?> SubmitAsync(Stream file, string fileName, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName);
        var job = await jobs.SubmitAsync(JobKinds.EnrolmentImport, $"{JobKinds.SwedishName(JobKinds.EnrolmentImport)}: {name}", user, file,
            (context, token) => RunAsync(context, name, token), cancellationToken);
        if (job is not null)
        {
            // Through the audit writer: the post answers even while another import holds the database's write lock.
            await audit.RecordReadAsync(AuditAction.Create, "EnrolmentImportJob", job.Id.ToString("N"), $"{name}: importen startad som jobb", cancellationToken);
        }

        return job;
    }

    private static async Task<JobOutcome> RunAsync(JobContext context, string fileName, CancellationToken cancellationToken)
    {
        var importer = context.Services.GetRequiredService<EnrolmentImporter>();
        await using var file = File.OpenRead(context.InputPath!);
        var outcome = await importer.ImportAsync(file, fileName, context.Progress, cancellationToken);
        return outcome.Succeeded
            ? JobOutcome.Done(outcome) with { Note = $"{SwedishFormat.Number(outcome.Rows)} rader, {SwedishFormat.Number(outcome.Created)} nya, {SwedishFormat.Number(outcome.Updated)} ändrade" }
            : JobOutcome.Refused(Refused, outcome) with { Note = $"{SwedishFormat.Number(outcome.Errors.Count)} fel i filen" };
    }
}
