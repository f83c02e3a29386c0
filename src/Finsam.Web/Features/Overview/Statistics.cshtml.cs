using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Statistics;
using Finsam.Web.Authorization;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Overview;

/// <summary>Every participant table of the year, for the förbund's total or one insats. Aggregates only.</summary>
public class StatisticsModel(FinsamDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    [BindProperty(SupportsGet = true, Name = "insats")]
    public int? InsatsId { get; set; }

    public YearFilter Years { get; private set; } = null!;

    public YearlyParticipantStatistics All { get; private set; } = null!;

    public ParticipantStatistics Statistics { get; private set; } = null!;

    public string Scope { get; private set; } = "";

    /// <summary>
    /// Where the outcome shares come from: for the förbund, its total over the insatser whose outcome measures apply;
    /// for an insats, its own statistics, or null when its outcome measures do not apply ("ej tillämpligt").
    /// </summary>
    public ParticipantStatistics? Outcomes { get; private set; }

    /// <summary>Whether the small-cell rule applies: a role without person access (Styrelse, Revisor); docs/privacy.md.</summary>
    public bool SmallCells { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SmallCells = !User.SeesExactCounts();
        var available = await db.YearsWithEnrolmentsAsync(clock.GetLocalNow().Year, cancellationToken);
        Years = YearFilter.Choose(RequestedYear, available, unreadable: !ModelState.IsValid);
        All = await db.StatisticsForYearAsync(Years.Year, cancellationToken);
        if (InsatsId is { } id && All.Insatser.FirstOrDefault(i => i.InsatsId == id) is { } insats)
        {
            Statistics = insats.Statistics;
            Outcomes = insats.OutcomeStatistics;
            Scope = $"{insats.Code} {insats.Name}";
        }
        else
        {
            InsatsId = null;
            Statistics = All.Total;
            Outcomes = All.Outcomes;
            Scope = "förbundet totalt";
        }
    }
}
