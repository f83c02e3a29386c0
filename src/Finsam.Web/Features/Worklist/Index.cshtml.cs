using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Participants;
using Finsam.Web.Auditing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Worklist;

/// <summary>
/// "Att göra": the kansli's work lists over the enrolments. Each list is counted in full and shows at most
/// <see cref="Shown"/> rows, the most overdue first, so the page costs the same for a förbund with 100 000 enrolments.
/// </summary>
public class IndexModel(FinsamDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>The most rows each list shows.</summary>
    public const int Shown = 100;

    /// <summary>A follow-up is due twelve months after the end and listed until it is <see cref="FollowUpWindowMonths"/> months late.</summary>
    public const int FollowUpMonths = 12;

    /// <summary>How long after the end a missing follow-up is still listed: after two years it can no longer be made.</summary>
    public const int FollowUpWindowMonths = 24;

    public sealed record Row(int EnrolmentId, int ParticipantId, string InsatsCode, DateOnly StartDate, DateOnly? EndDate, DateOnly? InsatsEndDate);

    public sealed record WorkList(int Count, IReadOnlyList<Row> Rows);

    public DateOnly Today { get; private set; }

    public WorkList FollowUps { get; private set; } = new(0, []);

    public WorkList PastInsatsEnd { get; private set; } = new(0, []);

    public WorkList MissingEndReason { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        FollowUps = await FollowUpsDueAsync(db, Today, cancellationToken);
        PastInsatsEnd = await OngoingPastInsatsEndAsync(db, Today, cancellationToken);
        MissingEndReason = await EndedWithoutReasonAsync(db, cancellationToken);
        await audit.RecordReadAsync(AuditAction.View, "Worklist", null, string.Create(CultureInfo.InvariantCulture,
            $"uppföljningar {FollowUps.Count}, pågående efter insatsens slut {PastInsatsEnd.Count}, utan avslutsorsak {MissingEndReason.Count}"), cancellationToken);
    }

    /// <summary>Enrolments that ended 12 to 24 months ago and have no 12-month follow-up, the earliest end first.</summary>
    public static Task<WorkList> FollowUpsDueAsync(FinsamDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dueBy = today.AddMonths(-FollowUpMonths);
        var since = today.AddMonths(-FollowUpWindowMonths);
        var due = db.Enrolments.AsNoTracking()
            .Where(e => e.EndDate != null && e.EndDate <= dueBy && e.EndDate >= since && e.FollowUp12Months == null);
        return ListAsync(due.OrderBy(e => e.EndDate).ThenBy(e => e.Id), cancellationToken);
    }

    /// <summary>Enrolments still ongoing although their insats ended before today, the earliest insats end first.</summary>
    public static Task<WorkList> OngoingPastInsatsEndAsync(FinsamDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var late = db.Enrolments.AsNoTracking()
            .Where(e => e.EndDate == null && e.Insats!.EndDate != null && e.Insats.EndDate < today);
        return ListAsync(late.OrderBy(e => e.Insats!.EndDate).ThenBy(e => e.StartDate).ThenBy(e => e.Id), cancellationToken);
    }

    /// <summary>Ended enrolments without an end reason, the earliest end first.</summary>
    public static Task<WorkList> EndedWithoutReasonAsync(FinsamDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var missing = db.Enrolments.AsNoTracking().Where(e => e.EndDate != null && e.EndReason == null);
        return ListAsync(missing.OrderBy(e => e.EndDate).ThenBy(e => e.Id), cancellationToken);
    }

    private static async Task<WorkList> ListAsync(IOrderedQueryable<Enrolment> enrolments, CancellationToken cancellationToken)
    {
        var count = await enrolments.CountAsync(cancellationToken);
        var rows = count == 0 ? [] : await enrolments.Take(Shown)
            .Select(e => new Row(e.Id, e.ParticipantId, e.Insats!.Code, e.StartDate, e.EndDate, e.Insats.EndDate))
            .ToListAsync(cancellationToken);
        return new WorkList(count, rows);
    }
}
