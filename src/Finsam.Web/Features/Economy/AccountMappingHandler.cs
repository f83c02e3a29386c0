using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Statements;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

/// <summary>Changes to the förbund's account mapping (which statement line an account prefix goes to), audited.</summary>
public sealed class AccountMappingHandler(FinsamDbContext db, AuditLog audit)
{
    /// <summary>Adds or changes the rule of a prefix. Errors are on the fields "Prefix" and "Line".</summary>
    public async Task<ChangeResult> SaveAsync(string? prefixText, StatementLine line, CancellationToken cancellationToken)
    {
        var prefix = prefixText?.Trim() ?? "";
        if (prefix.Length is < 1 or > 10 || !prefix.All(char.IsAsciiDigit))
        {
            return ChangeResult.Refused("Prefix", "Kontoprefixet ska vara 1–10 siffror, t.ex. 19 eller 7810.");
        }

        if (!Enum.IsDefined(line))
        {
            return ChangeResult.Refused("Line", "Okänd rad.");
        }

        var rule = await db.AccountMappingRules.SingleOrDefaultAsync(r => r.Prefix == prefix, cancellationToken);
        if (rule?.Line != line && await RefuseClosedYearAsync(prefix, "Prefix", cancellationToken) is { } closed)
        {
            return closed;
        }

        var before = rule?.Line.SwedishName();
        if (rule is null)
        {
            db.AccountMappingRules.Add(new AccountMappingRule { Prefix = prefix, Line = line });
        }
        else
        {
            rule.Line = line;
        }

        audit.Add(AuditAction.Update, "AccountMapping", prefix, before is null ? $"ny regel: {line.SwedishName()}" : $"{before} → {line.SwedishName()}");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Removes a rule; the removed rule, or null when it no longer exists.</summary>
    public async Task<(ChangeResult Result, AccountMappingRule? Removed)> RemoveAsync(int id, CancellationToken cancellationToken)
    {
        var rule = await db.AccountMappingRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return (ChangeResult.Refused("", "Regeln finns inte längre."), null);
        }

        if (await RefuseClosedYearAsync(rule.Prefix, "", cancellationToken) is { } closed)
        {
            return (closed, null);
        }

        db.AccountMappingRules.Remove(rule);
        audit.Add(AuditAction.Delete, "AccountMapping", rule.Prefix, rule.Line.SwedishName());
        return (await db.SaveAsync(cancellationToken), rule);
    }

    /// <summary>
    /// The mapping applies to every year: a rule for a prefix changes the statements of each year whose ledger has an
    /// account starting with it. Refused when such a year is closed (adopted); the message names the first.
    /// </summary>
    private async Task<ChangeResult?> RefuseClosedYearAsync(string prefix, string field, CancellationToken cancellationToken)
    {
        var closed = await db.FiscalYears.AsNoTracking().Where(y => y.Status == FiscalYearStatus.Closed).OrderBy(y => y.Year)
            .Select(y => new { y.Id, y.Year }).ToListAsync(cancellationToken);
        foreach (var year in closed)
        {
            if (await db.LedgerAccounts.AnyAsync(a => a.FiscalYearId == year.Id && a.Number.StartsWith(prefix), cancellationToken)
                || await db.LedgerBalances.AnyAsync(b => b.FiscalYearId == year.Id && b.Account.StartsWith(prefix), cancellationToken))
            {
                return ChangeResult.Refused(field, WritePath.ClosedYearMessage(year.Year)
                    + $" Konton som börjar på {prefix} finns i årets bokföring, så regeln skulle ändra den fastställda årsredovisningen.");
            }
        }

        return null;
    }
}
