using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Domain.Reports;
using Finsam.Web.Auditing;
using Finsam.Web.Authorization;
using Finsam.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Pages.Arsredovisning;

/// <summary>The förbund's sections: their titles, their order, and which are included.</summary>
[Authorize(Policy = Policies.ReportAuthor)]
public class AvsnittModel(AnnualReportService reports, FinsamDbContext db, AuditLog audit) : PageModel
{
    public sealed class SectionInput
    {
        public ReportSectionKind Kind { get; set; }

        public string? Title { get; set; }

        public string? Order { get; set; }

        public bool Enabled { get; set; }
    }

    [BindProperty]
    public List<SectionInput> Input { get; set; } = [];

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool sparad, CancellationToken cancellationToken)
    {
        Saved = sparad;
        Input = (await reports.SectionSettingsAsync(cancellationToken)).Select((s, i) => new SectionInput
        {
            Kind = s.Kind, Title = s.Title, Order = ((i + 1) * 10).ToString(SwedishFormat.Culture), Enabled = s.Enabled,
        }).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var orders = new Dictionary<ReportSectionKind, int>();
        for (var i = 0; i < Input.Count; i++)
        {
            var section = Input[i];
            if (!Enum.IsDefined(section.Kind) || Input.Count(s => s.Kind == section.Kind) > 1)
            {
                ModelState.AddModelError(string.Empty, "Avsnitten i formuläret är felaktiga. Ladda om sidan och försök igen.");
                return Page();
            }

            section.Title = section.Title?.Trim();
            if (string.IsNullOrEmpty(section.Title) || section.Title.Length > ReportSectionSetting.MaxTitleLength)
            {
                ModelState.AddModelError($"Input[{i}].Title", $"Rubriken för avsnitt {i + 1} ska ha 1–{ReportSectionSetting.MaxTitleLength} tecken.");
            }

            if (!int.TryParse(section.Order, out var order) || order is < 0 or > 10_000)
            {
                ModelState.AddModelError($"Input[{i}].Order", $"Ordningen för \"{section.Title}\" ska vara ett heltal 0–10 000.");
            }

            orders[section.Kind] = order;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var stored = await db.ReportSectionSettings.ToListAsync(cancellationToken);
        foreach (var section in Input)
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
            string.Join("; ", Input.OrderBy(s => orders[s.Kind]).Select(s => $"{s.Title}{(s.Enabled ? "" : " (av)")}")));
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { sparad = true });
    }
}
