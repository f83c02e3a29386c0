namespace Finsam.Web.Features.Economy;

/// <summary>One municipality's share of the contribution key, as typed.</summary>
public sealed class ShareInput
{
    public int MemberId { get; set; }

    public string Name { get; set; } = "";

    public string? Percent { get; set; }
}

/// <summary>The year's member contribution and the municipalities' key, as typed.</summary>
public sealed class ContributionInput
{
    public string? Total { get; set; }

    public List<ShareInput> Shares { get; set; } = [];
}

/// <summary>
/// The balanskrav adjustments as entered (kronor), in the order of <see cref="Domain.Economy.Statements.BalanceRequirement.Build"/>, and the
/// year's ansvarsförbindelser, entered on the same form.
/// </summary>
public sealed class AdjustmentsInput
{
    public string? RealisationGains { get; set; }

    public string? RealisationGainsByException { get; set; }

    public string? RealisationLossesByException { get; set; }

    public string? UnrealisedLossesOnSecurities { get; set; }

    public string? ReversedUnrealisedLosses { get; set; }

    public string? ContingentLiabilities { get; set; }
}
