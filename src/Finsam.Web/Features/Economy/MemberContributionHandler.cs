using System.Globalization;
using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

/// <summary>
/// Sets a year's member contribution and the municipalities' key: checked, refused for a closed year, audited. The split
/// between region and municipalities is the year's (<see cref="ContributionSplit"/>, set with the organisation's
/// <c>ContributionSplitHandler</c>); a year without one takes the nearest earlier year's, and a year decided as amounts
/// is changed there.
/// </summary>
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
        var members = await db.MembersOfYearAsync(year, cancellationToken);
        var split = await db.ContributionSplits.AsNoTracking()
            .Join(db.FiscalYears.Where(y => y.Year <= year), s => s.FiscalYearId, y => y.Id, (s, y) => new { y.Year, s.Mode, s.RegionPercent, s.MunicipalityPercent })
            .OrderByDescending(s => s.Year).FirstOrDefaultAsync(cancellationToken);
        if (split is null)
        {
            return ChangeResult.Refused("", $"Förbundsordningens fördelning av medlemsbidragen mellan region och kommuner är inte angiven för {year}. Ange den under förbundets organisation först.");
        }

        if (split.Mode == ContributionMode.Amount)
        {
            return ChangeResult.Refused("", $"Medlemsbidragen för {(split.Year == year ? year : split.Year)} är beslutade som belopp per medlem. Ange medlemsbidragen för {year} under förbundets organisation.");
        }

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
        if (split.Year == year && await db.ContributionSplits.SingleAsync(s => s.FiscalYearId == fiscalYear.Id, cancellationToken) is { } current)
        {
            // The year's decision changes: its version is renewed, so a form opened before is refused as stale.
            db.Entry(current).State = EntityState.Modified;
        }
        else
        {
            // The year takes the nearest earlier year's split, so its figures are computed as that year's were.
            db.ContributionSplits.Add(new ContributionSplit
            {
                FiscalYearId = fiscalYear.Id, Mode = ContributionMode.Percent, RegionPercent = split.RegionPercent, MunicipalityPercent = split.MunicipalityPercent,
            });
        }

        var totalBefore = fiscalYear.MemberContributionTotal;
        fiscalYear.MemberContributionTotal = total;
        db.MunicipalityShares.RemoveRange(before);
        db.MunicipalityShares.AddRange(key.Select(k => new MunicipalityShare { FiscalYearId = fiscalYear.Id, MemberId = k.Member.Id, Percent = k.Percent }));
        audit.Add(AuditAction.Update, "MemberContributions", year.ToString(CultureInfo.InvariantCulture),
            $"medlemsbidrag {(totalBefore is { } t ? SwedishFormat.Kronor(t) : "inget")} → {SwedishFormat.Kronor(total)}; nyckel: "
            + string.Join(", ", key.Select(k => $"{k.Member.Name} {SwedishFormat.Number(k.Percent, Math.Max(2, MemberContributions.Decimals(k.Percent)))} %")));
        var result = await db.SaveAsync(cancellationToken);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
