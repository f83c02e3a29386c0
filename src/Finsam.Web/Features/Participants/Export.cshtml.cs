using Finsam.Domain.Participants;
using Finsam.Web.Features.Participants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Participants;

/// <summary>Downloads the chosen enrolments in the import format (CSV or Excel). Logged in the audit log.</summary>
public class ExportModel(EnrolmentExporter exporter) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? insats, int? ar, EnrolmentStatus? status, Gender? kon, string? format, CancellationToken cancellationToken)
    {
        var query = new EnrolmentQuery { InsatsId = insats, Year = ar, Status = status, Gender = kon };
        var validation = new EnrolmentQueryValidator().Validate(query);
        if (!ModelState.IsValid || !validation.IsValid || format is not ("csv" or "xlsx"))
        {
            return BadRequest();
        }

        var export = await exporter.ExportAsync(query, excel: format == "xlsx", cancellationToken);
        return File(export.Content, export.ContentType, export.FileName);
    }
}
