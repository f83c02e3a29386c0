namespace Finsam.Domain.Economy.Statements;

/// <summary>
/// The adjustments of a year's result for the balanskrav (LKBR 2018:597, 11 kap.), entered per year in kronor
/// because they are decisions and valuations, not something the ledger's accounts tell apart. All default to zero.
/// </summary>
public class BalanceRequirementAdjustments
{
    /// <summary>Samtliga realisationsvinster (deducted).</summary>
    public decimal RealisationGains { get; set; }

    /// <summary>Realisationsvinster enligt undantagsmöjlighet (added back).</summary>
    public decimal RealisationGainsByException { get; set; }

    /// <summary>Realisationsförluster enligt undantagsmöjlighet (added).</summary>
    public decimal RealisationLossesByException { get; set; }

    /// <summary>Orealiserade förluster i värdepapper (added).</summary>
    public decimal UnrealisedLossesOnSecurities { get; set; }

    /// <summary>Återföring av orealiserade förluster i värdepapper (deducted).</summary>
    public decimal ReversedUnrealisedLosses { get; set; }

    public bool IsEmpty => RealisationGains == 0m && RealisationGainsByException == 0m && RealisationLossesByException == 0m
        && UnrealisedLossesOnSecurities == 0m && ReversedUnrealisedLosses == 0m;
}

/// <summary>One row of the balanskravsutredning: text and signed amount.</summary>
public sealed record BalanceRequirementRow(string Text, decimal Amount);

/// <summary>The balanskravsutredning: årets resultat adjusted to the balanskravsresultat, and whether the requirement is met.</summary>
public sealed record BalanceRequirement(decimal ResultForTheYear, IReadOnlyList<BalanceRequirementRow> Adjustments)
{
    public decimal Result => ResultForTheYear + Adjustments.Sum(a => a.Amount);

    /// <summary>The balanskrav is met when the balanskravsresultat is not negative.</summary>
    public bool IsMet => Result >= 0m;

    public bool HasAdjustments => Adjustments.Any(a => a.Amount != 0m);

    /// <summary>The sentence the annual report uses under the table.</summary>
    public string Statement => HasAdjustments
        ? IsMet ? "Balanskravet är uppfyllt." : "Balanskravet är inte uppfyllt: balanskravsresultatet är negativt och ska återställas enligt 11 kap. 12 § LKBR."
        : "Förbundet har inga realisationsvinster, realisationsförluster, orealiserade vinster eller förluster. Balanskravsresultatet är därmed detsamma som årets resultat enligt resultaträkningen."
          + (IsMet ? "" : " Balanskravet är inte uppfyllt.");

    public static BalanceRequirement Build(decimal resultForTheYear, BalanceRequirementAdjustments? adjustments)
    {
        var a = adjustments ?? new BalanceRequirementAdjustments();
        return new BalanceRequirement(resultForTheYear,
        [
            new("Samtliga realisationsvinster", -a.RealisationGains),
            new("Realisationsvinster enligt undantagsmöjlighet", a.RealisationGainsByException),
            new("Realisationsförluster enligt undantagsmöjlighet", a.RealisationLossesByException),
            new("Orealiserade förluster i värdepapper", a.UnrealisedLossesOnSecurities),
            new("Återföring av orealiserade förluster i värdepapper", -a.ReversedUnrealisedLosses),
        ]);
    }
}
