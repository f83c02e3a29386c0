using Finsam.Domain.Economy.Sie;
using Finsam.Domain.Organisation;

namespace Finsam.Domain.Economy;

/// <summary>An income account of the ledger without a project code: number, name and the year's amount as income (positive).</summary>
public sealed record IncomeAccount(string Account, string Name, decimal Amount);

/// <summary>A member's contribution as decided and as booked; <see cref="Booked"/> is null when no account is the member's.</summary>
public sealed record MemberContributionComparison(Member Member, decimal Decided, decimal? Booked, IReadOnlyList<string> Accounts)
{
    public decimal? Difference => Booked is { } booked ? booked - Decided : null;

    public bool Matches => Difference == 0m;

    public string Describe() => Booked is { } booked
        ? booked == Decided
            ? $"{Member.Name}: bokfört {Money.Kr(booked)} (konto {string.Join(", ", Accounts)}) är lika med beslutat medlemsbidrag."
            : $"{Member.Name}: bokfört {Money.Kr(booked)} (konto {string.Join(", ", Accounts)}), beslutat {Money.Kr(Decided)}, skillnad {Money.Kr(booked - Decided)}."
        : $"{Member.Name}: beslutat {Money.Kr(Decided)}, men inget intäktskonto bär medlemmens namn, så det bokförda bidraget kan inte jämföras.";
}

/// <summary>
/// Compares each member's booked contribution with its decided contribution. The ledger tells members apart by
/// account: a förbund that books each member's contribution on its own income account names it after the member
/// ("Driftbidrag från Huddinge kommun", "Bidrag Region Stockholm"; the state's share "… från staten" or "…
/// Försäkringskassan"). An account is the member's when its name contains the member's name (or, for
/// Försäkringskassan, "staten"). When no account is any member's (all contributions on one account), the comparison
/// per member cannot be made and the result is empty: the total is then compared as before.
/// </summary>
public static class BookedContributions
{
    public static IReadOnlyList<MemberContributionComparison> Compare(
        IReadOnlyCollection<MemberContributions.Contribution> decided, IReadOnlyCollection<IncomeAccount> income)
    {
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentNullException.ThrowIfNull(income);
        var owner = income.ToDictionary(a => a.Account, a => decided.Where(c => Belongs(a.Name, c.Member)).Select(c => c.Member).ToList(), StringComparer.Ordinal);
        if (!owner.Values.Any(m => m.Count == 1))
        {
            return [];
        }

        return decided.Select(c =>
        {
            var accounts = income.Where(a => owner[a.Account] is [var only] && only == c.Member).OrderBy(a => a.Account, StringComparer.Ordinal).ToList();
            return new MemberContributionComparison(c.Member, c.Amount, accounts.Count == 0 ? null : accounts.Sum(a => a.Amount), accounts.Select(a => a.Account).ToList());
        }).ToList();
    }

    private static bool Belongs(string accountName, Member member)
    {
        if (accountName.Contains(member.Name, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "Huddinge kommun" in "Bidrag Huddinge", "Region Stockholm" in "Bidrag från Stockholm": the member's distinctive word.
        var distinctive = member.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Equals("kommun", StringComparison.OrdinalIgnoreCase) && !w.Equals("region", StringComparison.OrdinalIgnoreCase)
                && !w.Equals("regionen", StringComparison.OrdinalIgnoreCase) && w.Length >= 4)
            .ToList();
        return member.Kind switch
        {
            MemberKind.SocialInsuranceAgency => accountName.Contains("staten", StringComparison.OrdinalIgnoreCase),
            MemberKind.Municipality => distinctive.Any(w => ContainsWord(accountName, w.TrimEnd('s'))) && accountName.Contains("kommun", StringComparison.OrdinalIgnoreCase),
            MemberKind.Region => distinctive.Any(w => ContainsWord(accountName, w)) && (accountName.Contains("region", StringComparison.OrdinalIgnoreCase) || accountName.Contains("landsting", StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
    }

    private static bool ContainsWord(string text, string word) =>
        text.Split([' ', ',', '.', '-', '/'], StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(word, StringComparison.OrdinalIgnoreCase));
}
