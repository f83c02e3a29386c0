using Finsam.Reporting.AnnualReport;
using Finsam.Web.Features.AnnualReport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>The report's HTML in the browser: the same document that is printed to PDF, with the stylesheet linked.</summary>
public class PreviewModel(AnnualReportService reports) : PageModel
{
    public const string StylesheetPath = "/Arsredovisning/rapport.css";

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        var model = await reports.BuildAsync(year, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        return Content(await ReportHtml.RenderAsync(model, stylesheetHref: StylesheetPath), "text/html; charset=utf-8");
    }
}
