using System.Globalization;
using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.Domain.Reports;
using Finsam.Reporting.AnnualReport;
using Finsam.Reporting.Pdf;
using Finsam.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>The two files of an annual report.</summary>
public enum ReportFile
{
    Pdf,
    Workbook,
}

/// <summary>
/// The annual report of a year: assembled from the förbund's section settings and texts and from figures computed
/// from the registrations and the ledger; generated as PDF and as the auditors' workbook; adopted and archived.
/// </summary>
public sealed class AnnualReportService(FinsamDbContext db, DraftPdfCache draftPdfs, AuditLog audit, TimeProvider clock, ReportContent content)
{
    /// <summary>What may be generated for a year, and why not.</summary>
    public sealed record Availability(bool HasLedger, bool Adopted, IReadOnlyList<ReportCheck> FailedChecks)
    {
        public bool ChecksPass => FailedChecks.Count == 0;
    }

    public sealed record Generated(byte[] Content, string FileName, string Sha256);

    /// <summary>The years that have a ledger, newest first.</summary>
    public Task<List<int>> YearsAsync(CancellationToken cancellationToken) =>
        db.FiscalYears.AsNoTracking().Where(y => db.LedgerImports.Any(i => i.FiscalYearId == y.Id)).OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(cancellationToken);

    /// <summary>
    /// The report of a year, or null when the year has no ledger: for an adopted year the model archived with the
    /// adoption (the figures the PDF printed, whatever has changed since), otherwise computed now, a draft.
    /// </summary>
    public async Task<AnnualReportModel?> BuildAsync(int year, CancellationToken cancellationToken) =>
        await ArchivedModelJsonAsync(year, cancellationToken) is { } archived ? ReportJson.Deserialize(archived)
        : await db.StatementsForYearAsync(year, cancellationToken) is { } statements ? await BuildAsync(year, statements, null, cancellationToken) : null;

