using Finsam.Data;
using Finsam.Domain;
using Finsam.Domain.Auditing;
using Finsam.Web.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Validation;

/// <summary>
/// The steps every handler that changes data shares: validate the input, refuse a closed fiscal year, check the
/// version the form was opened with, and save the change with its audit entry, turning a concurrent edit into
/// <see cref="ConcurrencyMessage"/>. Page models never save; they call a handler and copy its <see cref="ChangeResult"/>.
/// </summary>
public static class WritePath
{
    /// <summary>The one message for "someone else changed this while you worked".</summary>
    public const string ConcurrencyMessage =
        "Någon annan har ändrat uppgifterna medan du arbetade. Dina ändringar är inte sparade: ladda om sidan och gör om dem.";

    /// <summary>The one message for a change to a closed fiscal year.</summary>
    public static string ClosedYearMessage(int year) => $"Verksamhetsåret {year} är stängt och kan inte ändras.";

    /// <summary>Runs the form's validator; null when the input is valid, otherwise its errors by field.</summary>
    public static async Task<ChangeResult?> ValidateAsync<T>(IValidator<T> validator, T input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = await validator.ValidateAsync(input, cancellationToken);
        return result.IsValid ? null : new ChangeResult(result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());
    }

    /// <summary>Whether the fiscal year of a calendar year exists and is closed.</summary>
    public static Task<bool> IsClosedAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.FiscalYears.AnyAsync(y => y.Year == year && y.Status == Domain.Economy.FiscalYearStatus.Closed, cancellationToken);
    }

    /// <summary>The refusal of a change that affects a closed year's figures, or null while the year is open (or has no fiscal year yet).</summary>
    public static async Task<ChangeResult?> RefuseClosedYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken, string field = "") =>
        await db.IsClosedAsync(year, cancellationToken) ? ChangeResult.Refused(field, ClosedYearMessage(year)) : null;

    /// <summary>
    /// Checks that the entity is still the version the form was opened with, and makes SaveChanges check it again in
    /// the database (the form's version becomes the concurrency token's original value). Null when it matches.
    /// </summary>
    public static ChangeResult? CheckVersion<T>(this FinsamDbContext db, T entity, Guid formVersion)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Version != formVersion)
        {
            return ChangeResult.Refused("", ConcurrencyMessage);
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = formVersion;
        return null;
    }

    /// <summary>
    /// Removes a record that belongs to a year (<paramref name="year"/> of it), with its audit entry in the same save:
    /// refused when the record is gone (<paramref name="goneMessage"/>) or its year is closed.
    /// </summary>
    public static async Task<ChangeResult> RemoveFromYearAsync<T>(
        this FinsamDbContext db, AuditLog audit, T? entity, string goneMessage, Func<T, int> year, string entityType, string key, Func<T, string> describe,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(describe);
        if (entity is null)
        {
            return ChangeResult.Refused("", goneMessage);
        }

        if (await db.RefuseClosedYearAsync(year(entity), cancellationToken) is { } closed)
        {
            return closed;
        }

        db.Remove(entity);
        audit.Add(AuditAction.Delete, entityType, key, describe(entity));
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Saves the unit of work (the change and its audit entry together); a concurrent edit becomes the shared message.</summary>
    public static async Task<ChangeResult> SaveAsync(this FinsamDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChangeResult.Refused("", ConcurrencyMessage);
        }
    }
}
