using Finsam.Data;
using Finsam.Web.Authorization;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Setup;

/// <summary>"Kom igång": each step of going live with its state, read from the data, and a link to the page that does it.</summary>
public class IndexModel(FinsamDbContext db, SetupChecklist checklist, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    public YearFilter Years { get; private set; } = null!;

    /// <summary>The steps, each with whether this user may open the page that does it.</summary>
    public IReadOnlyList<(SetupStep Step, bool MayOpen)> Steps { get; private set; } = [];

    public int Remaining => Steps.Count(s => !s.Step.IsDone);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The current year and the year before it (the first annual report), and any year with a fiscal year.
        var current = clock.GetLocalNow().Year;
        var available = (await db.FiscalYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken))
            .Append(current).Append(current - 1).Where(YearFilter.InRange).Distinct().OrderDescending().ToList();
        Years = YearFilter.Choose(RequestedYear ?? current, available, unreadable: !ModelState.IsValid);

        var steps = new List<(SetupStep, bool)>();
        foreach (var step in await checklist.StepsAsync(Years.Year, cancellationToken))
        {
            steps.Add((step, await authorization.AllowsAsync(User, step.Page, HttpMethods.Get)));
        }

        Steps = steps;
    }
}
