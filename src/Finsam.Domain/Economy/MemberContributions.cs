using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;

namespace Finsam.Domain.Economy;

/// <summary>
/// The members' contributions (medlemsbidrag) of a year. By law the state pays half (through Försäkringskassan;
/// Arbetsförmedlingen is a member but pays through the state's share, law 2003:1210, 8 §). The other half is split
/// between the region(s) and the municipalities as the förbundsordning says for the year (<see cref="ContributionSplit"/>,
/// e.g. region 25 % / municipalities 25 %, or 30 % / 20 % of the total), and the municipalities' part by the year's key
/// (<see cref="MunicipalityShare"/>), which may have many decimals. A förbund that decides amounts per member instead
/// enters them (<see cref="MemberContributionAmount"/>).
/// Amounts are rounded to öre by the largest remainder, so they always add up to the total exactly.
/// </summary>
public static class MemberContributions
{
    /// <summary>The state's share of the total, in percent, fixed by law.</summary>
    public const decimal StatePercent = 50m;

    /// <summary>The most decimals a percentage (split or key) may have.</summary>
    public const int MaxPercentDecimals = 10;

    /// <param name="Member">The member.</param>
    /// <param name="PercentOfTotal">The member's share of the total, in percent.</param>
    /// <param name="Amount">Kronor, rounded to öre; the amounts add up to the total exactly.</param>
    public sealed record Contribution(Member Member, decimal PercentOfTotal, decimal Amount);

    /// <summary>Problems with the split of the non-state half between region(s) and municipalities, in Swedish.</summary>
    public static IReadOnlyList<string> CheckSplit(decimal regionPercent, decimal municipalityPercent)
    {
        var problems = new List<string>();
        if (regionPercent < 0m || municipalityPercent < 0m)
        {
            problems.Add("Regionens och kommunernas andelar kan inte vara negativa.");
        }

        if (Decimals(regionPercent) > MaxPercentDecimals || Decimals(municipalityPercent) > MaxPercentDecimals)
        {
            problems.Add($"Andelarna får ha högst {MaxPercentDecimals} decimaler.");
        }

        var sum = regionPercent + municipalityPercent;
        if (sum != 100m - StatePercent)
        {
            problems.Add($"Regionens och kommunernas andelar ska tillsammans vara {Exact(100m - StatePercent)} % av medlemsbidragen (staten betalar hälften enligt lag), inte {Exact(sum)} %.");
        }

        return problems;
    }

    /// <summary>A problem with the municipalities' key, in Swedish; the message states the key's sum with every decimal.</summary>
    public static IReadOnlyList<string> CheckKey(IReadOnlyCollection<(Member Member, decimal Percent)> municipalityKey)
    {
        ArgumentNullException.ThrowIfNull(municipalityKey);
        var problems = new List<string>();
        foreach (var (member, percent) in municipalityKey)
        {
            if (member.Kind != MemberKind.Municipality)
            {
                problems.Add($"{member.Name} är inte en kommun och ingår inte i kommunernas fördelningsnyckel.");
            }

            if (percent is < 0m or > 100m)
            {
                problems.Add($"Andelen för {member.Name} ska vara mellan 0 och 100 %.");
            }

            if (Decimals(percent) > MaxPercentDecimals)
            {
                problems.Add($"Andelen för {member.Name} får ha högst {MaxPercentDecimals} decimaler.");
            }
        }

        if (municipalityKey.GroupBy(k => k.Member).Any(g => g.Count() > 1))
        {
            problems.Add("En kommun finns två gånger i fördelningsnyckeln.");
        }

        var sum = municipalityKey.Sum(k => k.Percent);
        if (municipalityKey.Count > 0 && sum != 100m)
        {
            problems.Add($"Kommunernas andelar ska tillsammans vara 100 %, inte {Exact(sum)} %.");
        }

        return problems;
    }

