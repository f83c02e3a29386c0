using Finsam.Domain.Reports;
using Finsam.Web.Authorization;
using Finsam.Web.Features.AnnualReport;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>
/// A year's annual report: its status and checks, preview, PDF and Excel downloads; for the förbundschef also the
/// texts, sections, signatories and the adoption. Generation is refused while a check fails, unless the
/// förbundschef explicitly asks for a draft.
/// </summary>
public class IndexModel(AnnualReportService reports, ReportPdfJobs pdfJobs, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    public YearFilter? Years { get; private set; }

    public AnnualReportService.Availability? Status { get; private set; }

    public IReadOnlyList<ReportSectionSetting> Sections { get; private set; } = [];

    public bool IsAuthor { get; private set; }

    /// <summary>
    /// Whether the page offers the report's tables as JSON (for BI tools): only to the kansli and the förbundschef, who feed
    /// other systems; the board and the auditors read the PDF and the workbook (docs/goals.md, the board's dashboard).
    /// </summary>
    public bool OffersJson { get; private set; }

    /// <summary>For the author: the newest version of each section's own text.</summary>
    public IReadOnlyDictionary<ReportSectionKind, AnnualReportService.TextVersion> Texts { get; private set; } =
        new Dictionary<ReportSectionKind, AnnualReportService.TextVersion>();

    /// <summary>For the author: what the report still lacks before the board adopts it (texts, signatories).</summary>
    public IReadOnlyList<string> Missing { get; private set; } = [];

    public string? Refusal { get; private set; }

    /// <summary>Every adoption of the year (newest first), each with its decision, minute and the files' SHA-256.</summary>
    public IReadOnlyList<AnnualReportService.ArchivedVersion> Archives { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnGetPdfAsync(int ar, bool utkast, int? version, CancellationToken cancellationToken) =>
        DownloadAsync(ar, utkast, version, ReportFile.Pdf, cancellationToken);

    public Task<IActionResult> OnGetExcelAsync(int ar, bool utkast, int? version, CancellationToken cancellationToken) =>
        DownloadAsync(ar, utkast, version, ReportFile.Workbook, cancellationToken);

    /// <summary>"Skapa PDF": the same PDF as the download, made by a background job; the job's page shows its progress and the file.</summary>
    public async Task<IActionResult> OnPostPdfAsync(int ar, bool utkast, CancellationToken cancellationToken)
    {
        var status = await reports.AvailabilityAsync(ar, cancellationToken);
        if (!status.HasLedger)
        {
            return NotFound();
        }

        var mayDraft = utkast && (await authorization.AuthorizeAsync(User, Policies.ReportAuthor)).Succeeded;
        if ((status.Adopted || status.ChecksPass || mayDraft) && await pdfJobs.SubmitAsync(ar, mayDraft, User, cancellationToken) is { } job)
        {
            return RedirectToPage("/Jobs/Details", new { id = job.Id });
        }

        RequestedYear = ar;
        Status = status;
        Refusal = status.Adopted || status.ChecksPass || mayDraft ? Finsam.Web.Jobs.JobStore.QueueFull : ReportPdfJobs.Refused;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> DownloadAsync(int year, bool draft, int? version, ReportFile kind, CancellationToken cancellationToken)
    {
        // An adopted year's archived files are always available; a draft only when the checks pass, or when the author insists.
        var download = await reports.DownloadAsync(year, kind,
            async status => status.Adopted || status.ChecksPass || (draft && (await authorization.AuthorizeAsync(User, Policies.ReportAuthor)).Succeeded),
            cancellationToken, version);
        if (!download.Status.HasLedger)
        {
            return NotFound();
        }

        if (download.File is not { } file)
        {
            RequestedYear = year;
            Status = download.Status;
            Refusal = ReportPdfJobs.Refused;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return File(file.Content, AnnualReportService.ContentType(kind), file.FileName);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        IsAuthor = (await authorization.AuthorizeAsync(User, Policies.ReportAuthor)).Succeeded;
        OffersJson = User.IsInRole(Finsam.Data.Identity.Roles.Kansli) || User.IsInRole(Finsam.Data.Identity.Roles.Director);
        var years = await reports.YearsAsync(cancellationToken);
        if (years.Count == 0)
        {
            return;
        }

        Years = YearFilter.Choose(RequestedYear, years);
        Status ??= await reports.AvailabilityAsync(Years.Year, cancellationToken);
        Sections = await reports.SectionSettingsAsync(cancellationToken);
        if (IsAuthor && !Status.Adopted)
        {
            Texts = await reports.TextVersionsAsync(Years.Year, cancellationToken);
            Missing = await reports.MissingAsync(Years.Year, Sections, cancellationToken);
        }

        Archives = await reports.ArchivesAsync(Years.Year, cancellationToken);
    }
}
