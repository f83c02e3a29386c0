using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Participants;
using Finsam.Web.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Finsam.Web.Features.Participants;

/// <summary>
/// Gallring: enrolments that ended more than the retention time ago lose their person link. Each such enrolment
/// is moved to an anonymous participant of its own that keeps only the aggregate fields (gender, birth year; home
/// municipality and education stay on the enrolment), so the statistics of past years stay as they were for every figure but unique
/// individuals. A person left without enrolments is removed.
/// </summary>
public sealed class RetentionService(FinsamDbContext db, AuditLog audit, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    public sealed record Report(DateOnly Cutoff, int Enrolments, int PersonsRemoved);

    public int RetentionYears => Math.Max(1, options.Value.RetentionYears);

    /// <summary>The last end date that is expired today.</summary>
    public DateOnly Cutoff => DateOnly.FromDateTime(clock.GetLocalNow().Date).AddYears(-RetentionYears);

    /// <summary>Enrolments that gallring would anonymise now: ended on or before the cutoff and still linked to a person.</summary>
    private IQueryable<Enrolment> Expired()
    {
        var cutoff = Cutoff;
        return db.Enrolments.Where(e => e.EndDate != null && e.EndDate <= cutoff
            && (e.Participant!.PersonKeyHash != null || e.Participant.Enrolments.Count > 1));
    }

    public Task<int> CountExpiredAsync(CancellationToken cancellationToken) => Expired().CountAsync(cancellationToken);

    public async Task<Report> RunAsync(CancellationToken cancellationToken)
    {
        var expired = await Expired().Include(e => e.Participant!).ThenInclude(p => p.Enrolments).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var removed = 0;
        foreach (var group in expired.GroupBy(e => e.Participant!))
        {
            var person = group.Key;
            var remaining = person.Enrolments.Except(group).Count();
            foreach (var enrolment in group)
            {
                enrolment.Participant = new Participant
                {
                    Gender = person.Gender,
                    BirthYear = person.BirthYear,
                    CreatedAtUtc = now,
                };
            }

            if (remaining == 0)
            {
                db.Participants.Remove(person);
                removed++;
            }
        }

        var report = new Report(Cutoff, expired.Count, removed);
        audit.Add(AuditAction.Anonymise, "Enrolment", null,
            $"gallring: {report.Enrolments} deltaganden avslutade senast {report.Cutoff:yyyy-MM-dd} avidentifierade, {report.PersonsRemoved} personer borttagna");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }
}
