using Finsam.Data;
using Finsam.Domain.Reports;
using Finsam.Reporting.AnnualReport;
using Finsam.Web.Features.AnnualReport;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>The förbundschef writes a section's text in Markdown; every save is a new version, and older versions can be read.</summary>
public class TextModel(AnnualReportService reports, FinsamDbContext db, ReportWritingHandler texts) : PageModel
{
    public int Year { get; private set; }

    public ReportSectionKind Kind { get; private set; }

    public string SectionTitle { get; private set; } = "";

    [BindProperty]
    public string? Markdown { get; set; }

    /// <summary>The text as it will appear in the report (sanitised HTML).</summary>
    public string? PreviewHtml { get; private set; }

    public IReadOnlyList<ReportText> Versions { get; private set; } = [];

    /// <summary>The version shown when an older one is asked for.</summary>
    public ReportText? Shown { get; private set; }

    public bool Adopted { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, ReportSectionKind kind, int? version, bool sparad, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, kind, cancellationToken))
        {
            return NotFound();
        }

        Shown = version is { } v ? Versions.FirstOrDefault(x => x.Version == v) : Versions.Count > 0 ? Versions[0] : null;
        Markdown = Shown?.Markdown ?? AnnualReportService.DefaultText(kind, year);
        PreviewHtml = ReportMarkdown.ToSafeHtml(Markdown);
        Saved = sparad;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, ReportSectionKind kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, kind, cancellationToken))
        {
            return NotFound();
        }

        var text = (Markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        if (ModelState.IsValid)
        {
            (await texts.SaveTextAsync(year, kind, text, User.Identity?.Name, cancellationToken)).Errors.AddTo(ModelState, prefix: "");
        }

        if (!ModelState.IsValid)
        {
            PreviewHtml = ReportMarkdown.ToSafeHtml(Markdown);
            return Page();
        }

        return RedirectToPage(new { year, kind, sparad = true });
    }

    private async Task<bool> LoadAsync(int year, ReportSectionKind kind, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(kind) || !YearFilter.InRange(year))
        {
            return false;
        }

        Year = year;
        Kind = kind;
        SectionTitle = (await reports.SectionSettingsAsync(cancellationToken)).Single(s => s.Kind == kind).Title;
        Versions = await db.ReportTexts.AsNoTracking().Where(t => t.Year == year && t.Kind == kind).OrderByDescending(t => t.Version).ToListAsync(cancellationToken);
        Adopted = await db.ReportArchives.AnyAsync(a => a.Year == year && a.ReopenedAtUtc == null, cancellationToken);
        return true;
    }
}
