using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Pages.Oversikt;

public class IndexModel(FinsamDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    public YearFilter Years { get; private set; } = null!;

    public YearlyParticipantFlows Flows { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var available = await db.YearsWithEnrolmentsAsync(clock.GetLocalNow().Year, cancellationToken);
        Years = YearFilter.Choose(RequestedYear, available, unreadable: !ModelState.IsValid);
        Flows = await db.FlowsForYearAsync(Years.Year, cancellationToken);
    }
}
