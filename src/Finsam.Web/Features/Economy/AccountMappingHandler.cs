using Finsam.Data;
using Finsam.Domain.Auditing;
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

        db.AccountMappingRules.Remove(rule);
        audit.Add(AuditAction.Delete, "AccountMapping", rule.Prefix, rule.Line.SwedishName());
        return (await db.SaveAsync(cancellationToken), rule);
    }
}
