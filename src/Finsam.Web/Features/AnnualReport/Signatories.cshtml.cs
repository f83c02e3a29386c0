using Finsam.Data;
using Finsam.Web.Features.AnnualReport;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>Who signs a year's report: one line per person, "Namn, Titel".</summary>
public class SignatoriesModel(FinsamDbContext db, ReportWritingHandler writing) : PageModel
{
    public const int MaxSignatories = ReportWritingHandler.MaxSignatories;

    public int Year { get; private set; }

    [BindProperty]
    public string? Lines { get; set; }

    public bool Saved { get; private set; }

    public bool Adopted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, bool sparad, CancellationToken cancellationToken)
    {
        Year = year;
        Saved = sparad;
        Adopted = await db.ReportArchives.AnyAsync(a => a.Year == year && a.ReopenedAtUtc == null, cancellationToken);
        var signatories = await db.ReportSignatories.AsNoTracking().Where(s => s.Year == year).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        Lines = string.Join("\n", signatories.Select(s => $"{s.Name}, {s.Title}"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        var result = await writing.SaveSignatoriesAsync(year, Lines, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, prefix: "");
            return Page();
        }

        return RedirectToPage(new { year, sparad = true });
    }

    /// <summary>Reads "Namn, Titel" lines; empty lines are skipped (see <see cref="ReportWritingHandler.ParseSignatories"/>).</summary>
    public static IReadOnlyList<(string Name, string Title)> Parse(string? text, out string? error) => ReportWritingHandler.ParseSignatories(text, out error);
}
