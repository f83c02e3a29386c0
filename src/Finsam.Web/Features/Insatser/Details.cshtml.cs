using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Auditing;
using Finsam.Domain.Insatser;
using Finsam.Web.Features.Participants;
using Finsam.Domain.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Insatser;

public class DetailsModel(FinsamDbContext db, InsatsService insatser, TimeProvider clock) : PageModel
{
    public Insats Insats { get; private set; } = null!;

    /// <summary>The insats's participant flow for each year it has run, newest first.</summary>
    public IReadOnlyList<ParticipantFlow> Flows { get; private set; } = [];

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var insats = await db.Insatser.AsNoTracking().Include(i => i.Executors).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (insats is null)
        {
            return NotFound();
        }

        Insats = insats;
        History = await insatser.HistoryAsync(id, cancellationToken);
        if (insats.HasParticipants)
        {
            var facts = await db.FactsForInsatsAsync(id, cancellationToken);
            var lastYear = Math.Min(insats.EndDate?.Year ?? int.MaxValue, clock.GetLocalNow().Year);
            Flows = Enumerable.Range(insats.StartDate.Year, Math.Max(0, lastYear - insats.StartDate.Year + 1))
                .Reverse()
                .Select(year => ParticipantFlow.Compute(year, facts))
                .ToList();
        }

        return Page();
    }
}
