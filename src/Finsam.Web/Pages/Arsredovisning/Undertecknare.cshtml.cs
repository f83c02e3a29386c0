using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Domain.Reports;
using Finsam.Web.Auditing;
using Finsam.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Pages.Arsredovisning;

/// <summary>Who signs a year's report: one line per person, "Namn, Titel".</summary>
[Authorize(Policy = Policies.ReportAuthor)]
public class UndertecknareModel(FinsamDbContext db, AuditLog audit) : PageModel
{
    public const int MaxSignatories = 40;

    public int Year { get; private set; }

    [BindProperty]
    public string? Lines { get; set; }

    public bool Saved { get; private set; }

    public bool Adopted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, bool sparad, CancellationToken cancellationToken)
    {
        Year = year;
        Saved = sparad;
        Adopted = await db.ReportArchives.AnyAsync(a => a.Year == year, cancellationToken);
        var signatories = await db.ReportSignatories.AsNoTracking().Where(s => s.Year == year).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        Lines = string.Join("\n", signatories.Select(s => $"{s.Name}, {s.Title}"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        if (await db.ReportArchives.AnyAsync(a => a.Year == year, cancellationToken))
        {
            ModelState.AddModelError(nameof(Lines), $"Årsredovisningen för {year} är fastställd och kan inte ändras.");
            return Page();
        }

        var parsed = Parse(Lines, out var error);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Lines), error);
            return Page();
        }

        await db.ReportSignatories.Where(s => s.Year == year).ExecuteDeleteAsync(cancellationToken);
        db.ReportSignatories.AddRange(parsed.Select((p, i) => new ReportSignatory { Year = year, Order = i + 1, Name = p.Name, Title = p.Title }));
        audit.Add(AuditAction.Update, "AnnualReportSignatories", year.ToString(SwedishFormat.Culture), $"{parsed.Count} undertecknare");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { year, sparad = true });
    }

    /// <summary>Reads "Namn, Titel" lines; empty lines are skipped.</summary>
    public static IReadOnlyList<(string Name, string Title)> Parse(string? text, out string? error)
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
}
