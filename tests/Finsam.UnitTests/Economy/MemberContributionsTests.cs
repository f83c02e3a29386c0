using Finsam.Domain.Economy;
using Finsam.Domain.Organisation;

namespace Finsam.UnitTests.Economy;

public sealed class MemberContributionsTests
{
    private static readonly Member Fk = new() { Id = 1, Name = "Försäkringskassan", Kind = MemberKind.SocialInsuranceAgency };
    private static readonly Member Af = new() { Id = 2, Name = "Arbetsförmedlingen", Kind = MemberKind.PublicEmploymentService };
    private static readonly Member Region = new() { Id = 3, Name = "Region Stockholm", Kind = MemberKind.Region };
    private static readonly Member Botkyrka = new() { Id = 4, Name = "Botkyrka kommun", Kind = MemberKind.Municipality };
    private static readonly Member Huddinge = new() { Id = 5, Name = "Huddinge kommun", Kind = MemberKind.Municipality };
    private static readonly Member Salem = new() { Id = 6, Name = "Salems kommun", Kind = MemberKind.Municipality };
    private static readonly Member[] Members = [Fk, Af, Region, Botkyrka, Huddinge, Salem];

    /// <summary>The 2020 report's key: two municipalities 47 % each, one 6 %.</summary>
    private static readonly (Member, decimal)[] Key2020 = [(Botkyrka, 47m), (Huddinge, 47m), (Salem, 6m)];

    [Fact]
    public void The_state_pays_half_the_region_a_quarter_and_the_municipalities_a_quarter_by_the_key()
    {
        var result = MemberContributions.Compute(10_000_000m, Members, Key2020).ToDictionary(c => c.Member, c => c);

        Assert.Equal(5_000_000m, result[Fk].Amount);
        Assert.Equal(0m, result[Af].Amount);
        Assert.Equal(2_500_000m, result[Region].Amount);
        Assert.Equal(1_175_000m, result[Botkyrka].Amount);
        Assert.Equal(1_175_000m, result[Huddinge].Amount);
        Assert.Equal(150_000m, result[Salem].Amount);
        Assert.Equal(1.5m, result[Salem].PercentOfTotal);
        Assert.Equal(10_000_000m, result.Values.Sum(c => c.Amount));
    }

    [Fact]
    public void Rounding_never_loses_an_ore()
    {
        (Member, decimal)[] thirds = [(Botkyrka, 33.33m), (Huddinge, 33.33m), (Salem, 33.34m)];
        var result = MemberContributions.Compute(1_000_000.01m, Members, thirds);
        Assert.Equal(1_000_000.01m, result.Sum(c => c.Amount));
        Assert.All(result, c => Assert.Equal(c.Amount, Math.Round(c.Amount, 2)));
    }

    [Fact]
    public void A_key_that_does_not_add_up_is_refused_in_swedish()
    {
        (Member, decimal)[] bad = [(Botkyrka, 47m), (Huddinge, 47m), (Region, 5m)];
        var problems = MemberContributions.CheckKey(bad);
        Assert.Contains("Region Stockholm är inte en kommun och ingår inte i kommunernas fördelningsnyckel.", problems);
        Assert.Contains("Kommunernas andelar ska tillsammans vara 100 %, inte 99 %.", problems);
        Assert.Throws<ArgumentException>(() => MemberContributions.Compute(1m, Members, bad));
    }
}
