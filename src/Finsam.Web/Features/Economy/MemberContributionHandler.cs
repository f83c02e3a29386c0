using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

/// <summary>Sets a year's member contribution and the municipalities' key: checked, refused for a closed year, audited.</summary>
public sealed class MemberContributionHandler(FinsamDbContext db, AuditLog audit)
{
    public async Task<ChangeResult> SaveAsync(int year, ContributionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await db.RefuseClosedYearAsync(year, cancellationToken) is { } closed)
        {
            return closed;
        }

        var errors = new List<FieldError>();
        var members = await db.Members.Where(m => m.IsActive).ToListAsync(cancellationToken);
        if (!SwedishFormat.TryParseDecimal(input.Total, out var total) || total < 0m)
        {
            errors.Add(new(nameof(input.Total), "Ange medlemsbidraget som ett belopp i kronor, t.ex. 9 000 000."));
        }

        var key = new List<(Member Member, decimal Percent)>();
        foreach (var share in input.Shares)
        {
            var member = members.FirstOrDefault(m => m.Id == share.MemberId);
            if (member is null)
            {
                errors.Add(new(nameof(input.Shares), "En kommun i nyckeln finns inte bland medlemmarna."));
            }
            else if (!SwedishFormat.TryParseDecimal(share.Percent, out var percent))
            {
                errors.Add(new(nameof(input.Shares), $"Ange andelen för {member.Name} i procent, t.ex. 47."));
            }
            else
            {
                key.Add((member, percent));
            }
        }

        errors.AddRange(MemberContributions.CheckKey(key).Select(problem => new FieldError(nameof(input.Shares), problem)));
        if (errors.Count > 0)
        {
            return new ChangeResult(errors);
        }

        // The year, the total, the key and the audit entry change together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fiscalYear = await FiscalYears.FindOrCreateAsync(db, year, cancellationToken);
        var before = await db.MunicipalityShares.Where(s => s.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken);
        var totalBefore = fiscalYear.MemberContributionTotal;
        fiscalYear.MemberContributionTotal = total;
        db.MunicipalityShares.RemoveRange(before);
        db.MunicipalityShares.AddRange(key.Select(k => new MunicipalityShare { FiscalYearId = fiscalYear.Id, MemberId = k.Member.Id, Percent = k.Percent }));
        audit.Add(AuditAction.Update, "MemberContributions", year.ToString(CultureInfo.InvariantCulture),
            $"medlemsbidrag {(totalBefore is { } t ? SwedishFormat.Kronor(t) : "inget")} → {SwedishFormat.Kronor(total)}; nyckel: "
            + string.Join(", ", key.Select(k => $"{k.Member.Name} {SwedishFormat.Number(k.Percent, 2)} %")));
        var result = await db.SaveAsync(cancellationToken);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
