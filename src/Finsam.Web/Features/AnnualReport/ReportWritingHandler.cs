using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Reports;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>One section of the sections form: its kind, title, order (as typed) and whether it is included.</summary>
public sealed class SectionInput
{
    public ReportSectionKind Kind { get; set; }

    public string? Title { get; set; }

    public string? Order { get; set; }

    public bool Enabled { get; set; }
}

/// <summary>
/// What the director writes into the annual report: the sections, a section's text, the signatories. A year's text and
/// signatories are refused once the report is adopted or the fiscal year is closed; every change is audited with it.
/// </summary>
public sealed class ReportWritingHandler(FinsamDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxSignatories = 40;

    /// <summary>The refusal of a change to an adopted year: the one closed-year message (adoption closes the year).</summary>
    public static string AdoptedMessage(int year) => WritePath.ClosedYearMessage(year);

    /// <summary>Saves the förbund's sections. Errors are on "[i].Title" and "[i].Order", or on the whole form.</summary>
    public async Task<ChangeResult> SaveSectionsAsync(IReadOnlyList<SectionInput> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var orders = new Dictionary<ReportSectionKind, int>();
        for (var i = 0; i < input.Count; i++)
        {
            var section = input[i];
            if (!Enum.IsDefined(section.Kind) || input.Count(s => s.Kind == section.Kind) > 1)
            {
                return ChangeResult.Refused("", "Avsnitten i formuläret är felaktiga. Ladda om sidan och försök igen.");
            }

            section.Title = section.Title?.Trim();
            if (string.IsNullOrEmpty(section.Title) || section.Title.Length > ReportSectionSetting.MaxTitleLength)
            {
                errors.Add(new($"[{i}].Title", $"Rubriken för avsnitt {i + 1} ska ha 1–{ReportSectionSetting.MaxTitleLength} tecken."));
            }

            if (!int.TryParse(section.Order, out var order) || order is < 0 or > 10_000)
            {
                errors.Add(new($"[{i}].Order", $"Ordningen för \"{section.Title}\" ska vara ett heltal 0–10 000."));
            }

            orders[section.Kind] = order;
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(errors);
        }

        var stored = await db.ReportSectionSettings.ToListAsync(cancellationToken);
        foreach (var section in input)
        {
            var setting = stored.SingleOrDefault(s => s.Kind == section.Kind);
            if (setting is null)
            {
                setting = new ReportSectionSetting { Kind = section.Kind, Title = section.Title! };
                db.ReportSectionSettings.Add(setting);
            }

            setting.Title = section.Title!;
            setting.Order = orders[section.Kind];
            setting.Enabled = section.Enabled;
        }

        audit.Add(AuditAction.Update, "AnnualReportSections", null,
            string.Join("; ", input.OrderBy(s => orders[s.Kind]).Select(s => $"{s.Title}{(s.Enabled ? "" : " (av)")}")));
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Saves a new version of a section's text. Errors are on "Markdown".</summary>
    public async Task<ChangeResult> SaveTextAsync(int year, ReportSectionKind kind, string markdown, string? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > ReportText.MaxLength)
        {
            return ChangeResult.Refused("Markdown", $"Texten får vara högst {ReportText.MaxLength} tecken lång.");
        }

        if (await RefuseYearAsync(year, "Markdown", cancellationToken) is { } refused)
        {
            return refused;
        }

        var version = await db.ReportTexts.Where(t => t.Year == year && t.Kind == kind).MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;
        db.ReportTexts.Add(new ReportText { Year = year, Kind = kind, Version = version + 1, Markdown = markdown, SavedBy = user, SavedAtUtc = clock.GetUtcNow().UtcDateTime });
        audit.Add(AuditAction.Update, "AnnualReportText", $"{Key(year)}/{kind}", $"version {version + 1}, {markdown.Length} tecken");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Replaces the year's signatories with "Namn, Titel" lines. Errors are on "Lines".</summary>
    public async Task<ChangeResult> SaveSignatoriesAsync(int year, string? lines, CancellationToken cancellationToken)
    {
        if (await RefuseYearAsync(year, "Lines", cancellationToken) is { } refused)
        {
            return refused;
        }

        var parsed = ParseSignatories(lines, out var error);
        if (error is not null)
        {
            return ChangeResult.Refused("Lines", error);
        }

        db.ReportSignatories.RemoveRange(await db.ReportSignatories.Where(s => s.Year == year).ToListAsync(cancellationToken));
        db.ReportSignatories.AddRange(parsed.Select((p, i) => new ReportSignatory { Year = year, Order = i + 1, Name = p.Name, Title = p.Title }));
        audit.Add(AuditAction.Update, "AnnualReportSignatories", Key(year), $"{parsed.Count} undertecknare");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Reads "Namn, Titel" lines; empty lines are skipped.</summary>
    public static IReadOnlyList<(string Name, string Title)> ParseSignatories(string? text, out string? error)
    {
        error = null;
        var result = new List<(string, string)>();
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var comma = lines[i].IndexOf(',', StringComparison.Ordinal);
            var name = comma < 0 ? "" : lines[i][..comma].Trim();
            var title = comma < 0 ? "" : lines[i][(comma + 1)..].Trim();
            if (name.Length is 0 or > 120 || title.Length is 0 or > 120)
            {
                error = $"Rad {i + 1}: skriv namn och titel åtskilda av kommatecken, t.ex. \"Anna Andersson, ordförande\" (högst 120 tecken vardera).";
                return [];
            }

            result.Add((name, title));
        }

        if (result.Count > MaxSignatories)
        {
            error = $"Högst {MaxSignatories} undertecknare.";
            return [];
        }

        return result;
    }

    /// <summary>An adopted report, or a closed year, cannot change.</summary>
    private async Task<ChangeResult?> RefuseYearAsync(int year, string field, CancellationToken cancellationToken) =>
        await db.ReportArchives.AnyAsync(a => a.Year == year && a.ReopenedAtUtc == null, cancellationToken)
            ? ChangeResult.Refused(field, AdoptedMessage(year))
            : await db.RefuseClosedYearAsync(year, cancellationToken, field);

    private static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);
}
