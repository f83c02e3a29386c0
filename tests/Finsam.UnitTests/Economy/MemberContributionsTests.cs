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

    /// <summary>A population key decided with seven decimals.</summary>
    private static readonly (Member, decimal)[] PopulationKey = [(Botkyrka, 41.3572819m), (Huddinge, 47.1234567m), (Salem, 11.5192614m)];

    [Fact]
    public void The_state_pays_half_and_region_and_municipalities_the_split_of_the_other_half_by_the_key()
    {
        var result = MemberContributions.Compute(10_000_000m, Members, 25m, 25m, Key2020).ToDictionary(c => c.Member, c => c);

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
    public void A_region_paying_30_and_the_municipalities_20_percent_of_the_total()
    {
        var result = MemberContributions.Compute(12_345_678.91m, Members, 30m, 20m, Key2020).ToDictionary(c => c.Member, c => c);

        Assert.Equal(6_172_839.45m, result[Fk].Amount);          // half is 6 172 839,455; three öre are left and go to larger remainders
        Assert.Equal(3_703_703.67m, result[Region].Amount);      // 30 %: 3 703 703,673
        Assert.Equal(1_160_493.82m, result[Botkyrka].Amount);    // 20 % × 47 % = 9,4 %: 1 160 493,81754
        Assert.Equal(12_345_678.91m, result.Values.Sum(c => c.Amount));
        Assert.Equal(30m, result[Region].PercentOfTotal);
        Assert.Equal(9.4m, result[Botkyrka].PercentOfTotal);
        Assert.Equal(1.2m, result[Salem].PercentOfTotal);
    }

    [Theory]
    [InlineData("14000000")]
    [InlineData("1000000.01")]
    [InlineData("9999999.99")]
    [InlineData("0.05")]
    [InlineData("123456789.87")]
    public void Amounts_add_up_to_the_total_to_the_ore_at_a_seven_decimal_key(string totalText)
    {
        var total = decimal.Parse(totalText, System.Globalization.CultureInfo.InvariantCulture);
        var result = MemberContributions.Compute(total, Members, 30m, 20m, PopulationKey);

        Assert.Equal(total, result.Sum(c => c.Amount));
        Assert.All(result, c => Assert.Equal(c.Amount, Math.Round(c.Amount, 2)));
        // Each amount is its exact share rounded down or up by less than one öre.
        Assert.All(result, c => Assert.True(Math.Abs(c.Amount - total * c.PercentOfTotal / 100m) < 0.01m, $"{c.Member.Name}: {c.Amount}"));
    }

    [Fact]
    public void Rounding_never_loses_an_ore_and_ties_are_broken_the_same_way_every_time()
    {
        (Member, decimal)[] thirds = [(Botkyrka, 33.33m), (Huddinge, 33.33m), (Salem, 33.34m)];
        var result = MemberContributions.Compute(1_000_000.01m, Members, 25m, 25m, thirds);
        Assert.Equal(1_000_000.01m, result.Sum(c => c.Amount));
        Assert.All(result, c => Assert.Equal(c.Amount, Math.Round(c.Amount, 2)));

        // Three equal shares of 0,10 kr: 3,33… öre each; the öre left goes by kind, then name.
        var once = MemberContributions.Allocate(0.10m, [1m, 1m, 1m], [Salem, Huddinge, Botkyrka]);
        var again = MemberContributions.Allocate(0.10m, [1m, 1m, 1m], [Salem, Huddinge, Botkyrka]);
        Assert.Equal(once, again);
        Assert.Equal([0.03m, 0.03m, 0.04m], once);          // Botkyrka kommun sorts first and takes the öre
    }

    [Fact]
    public void Several_regions_share_the_regions_part_and_it_still_adds_up()
    {
        var other = new Member { Id = 7, Name = "Region Uppsala", Kind = MemberKind.Region };
        var third = new Member { Id = 8, Name = "Region Västmanland", Kind = MemberKind.Region };
        var result = MemberContributions.Compute(1_000_000m, [.. Members, other, third], 25m, 25m, Key2020);
        Assert.Equal(1_000_000m, result.Sum(c => c.Amount));
        Assert.Equal([83_333.34m, 83_333.33m, 83_333.33m], result.Where(c => c.Member.Kind == MemberKind.Region).Select(c => c.Amount));
    }

    [Fact]
    public void A_key_that_does_not_add_up_is_refused_in_swedish_with_its_sum()
    {
        (Member, decimal)[] bad = [(Botkyrka, 47m), (Huddinge, 47m), (Region, 5m)];
        var problems = MemberContributions.CheckKey(bad);
        Assert.Contains("Region Stockholm är inte en kommun och ingår inte i kommunernas fördelningsnyckel.", problems);
        Assert.Contains("Kommunernas andelar ska tillsammans vara 100 %, inte 99 %.", problems);
        Assert.Throws<ArgumentException>(() => MemberContributions.Compute(1m, Members, 25m, 25m, bad));

        (Member, decimal)[] almost = [(Botkyrka, 41.3572819m), (Huddinge, 47.1234567m), (Salem, 11.5192613m)];
        Assert.Equal(["Kommunernas andelar ska tillsammans vara 100 %, inte 99,9999999 %."], MemberContributions.CheckKey(almost));
    }

    [Fact]
    public void A_split_that_is_not_the_other_half_is_refused_with_its_sum()
    {
        Assert.Empty(MemberContributions.CheckSplit(30m, 20m));
        Assert.Equal(
            ["Regionens och kommunernas andelar ska tillsammans vara 50 % av medlemsbidragen (staten betalar hälften enligt lag), inte 45,5 %."],
            MemberContributions.CheckSplit(25.5m, 20m));
        Assert.Throws<ArgumentException>(() => MemberContributions.Compute(1m, Members, 30m, 30m, Key2020));
    }

    [Fact]
    public void Amounts_decided_per_member_are_taken_as_they_are_and_the_state_must_pay_half()
    {
        (Member, decimal)[] amounts = [(Fk, 5_000_000m), (Region, 3_000_000m), (Botkyrka, 1_200_000.50m), (Huddinge, 799_999.50m)];
        Assert.Empty(MemberContributions.CheckAmounts(amounts));
        var result = MemberContributions.FromAmounts(Members, amounts).ToDictionary(c => c.Member, c => c);
        Assert.Equal(10_000_000m, result.Values.Sum(c => c.Amount));
        Assert.Equal(30m, result[Region].PercentOfTotal);
        Assert.Equal(0m, result[Salem].Amount);

        (Member, decimal)[] wrong = [(Fk, 4_000_000m), (Region, 3_000_000m), (Botkyrka, 2_000_000m)];
        Assert.Equal(
            ["Staten (Försäkringskassan) ska enligt lag betala hälften av medlemsbidragen, 4\u00a0500\u00a0000,00 kr av 9\u00a0000\u00a0000,00 kr, inte 4\u00a0000\u00a0000,00 kr."],
            MemberContributions.CheckAmounts(wrong));
        Assert.Contains("Beloppet för Botkyrka kommun ska anges i kronor med högst två decimaler (ören).",
            MemberContributions.CheckAmounts([(Fk, 1m), (Botkyrka, 0.999m)]));
    }

    [Theory]
    [InlineData("47", 0)]
    [InlineData("47.10", 1)]
    [InlineData("31.4159265", 7)]
    [InlineData("0.0000000001", 10)]
    public void Decimals_ignore_trailing_zeros(string value, int decimals) =>
        Assert.Equal(decimals, MemberContributions.Decimals(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_key_shown_exactly_reads_back_to_the_same_value() =>
        Assert.Equal(47.1234567m, decimal.Parse(MemberContributions.Exact(47.1234567m), Domain.Formatting.SwedishFormat.Culture));
}
