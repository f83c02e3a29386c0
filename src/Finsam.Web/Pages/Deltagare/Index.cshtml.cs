using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Participants;
using Finsam.Web.Auditing;
using Finsam.Web.Paging;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Pages.Deltagare;

public class IndexModel(FinsamDbContext db, AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, Gender Gender, int BirthYear, string? HomeMunicipality, bool Identified, IReadOnlyList<string> InsatsCodes);

    public sealed record InsatsChoice(int Id, string Code, string Name);

    [BindProperty(SupportsGet = true, Name = "insats")]
    public int? InsatsId { get; set; }

    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "kon")]
    public Gender? Gender { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public ParticipantFilter Filter { get; private set; } = new();

    public IReadOnlyList<InsatsChoice> InsatsChoices { get; private set; } = [];

    public PagedList<Row> Results { get; private set; } = PagedList.Empty<Row>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        InsatsChoices = await db.Insatser.AsNoTracking()
            .Where(i => i.Kind == Finsam.Domain.Insatser.InsatsKind.Individual)
            .OrderBy(i => i.Code)
            .Select(i => new InsatsChoice(i.Id, i.Code, i.Name))
            .ToListAsync(cancellationToken);
        Filter = new ParticipantFilter { InsatsId = InsatsId, Year = Year, Gender = Gender, Page = PageNumber };
        if (!await new ParticipantFilterValidator().ValidateIntoAsync(Filter, ModelState, prefix: "", cancellationToken))
        {
            return;
        }

        var participants = db.Participants.AsNoTracking();
        if (Filter.Gender is { } gender)
        {
            participants = participants.Where(p => p.Gender == gender);
        }

        if (Filter.InsatsId is { } insatsId || Filter.Year is not null)
        {
            var enrolments = db.Enrolments.AsQueryable();
            if (Filter.InsatsId is { } id)
            {
                enrolments = enrolments.Where(e => e.InsatsId == id);
            }

            if (Filter.Year is { } year)
            {
                var from = new DateOnly(year, 1, 1);
                var to = new DateOnly(year, 12, 31);
                enrolments = enrolments.Where(e => e.StartDate <= to && (e.EndDate == null || e.EndDate >= from));
            }

            participants = participants.Where(p => enrolments.Any(e => e.ParticipantId == p.Id));
        }

        Results = await PagedList.CreateAsync(
            participants.OrderByDescending(p => p.Id).Select(p => new Row(
                p.Id,
                p.Gender,
                p.BirthYear,
                p.HomeMunicipality,
                p.PersonKeyHash != null,
                p.Enrolments.OrderBy(e => e.StartDate).Select(e => e.Insats!.Code).ToList())),
            Filter.Page,
            PageSize,
            cancellationToken);
        await audit.WriteAsync(AuditAction.View, "ParticipantList", null, Filter.Describe(), cancellationToken);
    }
}