    /// <summary>The adopted year's report model as archived (JSON), or null when the year is not adopted (or was adopted before models were archived).</summary>
    public Task<string?> ArchivedModelJsonAsync(int year, CancellationToken cancellationToken) =>
        db.ReportArchives.AsNoTracking().Where(a => a.Year == year && a.ReopenedAtUtc == null).Select(a => a.Model).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The report of a year. <paramref name="adoption"/> makes it the final report of that decision (the one being
    /// archived); without it the year's current adoption is used, and a year without one is a draft.
    /// </summary>
    internal async Task<AnnualReportModel> BuildAsync(int year, StatementQuery.YearStatements statements, ReportAdoption? adoption, CancellationToken cancellationToken)
    {
        var federation = await db.Federations.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        adoption ??= await db.ReportArchives.AsNoTracking().Where(a => a.Year == year && a.ReopenedAtUtc == null)
            .Select(a => new ReportAdoption(a.AdoptedOn, a.DecisionMinute, a.Version)).SingleOrDefaultAsync(cancellationToken);
        var settings = await SectionSettingsAsync(cancellationToken);
        var texts = await LatestTextsAsync(year, cancellationToken);
        var sections = new List<ReportSection>();
        var included = settings.Where(s => s.Enabled).Select(s => s.Kind).ToHashSet();
        foreach (var setting in settings.Where(s => s.Enabled))
        {
            var own = texts.GetValueOrDefault(setting.Kind);
            var blocks = await content.BlocksAsync(setting.Kind, year, statements, included, cancellationToken);
            if (setting.Kind == ReportSectionKind.BoardDecision && adoption is not null)
            {
                // An adopted report states the decision (never the proposal) and dates the signatures with it.
                blocks = [new ParagraphBlock(adoption.Statement), .. blocks.Select(b => b is SignatureBlock s ? s with { PlaceAndDate = ReportContent.PlaceAndDate(federation?.Seat, adoption.DecidedOn) } : b)];
                sections.Add(new ReportSection(setting.Kind, setting.Title, string.IsNullOrWhiteSpace(own) ? null : ReportMarkdown.ToSafeHtml(own), blocks));
                continue;
            }

            var narrative = ReportMarkdown.ToSafeHtml(own ?? DefaultText(setting.Kind, year));
            sections.Add(new ReportSection(setting.Kind, setting.Title, narrative, blocks));
        }

        var checks = statements.Checks.Select(c => new ReportCheck(c.Name, c.Passed, c.Expected, c.Actual, c.Explanation)).ToList();
        var logo = federation is { Logo: { } bytes, LogoContentType: { } type } ? $"data:{type};base64,{Convert.ToBase64String(bytes)}" : null;
        return new AnnualReportModel(year, federation?.Name ?? "Samordningsförbundet", federation?.OrganisationNumber, adoption is null,
            clock.GetUtcNow().UtcDateTime, sections, checks, new CoverDetails(federation?.Seat, logo), adoption);
    }

    public async Task<Availability> AvailabilityAsync(int year, CancellationToken cancellationToken) =>
        StatusOf(await db.StatementsForYearAsync(year, cancellationToken), await db.ReportArchives.AsNoTracking().AnyAsync(a => a.Year == year && a.ReopenedAtUtc == null, cancellationToken));

    private static Availability StatusOf(StatementQuery.YearStatements? statements, bool adopted) =>
        new(statements is not null, adopted,
            statements?.Checks.Where(c => !c.Passed).Select(c => new ReportCheck(c.Name, c.Passed, c.Expected, c.Actual, c.Explanation)).ToList() ?? []);

    /// <summary>A download: the year's availability and, when there is one and it was allowed, the file.</summary>
    public sealed record Download(Availability Status, Generated? File);

    /// <summary>
    /// The report as PDF or as the auditors' workbook: the archived file for an adopted year (or the asked-for
    /// <paramref name="version"/> of the archive, also one that was reopened), otherwise generated now (a draft) when
    /// <paramref name="allowed"/> accepts the year's availability. The statements are computed once for both.
    /// </summary>
    public async Task<Download> DownloadAsync(int year, ReportFile kind, Func<Availability, Task<bool>> allowed, CancellationToken cancellationToken, int? version = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var statements = await db.StatementsForYearAsync(year, cancellationToken);
        var archive = await db.ReportArchives.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Year == year && (version == null ? a.ReopenedAtUtc == null : a.Version == version), cancellationToken);
        var current = archive is not null && archive.IsCurrent;
        var status = StatusOf(statements, current);
        if (version is not null)
        {
            // An archived version is served as it was archived, whatever the year's figures are now.
            return archive is null
                ? new Download(status with { HasLedger = false }, null)
                : new Download(status with { HasLedger = true }, Archived(archive, kind));
        }

        if (statements is null || !await allowed(status))
        {
            return new Download(status, null);
        }

        if (archive is not null)
        {
            return new Download(status, Archived(archive, kind));
        }

        var model = await BuildAsync(year, statements, null, cancellationToken);
        var (file, details) = kind == ReportFile.Pdf
            ? (await draftPdfs.RenderAsync(model, cancellationToken), "utkast som PDF" + (model.AllChecksPass ? "" : " trots kontroller som inte stämmer"))
            : (await WorkbookAsync(model, null, cancellationToken), "bilagor som Excel");
        audit.Add(AuditAction.Export, "AnnualReport", Key(year), details);
        await db.SaveChangesAsync(cancellationToken);
        return new Download(status, new Generated(file, FileName(year, Extension(kind), draft: true), ContentHash.Sha256(file)));
    }

    /// <summary>The auditors' workbook of a report: its tables, the year's saldobalans (which the statements are formulas over), its vouchers and the checks.</summary>
    internal async Task<byte[]> WorkbookAsync(AnnualReportModel model, string? pdfSha256, CancellationToken cancellationToken) =>
        AnnualReportWorkbook.Build(model, await db.TrialBalanceForYearAsync(model.Year, cancellationToken), pdfSha256,
            [await Economy.LedgerExport.VoucherSheetAsync(db, model.Year, cancellationToken)],
            await db.PreviousTrialBalanceForYearAsync(model.Year, cancellationToken));

    private static Generated Archived(ReportArchive archive, ReportFile kind)
    {
        var (bytes, sha256) = kind == ReportFile.Pdf ? (archive.Pdf, archive.PdfSha256) : (archive.Workbook, archive.WorkbookSha256);
        var name = $"arsredovisning-{Key(archive.Year)}{(archive.Version > 1 ? "-version-" + archive.Version.ToString(CultureInfo.InvariantCulture) : "")}.{Extension(kind)}";
        return new Generated(bytes, name, sha256);
    }

    /// <summary>An archived adoption as the report page lists it (without the files).</summary>
    public sealed record ArchivedVersion(int Version, DateOnly AdoptedOn, string Minute, string? AdoptedBy, string PdfSha256, string WorkbookSha256,
        DateTime? ReopenedAtUtc, string? ReopenedBy, string? ReopenReason);