    /// <summary>
    /// Each member's contribution of the total by the year's split and key. The region's part is shared equally by the
    /// regions; a member that is neither the state nor a region nor in the key gets nothing. The split and the key must
    /// be valid (<see cref="CheckSplit"/>, <see cref="CheckKey"/>).
    /// </summary>
    public static IReadOnlyList<Contribution> Compute(
        decimal total,
        IReadOnlyCollection<Member> members,
        decimal regionPercent,
        decimal municipalityPercent,
        IReadOnlyCollection<(Member Member, decimal Percent)> municipalityKey)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(municipalityKey);
        if (CheckSplit(regionPercent, municipalityPercent).Concat(CheckKey(municipalityKey)).ToList() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(municipalityKey));
        }

        var regions = members.Count(m => m.Kind == MemberKind.Region);
        var state = members.FirstOrDefault(m => m.Kind == MemberKind.SocialInsuranceAgency);
        var percents = members.Select(member => member.Kind switch
        {
            MemberKind.SocialInsuranceAgency when member == state => StatePercent,
            MemberKind.Region => regionPercent / regions,
            MemberKind.Municipality => municipalityPercent * municipalityKey.Where(k => k.Member == member).Sum(k => k.Percent) / 100m,
            _ => 0m,
        }).ToList();

        // The parts of the total that have a payer; all of it when the state, a region and the key's municipalities are members.
        var covered = percents.Sum();
        var coveredTotal = covered >= 100m - 0.000_000_001m ? total : Math.Round(total * covered / 100m, 2, MidpointRounding.AwayFromZero);
        var amounts = Allocate(coveredTotal, percents, members.ToList());
        return members.Select((m, i) => new Contribution(m, percents[i], amounts[i])).ToList();
    }

    /// <summary>
    /// The contributions a förbund decided as amounts per member (every member given, 0 for those without an amount).
    /// Each member's share of the total is its amount's.
    /// </summary>
    public static IReadOnlyList<Contribution> FromAmounts(IReadOnlyCollection<Member> members, IReadOnlyCollection<(Member Member, decimal Amount)> amounts)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(amounts);
        var total = amounts.Sum(a => a.Amount);
        return members.Select(m =>
        {
            var amount = amounts.Where(a => a.Member == m).Sum(a => a.Amount);
            return new Contribution(m, total == 0m ? 0m : amount * 100m / total, amount);
        }).ToList();
    }

    /// <summary>
    /// Problems with contributions decided as amounts, in Swedish: a negative amount, more than two decimals, or a
    /// state share (Försäkringskassan and Arbetsförmedlingen) that is not half the total.
    /// </summary>
    public static IReadOnlyList<string> CheckAmounts(IReadOnlyCollection<(Member Member, decimal Amount)> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var problems = new List<string>();
        foreach (var (member, amount) in amounts)
        {
            if (amount < 0m)
            {
                problems.Add($"Beloppet för {member.Name} kan inte vara negativt.");
            }
            else if (Decimals(amount) > 2)
            {
                problems.Add($"Beloppet för {member.Name} ska anges i kronor med högst två decimaler (ören).");
            }
        }

        var total = amounts.Sum(a => a.Amount);
        var state = amounts.Where(a => a.Member.Kind is MemberKind.SocialInsuranceAgency or MemberKind.PublicEmploymentService).Sum(a => a.Amount);
        if (total <= 0m)
        {
            problems.Add("Ange medlemsbidraget för minst en medlem.");
        }
        else if (state * 2m != total)
        {
            problems.Add($"Staten (Försäkringskassan) ska enligt lag betala hälften av medlemsbidragen, {SwedishFormat.Number(total / 2m, 2)} kr av {SwedishFormat.Number(total, 2)} kr, inte {SwedishFormat.Number(state, 2)} kr.");
        }

        return problems;
    }

    /// <summary>
    /// Splits <paramref name="total"/> (kronor with at most two decimals) in proportion to <paramref name="weights"/> into
    /// öre by the largest remainder: each part is its exact share rounded down, and the öre left go one each to the parts
    /// with the largest remainders; equal remainders go to the larger share, then in the order of <paramref name="members"/>
    /// sorted by kind, name and id. The parts add up to the total exactly.
    /// </summary>
    public static IReadOnlyList<decimal> Allocate(decimal total, IReadOnlyList<decimal> weights, IReadOnlyList<Member> members)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(members);
        if (Decimals(total) > 2)
        {
            throw new ArgumentException("Totalen ska anges i kronor med högst två decimaler.", nameof(total));
        }

        var sum = weights.Sum();
        var parts = new decimal[weights.Count];
        if (sum <= 0m || weights.Count == 0)
        {
            return parts;
        }

        var ore = total * 100m;
        var remainders = new decimal[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = ore * (weights[i] / sum);
            parts[i] = Math.Floor(exact);
            remainders[i] = exact - parts[i];
        }

        var left = (int)(ore - parts.Sum());
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i]).ThenByDescending(i => weights[i])
            .ThenBy(i => i < members.Count ? (int)members[i].Kind : int.MaxValue)
            .ThenBy(i => i < members.Count ? members[i].Name : "", StringComparer.Ordinal)
            .ThenBy(i => i < members.Count ? members[i].Id : i)
            .ThenBy(i => i)
            .ToList();
        for (var k = 0; k < left; k++)
        {
            parts[order[k % order.Count]] += 1m;
        }

        return parts.Select(p => p / 100m).ToList();
    }

    /// <summary>A percentage with every decimal it has and no trailing zeros, e.g. "47,1234567".</summary>
    public static string Exact(decimal value) => value.ToString("0.############################", SwedishFormat.Culture);

    /// <summary>The number of decimals a value has, not counting trailing zeros.</summary>
    public static int Decimals(decimal value)
    {
        value /= 1.0000000000000000000000000000m;
        return (decimal.GetBits(value)[3] >> 16) & 0xFF;
    }
}

