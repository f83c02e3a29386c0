using Finsam.Domain.Formatting;
using Finsam.Domain.Reports;
using Finsam.Web.Features.AnnualReport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Finsam.Web.Validation;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>The förbund's sections: their titles, their order, and which are included.</summary>
public class SectionsModel(AnnualReportService reports, ReportWritingHandler writing) : PageModel
{
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
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await writing.SaveSectionsAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        return RedirectToPage(new { sparad = true });
    }
}
