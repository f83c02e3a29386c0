using System.Security.Claims;
using Finsam.Web.Jobs;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>
/// Makes the annual report's PDF as a background job ("Skapa PDF"): the same file as the direct download
/// (<see cref="AnnualReportService.DownloadAsync"/>: the archived PDF of an adopted year, otherwise a draft rendered now, through
/// the draft cache), kept in the job's folder for the user to collect. Whether a draft whose checks fail may be made is
/// decided when the job is asked for (<paramref name="mayDraft"/> in <see cref="SubmitAsync"/>), by the same rule as the download.
/// </summary>
public sealed class ReportPdfJobs(JobStore jobs)
{
    public const string Refused = "Årsredovisningen skapas inte eftersom kontroller inte stämmer. Rätta bokföringen och läs in den igen"
        + " (förbundschefen kan skapa ett utkast ändå).";

    /// <param name="mayDraft">The user asked for a draft and may make one whose checks fail (the förbundschef).</param>
    public Task<Job?> SubmitAsync(int year, bool mayDraft, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        jobs.SubmitAsync(JobKinds.ReportPdf, $"{JobKinds.SwedishName(JobKinds.ReportPdf)} {year}", user, null,
            (context, token) => RunAsync(context, year, mayDraft, token), cancellationToken);

    private static async Task<JobOutcome> RunAsync(JobContext context, int year, bool mayDraft, CancellationToken cancellationToken)
    {
        context.Progress.Report(new JobProgress(0, 2, "Räknar fram årsredovisningen och skapar PDF-filen"));
        var reports = context.Services.GetRequiredService<AnnualReportService>();
        var download = await reports.DownloadAsync(year, ReportFile.Pdf,
            status => Task.FromResult(status.Adopted || status.ChecksPass || mayDraft), cancellationToken);
        if (!download.Status.HasLedger)
        {
            return JobOutcome.Refused($"Verksamhetsåret {year} har ingen inläst bokföring, så det finns ingen årsredovisning att skapa.");
        }

        if (download.File is not { } file)
        {
            return JobOutcome.Refused(Refused);
        }

        context.Progress.Report(new JobProgress(2, 2, "Klart"));
        return JobOutcome.Done(null) with { File = file.Content, FileName = file.FileName, ContentType = AnnualReportService.ContentType(ReportFile.Pdf), Note = "PDF-filen finns att hämta" };
    }
}