    /// <summary>Every adoption of the year, newest first.</summary>
    public Task<List<ArchivedVersion>> ArchivesAsync(int year, CancellationToken cancellationToken) =>
        db.ReportArchives.AsNoTracking().Where(a => a.Year == year).OrderByDescending(a => a.Version)
            .Select(a => new ArchivedVersion(a.Version, a.AdoptedOn, a.DecisionMinute, a.AdoptedBy, a.PdfSha256, a.WorkbookSha256, a.ReopenedAtUtc, a.ReopenedBy, a.ReopenReason))
            .ToListAsync(cancellationToken);

    public static string ContentType(ReportFile kind) =>
        kind == ReportFile.Pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal static string Extension(ReportFile kind) => kind == ReportFile.Pdf ? "pdf" : "xlsx";

    /// <summary>The sections in the förbund's order (the defaults when none are stored).</summary>
    public async Task<List<ReportSectionSetting>> SectionSettingsAsync(CancellationToken cancellationToken)
    {
        var settings = await db.ReportSectionSettings.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var missing in ReportSectionSetting.Defaults.Where(d => settings.All(s => s.Kind != d.Kind)))
        {
            settings.Add(missing);
        }

        return settings.OrderBy(s => s.Order).ThenBy(s => s.Kind).ToList();
    }

    /// <summary>The newest text of each section of the year.</summary>
    public async Task<Dictionary<ReportSectionKind, string>> LatestTextsAsync(int year, CancellationToken cancellationToken) =>
        (await NewestTextsAsync(year, cancellationToken)).ToDictionary(t => t.Kind, t => t.Markdown);

    /// <summary>The newest version of a section's text: its number, when and by whom it was saved, and whether it is blank.</summary>
    public sealed record TextVersion(int Version, DateTime SavedAtUtc, string? SavedBy, bool IsBlank);

    /// <summary>The newest version of each section's text of the year.</summary>
    public async Task<Dictionary<ReportSectionKind, TextVersion>> TextVersionsAsync(int year, CancellationToken cancellationToken) =>
        (await NewestTextsAsync(year, cancellationToken)).ToDictionary(
            t => t.Kind, t => new TextVersion(t.Version, t.SavedAtUtc, t.SavedBy, string.IsNullOrWhiteSpace(t.Markdown)));

    /// <summary>What the year's report still lacks before adoption besides the checks; adoption is refused while anything is listed (<see cref="ReportReadiness"/>).</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(int year, IEnumerable<ReportSectionSetting> sections, CancellationToken cancellationToken)
    {
        var written = (await TextVersionsAsync(year, cancellationToken)).Where(t => !t.Value.IsBlank).Select(t => t.Key).ToHashSet();
        var signatories = await db.ReportSignatories.CountAsync(s => s.Year == year, cancellationToken);
        if (signatories == 0)
        {
            signatories = (await db.OrganisationOfYearAsync(year, cancellationToken)).BoardSignatories().Count;
        }

        var suggested = await db.Indicators.CountAsync(i => i.Objective!.GoalArea!.Year == year && i.Assessment == null, cancellationToken);
        return ReportReadiness.Missing(sections, written, signatories, suggested);
    }

    private async Task<List<ReportText>> NewestTextsAsync(int year, CancellationToken cancellationToken)
    {
        var texts = await db.ReportTexts.AsNoTracking().Where(t => t.Year == year).ToListAsync(cancellationToken);
        return texts.GroupBy(t => t.Kind).Select(g => g.MaxBy(t => t.Version)!).ToList();
    }

    /// <summary>The text a section starts with before the förbund has written its own (null: none).</summary>
    public static string? DefaultText(ReportSectionKind kind, int year) => kind switch
    {
        ReportSectionKind.AccountingPrinciples =>
            "Årsredovisningen är upprättad i enlighet med lagen (2018:597) om kommunal bokföring och redovisning i tillämpliga delar. " +
            "Intäkter och kostnader har periodiserats. Fordringar har tagits upp till de belopp som de beräknas inflyta med och " +
            "skulder till nominellt belopp. Samma redovisningsprinciper som föregående år har använts.",
        ReportSectionKind.BoardDecision =>
            $"Styrelsen föreslår att årsredovisningen för {year.ToString(CultureInfo.InvariantCulture)} fastställs och att den överlämnas till förbundets medlemmar och revisorer.",
        _ => null,
    };

    internal static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string FileName(int year, string extension, bool draft) =>
        $"arsredovisning-{Key(year)}{(draft ? "-utkast" : "")}.{extension}";
}
