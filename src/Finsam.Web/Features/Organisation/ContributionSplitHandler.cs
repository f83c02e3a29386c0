using System.Globalization;
using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;
using Finsam.Web.Auditing;
using Finsam.Web.Features.Economy;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>
/// Sets a year's split of the members' contributions as the förbundsordning decides it: in percent (the total, the
/// region's and the municipalities' shares of it, the state's half being fixed by law, and the municipalities' key with
/// the decimals it was decided with) or as an amount per member. Refused for a closed year; version-checked; audited
/// in the same save as the change.
/// </summary>
public sealed class ContributionSplitHandler(FinsamDbContext db, AuditLog audit)
{
    /// <summary>
    /// The year's split as stored, for filling the form (percentages with every decimal they were decided with). A year
    /// without a split is proposed the previous year's mode, shares and key, as förbundsordningar rarely change; its
    /// version stays empty, so saving it creates the year's split.
    /// </summary>
    public async Task<ContributionSplitInput> FormAsync(int year, CancellationToken cancellationToken)
    {
        var form = await StoredFormAsync(year, cancellationToken);
        if (form.Version == Guid.Empty && form.RegionPercent is null)
        {
            var previous = await StoredFormAsync(year - 1, cancellationToken);
            form.Mode = previous.Mode;
            form.RegionPercent = previous.RegionPercent;
            form.MunicipalityPercent = previous.MunicipalityPercent;
            foreach (var share in form.Shares)
            {
                share.Percent ??= previous.Shares.FirstOrDefault(s => s.MemberId == share.MemberId)?.Percent;
            }
        }

        return form;
    }

    private async Task<ContributionSplitInput> StoredFormAsync(int year, CancellationToken cancellationToken)
    {
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var split = fiscalYear is null ? null : await db.ContributionSplits.AsNoTracking().SingleOrDefaultAsync(s => s.FiscalYearId == fiscalYear.Id, cancellationToken);
        var members = await db.MembersOfYearAsync(year, cancellationToken);
        var shares = fiscalYear is null ? [] : await db.MunicipalityShares.AsNoTracking().Where(s => s.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken);
        var amounts = fiscalYear is null ? [] : await db.MemberContributionAmounts.AsNoTracking().Where(a => a.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken);
        return new ContributionSplitInput
        {
            Mode = split?.Mode ?? ContributionMode.Percent,
            Total = fiscalYear?.MemberContributionTotal is { } total ? SwedishFormat.Number(total, 2) : null,
            RegionPercent = split is null ? null : ContributionSplitInput.Exact(split.RegionPercent),
            MunicipalityPercent = split is null ? null : ContributionSplitInput.Exact(split.MunicipalityPercent),
            Shares = members.Where(m => m.Kind == MemberKind.Municipality).Select(m => new KeyShareInput
            {
                MemberId = m.Id,
                Name = m.Name,
                Percent = shares.FirstOrDefault(s => s.MemberId == m.Id) is { } s ? ContributionSplitInput.Exact(s.Percent) : null,
            }).ToList(),
            Amounts = members.Select(m => new MemberAmountInput
            {
                MemberId = m.Id,
                Name = m.Name,
                Amount = amounts.FirstOrDefault(a => a.MemberId == m.Id) is { } a ? SwedishFormat.Number(a.Amount, 2) : null,
            }).ToList(),
            Version = split?.Version ?? Guid.Empty,
        };
    }

    public async Task<ChangeResult> SaveAsync(int year, ContributionSplitInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!YearFilter.InRange(year))
        {
            return ChangeResult.Refused("", YearFilter.RangeMessage);
        }

