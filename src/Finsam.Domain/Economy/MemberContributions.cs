using Finsam.Domain.Organisation;

namespace Finsam.Domain.Economy;

/// <summary>
/// The members' contributions (medlemsbidrag) of a year: the state pays 50 % (through Försäkringskassan),
/// the region 25 % and the municipalities 25 %, split among them by the year's key (law 2003:1210, 8 §).
/// Arbetsförmedlingen is a member but pays through the state's share.
/// </summary>
public static class MemberContributions
{
    public const decimal StateShare = 50m;
    public const decimal RegionShare = 25m;
    public const decimal MunicipalityShare = 25m;

    /// <param name="Member">The member.</param>
    /// <param name="PercentOfTotal">The member's share of the total, in percent.</param>
    /// <param name="Amount">Kronor, rounded to öre; the amounts add up to the total exactly.</param>
    public sealed record Contribution(Member Member, decimal PercentOfTotal, decimal Amount);

    /// <summary>A problem with the key, in Swedish.</summary>
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
        }

        var sum = municipalityKey.Sum(k => k.Percent);
        if (municipalityKey.Count > 0 && sum != 100m)
        {
            problems.Add($"Kommunernas andelar ska tillsammans vara 100 %, inte {sum.ToString("0.##", Formatting.SwedishFormat.Culture)} %.");
        }

        return problems;
    }

    /// <summary>Each member's contribution of the total. The key must be valid (<see cref="CheckKey"/>).</summary>
    public static IReadOnlyList<Contribution> Compute(
        decimal total,
        IReadOnlyCollection<Member> members,
        IReadOnlyCollection<(Member Member, decimal Percent)> municipalityKey)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(municipalityKey);
        if (CheckKey(municipalityKey) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(municipalityKey));
        }

        var regions = members.Where(m => m.Kind == MemberKind.Region).ToList();
        var state = members.FirstOrDefault(m => m.Kind == MemberKind.SocialInsuranceAgency);
        var shares = new List<(Member Member, decimal Percent)>();
        foreach (var member in members)
        {
            var percent = member.Kind switch
            {
                MemberKind.SocialInsuranceAgency when member == state => StateShare,
                MemberKind.Region => RegionShare / regions.Count,
                MemberKind.Municipality => MunicipalityShare * municipalityKey.Where(k => k.Member == member).Sum(k => k.Percent) / 100m,
                _ => 0m,
            };
            shares.Add((member, percent));
        }

        var contributions = shares.Select(s => new Contribution(s.Member, s.Percent, Math.Round(total * s.Percent / 100m, 2, MidpointRounding.AwayFromZero))).ToList();

        // Rounding to öre may leave a few öre; the largest contribution takes them, so the parts add up to the total.
        var covered = shares.Sum(s => s.Percent) == 100m;
        var remainder = total - contributions.Sum(c => c.Amount);
        if (covered && remainder != 0m && contributions.Count > 0)
        {
            var largest = contributions.IndexOf(contributions.MaxBy(c => c.Amount)!);
            contributions[largest] = contributions[largest] with { Amount = contributions[largest].Amount + remainder };
        }

        return contributions;
    }
}

/// <summary>A municipality's share of the municipalities' 25 % in one fiscal year.</summary>
public class MunicipalityShare
{
    public int Id { get; set; }

    public int FiscalYearId { get; set; }

    public int MemberId { get; set; }

    public Member? Member { get; set; }

    /// <summary>Percent of the municipalities' part, e.g. 47.</summary>
    public decimal Percent { get; set; }
}
