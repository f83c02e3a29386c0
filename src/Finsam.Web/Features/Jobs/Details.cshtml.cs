using Finsam.Domain.Auditing;
using Finsam.Web.Auditing;
using Finsam.Web.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Jobs;

/// <summary>
/// One job: its progress while it runs (the page refreshes itself without JavaScript; with it, it asks <c>?handler=Status</c>),
/// then its result: the import's report, or the PDF to collect (<c>?handler=Download</c>). Only the user who started the job
/// and the förbundschef see it; anyone else gets 404, as for a job that does not exist.
/// </summary>
public class DetailsModel(JobStore jobs, AuditLog audit, TimeProvider clock) : PageModel
{
    public Job Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Visible(id) is not { } job)
        {
            return NotFound();
        }

        if (!job.IsFinished)
        {
            // A small job is done in a moment: wait for it a little, so its page shows the result at once.
            try
            {
                await jobs.WhenFinishedAsync(id).WaitAsync(jobs.Options.ShowResultWithin, clock, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }

        Job = jobs.Find(id) ?? job;
        if (Job.IsFinished && Job.Kind == JobKinds.EnrolmentImport)
        {
            // The import's report names participants' numbers and what the file said about them: person-level data.
            await audit.RecordReadAsync(AuditAction.View, "EnrolmentImportJob", id.ToString("N"), "importens resultat visat", cancellationToken);
        }

        return Page();
    }

    /// <summary>A job's state in the user's words, as the page and its script show it.</summary>
    public static string StateText(JobState state) => state switch
    {
        JobState.Queued => "Väntar",
        JobState.Running => "Pågår",
        JobState.Succeeded => "Klart",
        _ => "Misslyckades",
    };

    /// <summary>The job's state as JSON, for the page's script.</summary>
    public IActionResult OnGetStatus(Guid id) => Visible(id) is not { } job ? NotFound() : new JsonResult(new
    {
        state = job.State.ToString(),
        stateText = StateText(job.State),
        finished = job.IsFinished,
        done = job.Progress.Done,
        total = job.Progress.Total,
        percent = job.Progress.Percent,
        text = StatusText(job),
    });

    /// <summary>The job's result file (the PDF).</summary>
    public IActionResult OnGetDownload(Guid id) =>
        Visible(id) is { State: JobState.Succeeded } job && jobs.ResultPath(job) is { } path
            ? PhysicalFile(path, job.ResultContentType ?? "application/octet-stream", job.ResultFileName)
            : NotFound();

    /// <summary>The state in words, as the page and its script show it.</summary>
    public static string StatusText(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.State switch
        {
            JobState.Queued => "Väntar på sin tur.",
            JobState.Running when job.Progress.Percent is { } percent => $"{job.Progress.Step}: {percent} % klart.",
            JobState.Running => $"{job.Progress.Step}.",
            JobState.Succeeded => "Klart.",
            _ => "Misslyckades.",
        };
    }

    private Job? Visible(Guid id) => jobs.Find(id) is { } job && JobAccess.MaySee(User, job) ? job : null;
}
