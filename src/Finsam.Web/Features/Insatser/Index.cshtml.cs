using Finsam.Data;
using Finsam.Domain.Insatser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Insatser;

public class IndexModel(FinsamDbContext db) : PageModel
{
    public sealed record Row(
        int Id,
        string Code,
        string Name,
        InsatsKind Kind,
        InsatsStatus Status,
        DateOnly StartDate,
        DateOnly? EndDate,
        IReadOnlyList<string> Executors,
        int OngoingEnrolments);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var insatser = await db.Insatser.AsNoTracking()
            .OrderBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name, i.Kind, i.Status, i.StartDate, i.EndDate, Executors = i.Executors.Select(m => m.Name).ToList() })
            .ToListAsync(cancellationToken);
        var ongoing = await db.Enrolments.AsNoTracking()
            .Where(e => e.EndDate == null)
            .GroupBy(e => e.InsatsId)
            .Select(g => new { InsatsId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.InsatsId, x => x.Count, cancellationToken);
        Rows = insatser
            .Select(i => new Row(i.Id, i.Code, i.Name, i.Kind, i.Status, i.StartDate, i.EndDate, i.Executors.Order().ToList(), ongoing.GetValueOrDefault(i.Id)))
            .ToList();
    }
}
