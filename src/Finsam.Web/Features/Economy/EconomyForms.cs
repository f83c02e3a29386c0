namespace Finsam.Web.Features.Economy;

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