        if (await WritePath.ValidateAsync(new ContributionSplitInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (await db.RefuseClosedYearAsync(year, cancellationToken) is { } closed)
        {
            return closed;
        }

        var members = await db.MembersOfYearAsync(year, cancellationToken);
        var errors = new List<FieldError>();
        var key = new List<(Member Member, decimal Percent)>();
        var amounts = new List<(Member Member, decimal Amount)>();
        decimal total = 0m, regionPercent = 0m, municipalityPercent = 0m;
        if (input.Mode == ContributionMode.Percent)
        {
            total = ContributionSplitInput.Parse(input.Total)!.Value;
            regionPercent = ContributionSplitInput.Parse(input.RegionPercent)!.Value;
            municipalityPercent = ContributionSplitInput.Parse(input.MunicipalityPercent)!.Value;
            errors.AddRange(MemberContributions.CheckSplit(regionPercent, municipalityPercent).Select(p => new FieldError(nameof(input.RegionPercent), p)));
            if (regionPercent > 0m && !members.Any(m => m.Kind == MemberKind.Region))
            {
                errors.Add(new(nameof(input.RegionPercent), $"Regionens andel är {MemberContributions.Exact(regionPercent)} %, men förbundet har ingen region som medlem {year}."));
            }

            foreach (var share in input.Shares)
            {
                var member = members.FirstOrDefault(m => m.Id == share.MemberId);
                if (member is null)
                {
                    errors.Add(new(nameof(input.Shares), $"{(string.IsNullOrEmpty(share.Name) ? "En kommun i nyckeln" : share.Name)} är inte medlem {year}."));
                }
                else
                {
                    key.Add((member, ContributionSplitInput.Parse(share.Percent)!.Value));
                }
            }

            if (municipalityPercent > 0m && key.Count == 0)
            {
                errors.Add(new(nameof(input.Shares), $"Ange kommunernas fördelningsnyckel för {year}."));
            }

            errors.AddRange(MemberContributions.CheckKey(key).Select(p => new FieldError(nameof(input.Shares), p)));
        }
        else
        {
            foreach (var entered in input.Amounts.Where(a => !string.IsNullOrWhiteSpace(a.Amount)))
            {
                var member = members.FirstOrDefault(m => m.Id == entered.MemberId);
                if (member is null)
                {
                    errors.Add(new(nameof(input.Amounts), $"{(string.IsNullOrEmpty(entered.Name) ? "En medlem" : entered.Name)} är inte medlem {year}."));
                }
                else
                {
                    amounts.Add((member, ContributionSplitInput.Parse(entered.Amount)!.Value));
                }
            }

            errors.AddRange(MemberContributions.CheckAmounts(amounts).Select(p => new FieldError(nameof(input.Amounts), p)));
            total = amounts.Sum(a => a.Amount);
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(errors);
        }

        // The year, its split, the key or amounts and the audit entry change together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fiscalYear = await FiscalYears.FindOrCreateAsync(db, year, cancellationToken);
        var split = await db.ContributionSplits.SingleOrDefaultAsync(s => s.FiscalYearId == fiscalYear.Id, cancellationToken);
        if (split is not null && db.CheckVersion(split, input.Version) is { } stale)
        {
            return stale;
        }

        split ??= db.ContributionSplits.Add(new ContributionSplit { FiscalYearId = fiscalYear.Id }).Entity;
        if (db.Entry(split).State == EntityState.Unchanged)
        {
            // The split's version guards the whole decision (key and amounts too): it is renewed by every save.
            db.Entry(split).State = EntityState.Modified;
        }

        split.Mode = input.Mode;
        split.RegionPercent = regionPercent;
        split.MunicipalityPercent = municipalityPercent;
        fiscalYear.MemberContributionTotal = total;
        db.MunicipalityShares.RemoveRange(await db.MunicipalityShares.Where(s => s.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken));
        db.MemberContributionAmounts.RemoveRange(await db.MemberContributionAmounts.Where(a => a.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken));
        db.MunicipalityShares.AddRange(key.Select(k => new MunicipalityShare { FiscalYearId = fiscalYear.Id, MemberId = k.Member.Id, Percent = k.Percent }));
        db.MemberContributionAmounts.AddRange(amounts.Select(a => new MemberContributionAmount { FiscalYearId = fiscalYear.Id, MemberId = a.Member.Id, Amount = a.Amount }));
        audit.Add(AuditAction.Update, "ContributionSplit", year.ToString(CultureInfo.InvariantCulture), input.Mode == ContributionMode.Percent
            ? $"medlemsbidrag {SwedishFormat.Kronor(total)}: staten {MemberContributions.Exact(MemberContributions.StatePercent)} %, region {MemberContributions.Exact(regionPercent)} %, kommuner {MemberContributions.Exact(municipalityPercent)} %; nyckel: "
              + string.Join(", ", key.Select(k => $"{k.Member.Name} {MemberContributions.Exact(k.Percent)} %"))
            : $"medlemsbidrag som belopp, totalt {SwedishFormat.Kronor(total)}: " + string.Join(", ", amounts.Select(a => $"{a.Member.Name} {SwedishFormat.Number(a.Amount, 2)} kr")));
        var result = await db.SaveAsync(cancellationToken);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
