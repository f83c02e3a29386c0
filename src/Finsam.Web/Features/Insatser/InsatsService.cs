using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Domain.Insatser;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Insatser;

/// <summary>Creating and changing insatser. Every change is kept as history (field: before → after) in the audit log.</summary>
public sealed class InsatsService(FinsamDbContext db, AuditLog audit)
{
    public const string EntityType = nameof(Insats);

    public async Task<(ChangeResult Result, int Id)> CreateAsync(InsatsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = await CheckAsync(null, input, cancellationToken);
        if (errors.Count > 0)
        {
            return (new ChangeResult(errors), 0);
        }

        var insats = new Insats { Code = input.Code.Trim(), Name = input.Name.Trim() };
        await ApplyAsync(insats, input, cancellationToken);
        db.Insatser.Add(insats);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.Create, EntityType, insats.Id.ToString(CultureInfo.InvariantCulture), $"{insats.Code} {insats.Name}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (ChangeResult.Done, insats.Id);
    }

    public async Task<ChangeResult> UpdateAsync(int id, InsatsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var insats = await db.Insatser.Include(i => i.Executors).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (insats is null)
        {
            return ChangeResult.Refused("", "Insatsen finns inte längre.");
        }

        if (insats.Version != input.Version)
        {
            return ChangeResult.Refused("", WritePath.ConcurrencyMessage);
        }

        var errors = await CheckAsync(insats, input, cancellationToken);
        if (errors.Count > 0)
        {
            return new ChangeResult(errors);
        }

        // Whether the insats counts in the förbund's totals changes the participant figures of every year its enrolments cover.
        var counts = input.CountsInParticipantTotals && input.Kind == InsatsKind.Individual;
        if (counts != insats.CountsInParticipantTotals
            && await RefuseClosedYearOfEnrolmentsAsync(insats.Id, nameof(input.CountsInParticipantTotals), cancellationToken) is { } closed)
        {
            return closed;
        }

        var before = Describe(insats);
        insats.Code = input.Code.Trim();
        insats.Name = input.Name.Trim();
        await ApplyAsync(insats, input, cancellationToken);
        var changes = before.Zip(Describe(insats)).Where(p => p.First.Value != p.Second.Value)
            .Select(p => $"{p.First.Field}: {Show(p.First.Value)} → {Show(p.Second.Value)}")
            .ToList();
        if (changes.Count == 0)
        {
            return ChangeResult.Done;
        }

        audit.Add(AuditAction.Update, EntityType, id.ToString(CultureInfo.InvariantCulture), Truncate(string.Join("; ", changes), 1000));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult.Refused("", WritePath.ConcurrencyMessage);
        }
    }

    /// <summary>The refusal when an enrolment of the insats covers a day of a closed year (naming the first such year).</summary>
    private async Task<ChangeResult?> RefuseClosedYearOfEnrolmentsAsync(int insatsId, string field, CancellationToken cancellationToken)
    {
        var closed = await db.FiscalYears.AsNoTracking().Where(y => y.Status == Domain.Economy.FiscalYearStatus.Closed).OrderBy(y => y.Year)
            .Select(y => new { y.Year, y.StartDate, y.EndDate }).ToListAsync(cancellationToken);
        foreach (var year in closed)
        {
            if (await db.Enrolments.AnyAsync(e => e.InsatsId == insatsId && e.StartDate <= year.EndDate && (e.EndDate == null || e.EndDate >= year.StartDate), cancellationToken))
            {
                return ChangeResult.Refused(field, WritePath.ClosedYearMessage(year.Year));
            }
        }

        return null;
    }

    /// <summary>The insats's change history, newest first.</summary>
    public Task<List<AuditEntry>> HistoryAsync(int id, CancellationToken cancellationToken)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        return db.AuditEntries.AsNoTracking().Where(a => a.EntityType == EntityType && a.EntityId == key).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
    }

    private async Task<List<FieldError>> CheckAsync(Insats? existing, InsatsInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var code = input.Code.Trim();
        if (await db.Insatser.AnyAsync(i => i.Code == code && (existing == null || i.Id != existing.Id), cancellationToken))
        {
            errors.Add(new(nameof(input.Code), $"Det finns redan en insats med koden {code}."));
        }

        var known = await db.Members.Where(m => input.ExecutorIds.Contains(m.Id)).CountAsync(cancellationToken);
        if (known != input.ExecutorIds.Distinct().Count())
        {
            errors.Add(new(nameof(input.ExecutorIds), "En vald utförare finns inte bland medlemmarna."));
        }

        if (existing is null)
        {
            return errors;
        }

        var enrolments = db.Enrolments.Where(e => e.InsatsId == existing.Id);
        if (input.Kind != InsatsKind.Individual && await enrolments.AnyAsync(cancellationToken))
        {
            errors.Add(new(nameof(input.Kind), "Insatsen har deltaganden och måste vara individinriktad."));
        }

        var start = input.StartDate!.Value;
        var earlier = await enrolments.CountAsync(e => e.StartDate < start, cancellationToken);
        if (earlier > 0)
        {
            errors.Add(new(nameof(input.StartDate), $"{earlier} deltaganden startar före {SwedishFormat.Date(start)}. Rätta dem först."));
        }

        if (input.EndDate is { } end)
        {
            var later = await enrolments.CountAsync(e => e.StartDate > end || (e.EndDate != null && e.EndDate > end), cancellationToken);
            var ongoing = await enrolments.CountAsync(e => e.EndDate == null, cancellationToken);
            if (later > 0)
            {
                errors.Add(new(nameof(input.EndDate), $"{later} deltaganden ligger efter {SwedishFormat.Date(end)}. Rätta dem först."));
            }

            if (ongoing > 0 && input.Status == InsatsStatus.Closed)
            {
                errors.Add(new(nameof(input.Status), $"{ongoing} deltaganden pågår fortfarande. Registrera deras avslut innan insatsen avslutas."));
            }
        }

        return errors;
    }

    private async Task ApplyAsync(Insats insats, InsatsInput input, CancellationToken cancellationToken)
    {
        insats.Kind = input.Kind!.Value;
        insats.Status = input.Status;
        insats.StartDate = input.StartDate!.Value;
        insats.EndDate = input.EndDate;
        insats.PlannedEndDate = input.PlannedEndDate;
        insats.TargetGroup = Clean(input.TargetGroup);
        insats.MinAge = input.MinAge;
        insats.MaxAge = input.MaxAge;
        insats.Description = Clean(input.Description);
        insats.CountsInParticipantTotals = input.CountsInParticipantTotals && insats.Kind == InsatsKind.Individual;
        insats.CoFunding = Clean(input.CoFunding);
        var executors = await db.Members.Where(m => input.ExecutorIds.Contains(m.Id)).ToListAsync(cancellationToken);
        insats.Executors.Clear();
        foreach (var member in executors)
        {
            insats.Executors.Add(member);
        }
    }

    /// <summary>The fields shown in the history, in Swedish, as text.</summary>
    private static List<(string Field, string Value)> Describe(Insats i) =>
    [
        ("Kod", i.Code),
        ("Namn", i.Name),
        ("Typ", SwedishNames.Of(i.Kind)),
        ("Status", SwedishNames.Of(i.Status)),
        ("Start", SwedishFormat.Date(i.StartDate)),
        ("Slut", SwedishFormat.Date(i.EndDate)),
        ("Planerat slut", SwedishFormat.Date(i.PlannedEndDate)),
        ("Målgrupp", i.TargetGroup ?? ""),
        ("Ålder", i.MinAge is null && i.MaxAge is null ? "" : $"{i.MinAge}–{i.MaxAge}"),
        ("Beskrivning", i.Description ?? ""),
        ("Räknas i totaler", i.CountsInParticipantTotals ? "Ja" : "Nej"),
        ("Medfinansiering", i.CoFunding ?? ""),
        ("Utförare", string.Join(", ", i.Executors.Select(m => m.Name).Order())),
    ];

    private static string Show(string value) => value.Length == 0 ? "–" : value.Length > 80 ? value[..77] + "…" : value;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