/// <summary>How a year's contributions are decided: percentages of a total, or an amount per member.</summary>
public enum ContributionMode
{
    Percent = 1,
    Amount = 2,
}

/// <summary>
/// The förbundsordning's split of a year's contributions (one per fiscal year): in <see cref="ContributionMode.Percent"/>
/// the state's fixed half, the region(s)' and the municipalities' shares of the total (adding up to 50 %), with the
/// municipalities' key in <see cref="MunicipalityShare"/>; in <see cref="ContributionMode.Amount"/> the amounts in
/// <see cref="MemberContributionAmount"/>.
/// </summary>
public class ContributionSplit : IVersioned
{
    public int Id { get; set; }

    public int FiscalYearId { get; set; }

    public ContributionMode Mode { get; set; } = ContributionMode.Percent;

    /// <summary>The region(s)' share of the total, in percent (e.g. 25 or 30).</summary>
    public decimal RegionPercent { get; set; }

    /// <summary>The municipalities' share of the total, in percent (e.g. 25 or 20).</summary>
    public decimal MunicipalityPercent { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A municipality's share of the municipalities' part in one fiscal year, with the decimals it was decided with.</summary>
public class MunicipalityShare
{
    public int Id { get; set; }

    public int FiscalYearId { get; set; }

    public int MemberId { get; set; }

    public Member? Member { get; set; }

    /// <summary>Percent of the municipalities' part, e.g. 47 or 31,4159265.</summary>
    public decimal Percent { get; set; }
}

/// <summary>A member's contribution in a year whose contributions are decided as amounts (<see cref="ContributionMode.Amount"/>).</summary>
public class MemberContributionAmount
{
    public int Id { get; set; }

    public int FiscalYearId { get; set; }

    public int MemberId { get; set; }

    public Member? Member { get; set; }

    /// <summary>Kronor, to the öre.</summary>
    public decimal Amount { get; set; }
}
