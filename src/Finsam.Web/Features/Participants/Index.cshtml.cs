using System.Globalization;
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

    /// <summary>The page number as typed (the page jump takes free text): anything but a whole number gets a Swedish message.</summary>
    [BindProperty(SupportsGet = true, Name = "sida")]
    public string? PageText { get; set; }

    [BindProperty(SupportsGet = true, Name = EnrolmentSort.ColumnParameter)]
    public string? SortColumn { get; set; }

    [BindProperty(SupportsGet = true, Name = EnrolmentSort.OrderParameter)]
    public string? SortOrder { get; set; }

    public EnrolmentSort Sort { get; private set; } = EnrolmentSort.Default;

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

        if (EnrolmentSort.Parse(SortColumn, SortOrder) is { } sort)
        {
            Sort = sort;
        }
        else
        {
            ModelState.AddModelError(EnrolmentSort.ColumnParameter, EnrolmentSort.UnknownMessage);
            return;
        }

        var pageNumber = 1;
        if (!string.IsNullOrWhiteSpace(PageText) && !int.TryParse(PageText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber))
        {
            // The list is still shown, from its first page, with the message at the page jump.
            ModelState.AddModelError("sidhopp", "Skriv sidans nummer med siffror, t.ex. 3.");
            pageNumber = 1;
        }

        Results = await ListAsync(db, Query, pageNumber, Sort, cancellationToken);
        await audit.RecordReadAsync(AuditAction.View, "EnrolmentList", null, $"{Query.Describe()}, {Sort.Describe()}, sida {Results.Number}", cancellationToken);
    }

    /// <summary>
    /// One page of the list in the given order (by default newest enrolment first: start date, then id). Counted and paged
    /// over the enrolments' ids only, which one index answers; only the page's rows are read in full (also measured by the
    /// benchmarks).
    /// </summary>
    public static Task<PagedList<Row>> ListAsync(FinsamDbContext db, EnrolmentQuery query, int pageNumber, EnrolmentSort? sort = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var enrolments = query.Apply(db.Enrolments.AsNoTracking());
        sort ??= EnrolmentSort.Default;
        if (sort.Column == EnrolmentSortColumn.Insats)
        {
            return ListByInsatsAsync(db, enrolments, pageNumber, sort, cancellationToken);
        }

        return PagedList.CreateByKeysAsync(
            sort.Apply(enrolments, reversed: false).Select(e => e.Id),
            sort.Apply(enrolments, reversed: true).Select(e => e.Id),
            (ids, ct) => RowsAsync(db, ids, ct),
            row => row.EnrolmentId,
            pageNumber,
            PageSize,
            cancellationToken);
    }

    private static Task<List<Row>> RowsAsync(FinsamDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new Row(e.Id, e.ParticipantId, e.Insats!.Code, e.StartDate, e.EndDate, e.EndReason, e.Participant!.Gender, e.Participant.BirthYear, e.Participant.PersonKeyHash != null))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The list by insats code: no index holds that order (the code is the insats's), so sorting every enrolment by it
    /// took 40 ms at 100 000 enrolments. The enrolments are counted per insats, and a page reads only the insatser it
    /// covers, each in its own order (start date, then id) from the index on insats and start.
    /// </summary>
    private static async Task<PagedList<Row>> ListByInsatsAsync(
        FinsamDbContext db, IQueryable<Enrolment> enrolments, int pageNumber, EnrolmentSort sort, CancellationToken cancellationToken)
    {
        var counts = await enrolments.GroupBy(e => e.InsatsId).Select(g => new { InsatsId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.InsatsId, g => g.Count, cancellationToken);
        var ids = counts.Keys.ToList();
        var insatser = db.Insatser.AsNoTracking().Where(i => ids.Contains(i.Id));
        var inOrder = await (sort.Descending ? insatser.OrderByDescending(i => i.Code) : insatser.OrderBy(i => i.Code))
            .Select(i => i.Id).ToListAsync(cancellationToken);
        var withinInsats = new EnrolmentSort(EnrolmentSortColumn.Start, sort.Descending);
        return await PagedList.CreateBySegmentsAsync(
            inOrder.Select(id => (counts[id], (Func<int, int, bool, CancellationToken, Task<List<int>>>)((skip, take, reversed, ct) =>
                withinInsats.Apply(enrolments.Where(e => e.InsatsId == id), reversed).Select(e => e.Id).Skip(skip).Take(take).ToListAsync(ct)))).ToList(),
            (keys, ct) => RowsAsync(db, keys, ct),
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

    /// <summary>A column header's link: the column in its default order, or the other order when it is the current one; filters kept, back to page 1.</summary>
    public string SortLink(EnrolmentSortColumn column)
    {
        var next = Sort.Column == column ? Sort with { Descending = !Sort.Descending } : EnrolmentSort.For(column);
        var query = QueryStrings.With(Request.Query, EnrolmentSort.ColumnParameter, next.ColumnValue, "sida", EnrolmentSort.OrderParameter);
        return Url.Page("Index") + query + $"&{EnrolmentSort.OrderParameter}={next.OrderValue}";
    }

    /// <summary>The aria-sort of a column header: only the sorted column has one.</summary>
    public string? AriaSort(EnrolmentSortColumn column) => Sort.Column == column ? (Sort.Descending ? "descending" : "ascending") : null;

    public string ExportLink(string format)
    {
        return Url.Page("Export") + QueryStrings.With(Request.Query, "format", format, drop: "sida");
    }
}
