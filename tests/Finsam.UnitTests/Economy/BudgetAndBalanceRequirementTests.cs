using Finsam.Domain.Economy.Budget;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Insatser;
using Finsam.Domain.Participants.Import;

namespace Finsam.UnitTests.Economy;

public sealed class BudgetAndBalanceRequirementTests
{
    private static readonly Insats[] Insatser =
    [
        new() { Id = 1, Code = "P2", Name = "Kansli", Kind = InsatsKind.Administration },
        new() { Id = 2, Code = "P25", Name = "MIA", Kind = InsatsKind.Individual },
        new() { Id = 3, Code = "P31", Name = "Metodstöd", Kind = InsatsKind.Structural },
    ];

    private static (BudgetEntry? Entry, List<RowError> Errors) Parse(BudgetRowParser parser, string category, string code, string income, string cost, string comment = "", int line = 2)
    {
        var errors = new List<RowError>();
        var values = new Dictionary<string, string>
        {
            [BudgetFileFormat.Category] = category,
            [BudgetFileFormat.ProjectCode] = code,
            [BudgetFileFormat.Income] = income,
            [BudgetFileFormat.Cost] = cost,
            [BudgetFileFormat.Comment] = comment,
        };
        return (parser.Parse(line, c => values.GetValueOrDefault(c, ""), errors), errors);
    }

    [Fact]
    public void A_line_names_an_insats_whose_category_follows_from_its_kind()
    {
        var (entry, errors) = Parse(new BudgetRowParser(Insatser), "", "p25", "1 000 000", "19 000 000,50", "ESF");
        Assert.Empty(errors);
        Assert.Equal(new BudgetEntry(OperatingCategory.IndividualInsatser, 2, 1_000_000m, 19_000_000.50m, "ESF"), entry);
    }

    [Fact]
    public void Member_income_and_unallocated_costs_are_budgeted_without_an_insats()
    {
        var parser = new BudgetRowParser(Insatser);
        Assert.Equal(new BudgetEntry(OperatingCategory.MemberIncome, null, 27_000_000m, 0m, null), Parse(parser, "Intäkter från medlemmarna", "", "27000000", "").Entry);
        Assert.Equal(OperatingCategory.Unallocated, Parse(parser, "Ej fördelat på insats", "", "", "100").Entry!.Category);
    }

    [Theory]
    [InlineData("", "P99", "1", "1", "Projektkod", "Ingen insats har projektkoden \"P99\".")]
    [InlineData("Strukturinriktade insatser", "P25", "1", "1", "Kategori", "P25 MIA hör till kategorin Individinriktade insatser, inte Strukturinriktade insatser.")]
    [InlineData("Administration", "", "1", "1", "Projektkod", "Kategorin Administration budgeteras per insats: ange projektkoden.")]
    [InlineData("", "", "1", "1", "Projektkod", "Ange projektkoden för en insats, eller en kategori utan projektkod.")]
    [InlineData("Okänd", "", "1", "1", "Kategori", "\"Okänd\" är ingen kategori. Välj bland: Intäkter från medlemmarna, Administration, Individinriktade insatser, Strukturinriktade insatser, Ej fördelat på insats, Finansiella poster.")]
    [InlineData("", "P25", "-5", "1", "Intäkt", "\"-5\" är inget belopp i kronor (0 eller mer, högst två decimaler).")]
    [InlineData("", "P25", "1", "12,345", "Kostnad", "\"12,345\" är inget belopp i kronor (0 eller mer, högst två decimaler).")]
    [InlineData("", "P25", "1", "tio", "Kostnad", "\"tio\" är inget belopp i kronor (0 eller mer, högst två decimaler).")]
    public void A_wrong_line_is_refused_naming_the_line_and_column(string category, string code, string income, string cost, string column, string message)
    {
        var (entry, errors) = Parse(new BudgetRowParser(Insatser), category, code, income, cost, line: 7);
        Assert.Null(entry);
        Assert.Contains(new RowError(7, column, message), errors);
    }

    [Fact]
    public void The_same_insats_or_category_twice_is_refused()
    {
        var parser = new BudgetRowParser(Insatser);
        Assert.NotNull(Parse(parser, "", "P2", "", "100").Entry);
        Assert.Equal([new RowError(3, "Projektkod", "P2 finns redan på en tidigare rad.")], Parse(parser, "", "P2", "", "200", line: 3).Errors);
        Assert.NotNull(Parse(parser, "Intäkter från medlemmarna", "", "1", "").Entry);
        Assert.Equal("Kategorin Intäkter från medlemmarna finns redan på en tidigare rad.", Parse(parser, "Intäkter från medlemmarna", "", "2", "", line: 4).Errors.Single().Message);
    }

    [Fact]
    public void Without_adjustments_the_balance_requirement_result_is_the_year_result()
    {
        var requirement = BalanceRequirement.Build(3_340_300m, null);
        Assert.Equal(3_340_300m, requirement.Result);
        Assert.True(requirement.IsMet);
        Assert.False(requirement.HasAdjustments);
        Assert.StartsWith("Förbundet har inga realisationsvinster", requirement.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Realisation_gains_are_deducted_and_losses_by_exception_added()
    {
        var requirement = BalanceRequirement.Build(100_000m, new BalanceRequirementAdjustments
        {
            RealisationGains = 150_000m,
            RealisationGainsByException = 20_000m,
            RealisationLossesByException = 5_000m,
            UnrealisedLossesOnSecurities = 1_000m,
            ReversedUnrealisedLosses = 500m,
        });
        Assert.Equal([-150_000m, 20_000m, 5_000m, 1_000m, -500m], requirement.Adjustments.Select(a => a.Amount));
        Assert.Equal(-24_500m, requirement.Result);
        Assert.False(requirement.IsMet);
        Assert.StartsWith("Balanskravet är inte uppfyllt", requirement.Statement, StringComparison.Ordinal);
    }
}
