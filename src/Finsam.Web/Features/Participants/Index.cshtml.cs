using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Participants;
using Finsam.Web.Auditing;
using Finsam.Web.Paging;
using Finsam.Web.Features.Participants;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

public class IndexModel(FinsamDbContext db, AuditLog audit, RegistrationService registration) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int EnrolmentId, int ParticipantId, string InsatsCode, DateOnly StartDate, DateOnly? EndDate, EndReason? EndReason, Gender Gender, int BirthYear, bool Identified);

    [BindProperty(SupportsGet = true, Name = "insats")]
    public int? InsatsId { get; set; }

    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public EnrolmentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "kon")]
    public Gender? Gender { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public EnrolmentQuery Query { get; private set; } = new();

    public FormChoices Choices { get; private set; } = null!;

    public PagedList<Row> Results { get; private set; } = PagedList.Empty<Row>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = await FormChoices.LoadAsync(db, cancellationToken: cancellationToken);
        Query = new EnrolmentQuery { InsatsId = InsatsId, Year = Year, Status = Status, Gender = Gender };
        if (!ModelState.IsValid || !await new EnrolmentQueryValidator().ValidateIntoAsync(Query, ModelState, prefix: "", cancellationToken))
        {
            return;
        }

        Results = await ListAsync(db, Query, PageNumber, cancellationToken);
        await audit.WriteAsync(AuditAction.View, "EnrolmentList", null, $"{Query.Describe()}, sida {Results.Number}", cancellationToken);
    }

    /// <summary>
    /// One page of the list, newest enrolment first (start date, then id). Counted and paged over the enrolments' ids only,
    /// which one index answers; only the page's rows are read in full (also measured by the benchmarks).
    /// </summary>
    public static Task<PagedList<Row>> ListAsync(FinsamDbContext db, EnrolmentQuery query, int pageNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var enrolments = query.Apply(db.Enrolments.AsNoTracking());
        return PagedList.CreateByKeysAsync(
            enrolments.OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Id).Select(e => e.Id),
            enrolments.OrderBy(e => e.StartDate).ThenBy(e => e.Id).Select(e => e.Id),
            (ids, ct) => db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.Id))
                .Select(e => new Row(e.Id, e.ParticipantId, e.Insats!.Code, e.StartDate, e.EndDate, e.EndReason, e.Participant!.Gender, e.Participant.BirthYear, e.Participant.PersonKeyHash != null))
                .ToListAsync(ct),
            row => row.EnrolmentId,
            pageNumber,
            PageSize,
            cancellationToken);
    }

    /// <summary>Looks a person up by personnummer; POST so the number never appears in an address or a log.</summary>
    public async Task<IActionResult> OnPostSearchAsync(string? pnr, CancellationToken cancellationToken)
    {
        var (participantId, error) = await registration.FindByPersonalIdentityNumberAsync(pnr ?? "", cancellationToken);
        if (participantId is { } id)
        {
            return RedirectToPage("Details", new { id });
        }

        ModelState.AddModelError("pnr", error!);
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public string ExportLink(string format)
    {
        return Url.Page("Export") + QueryStrings.With(Request.Query, "format", format, drop: "sida");
    }
}
