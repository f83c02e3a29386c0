using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Insatser;

namespace Finsam.UnitTests.Economy;

/// <summary>
/// The driftsredovisning of a hand-made year. Result lines per account and project code (debit positive):
/// 3010 −27 000 000 (members, no code), 3510 −1 000 000 (ESF, P25), 4010 2 000 000 (P2) and 3 000 000 (P25),
/// 7010 15 000 000 (P25), 4 000 000 (P31), 1 000 000 (P99, no insats) and 2 500 000 (no code), 7810 50 000,
/// 8410 −10 000 and 8510 2 000 (no code). Årets resultat 458 000.
/// </summary>
public sealed class OperatingStatementTests
{
    private static readonly AccountMappingRule[] Rules = [.. AccountMappingRule.Defaults];

    private static readonly Dictionary<string, OperatingUnit> Units = new()
    {
        ["P2"] = new("P2", "Kansli", InsatsKind.Administration),
        ["P25"] = new("P25", "MIA", InsatsKind.Individual),
        ["P31"] = new("P31", "Metodstöd", InsatsKind.Structural),
        ["P40"] = new("P40", "Utbildning", InsatsKind.Structural),
    };

    private static readonly Dictionary<string, string> AccountNames = new() { ["3010"] = "Medlemsbidrag", ["8410"] = "Ränteintäkter" };

    private static List<ResultLine> Lines() =>
    [
        new("3010", null, -27_000_000m),
        new("3510", "P25", -1_000_000m),
        new("4010", "P2", 2_000_000m),
        new("4010", "P25", 3_000_000m),
        new("7010", "P25", 15_000_000m),
        new("7010", "P31", 4_000_000m),
        new("7010", "P99", 1_000_000m),
        new("7010", null, 2_500_000m),
        new("7810", null, 50_000m),
        new("8410", null, -10_000m),
        new("8510", null, 2_000m),
        new("8910", null, 458_000m), // the closing entry moving the result to equity: not part of the driftsredovisning
    ];

    private static readonly IncomeStatement Income = new(28_000_000m, -27_500_000m, -50_000m, 10_000m, -2_000m, 0m);

    private static OperatingStatement Build(List<ResultLine>? lines = null, IReadOnlyCollection<BudgetAmount>? budget = null, List<ResultLine>? previous = null) =>
        OperatingStatement.Build(2025, lines ?? Lines(), previous, budget ?? [], Rules, Units, AccountNames, Income);

    private static (string Text, decimal Income, decimal Cost, decimal Net)[] RowsOf(OperatingStatement statement, OperatingCategory category) =>
        statement.Categories.Single(c => c.Category == category).Rows.Select(r => (r.Text, r.Actual.Income, r.Actual.Cost, r.Actual.Net)).ToArray();

    [Fact]
    public void Amounts_are_placed_by_insats_category_and_operating_income_without_code_is_member_income()
    {
        var statement = Build();
        Assert.Equal(
            [OperatingCategory.MemberIncome, OperatingCategory.Administration, OperatingCategory.IndividualInsatser, OperatingCategory.StructuralInsatser, OperatingCategory.Unallocated, OperatingCategory.FinancialItems],
            statement.Categories.Select(c => c.Category));
        Assert.Equal([("3010 Medlemsbidrag", 27_000_000m, 0m, 27_000_000m)], RowsOf(statement, OperatingCategory.MemberIncome));
        Assert.Equal([("Kansli – P2", 0m, 2_000_000m, -2_000_000m)], RowsOf(statement, OperatingCategory.Administration));
        Assert.Equal([("MIA – P25", 1_000_000m, 18_000_000m, -17_000_000m)], RowsOf(statement, OperatingCategory.IndividualInsatser));
        Assert.Equal([("Metodstöd – P31", 0m, 4_000_000m, -4_000_000m)], RowsOf(statement, OperatingCategory.StructuralInsatser));
        Assert.Equal(
            [("P99 (projektkod utan insats)", 0m, 1_000_000m, -1_000_000m), ("Kostnader utan projektkod", 0m, 2_550_000m, -2_550_000m)],
            RowsOf(statement, OperatingCategory.Unallocated));
        Assert.Equal([("8410 Ränteintäkter", 10_000m, 0m, 10_000m), ("8510", 0m, 2_000m, -2_000m)], RowsOf(statement, OperatingCategory.FinancialItems));
    }

    [Fact]
    public void Interest_and_other_financial_items_never_count_as_the_members_income_in_either_chart()
    {
        // Kommun-Bas: 84 financial income, 85 financial costs. A BAS company chart: 83 interest income, 84 interest costs.
        List<ResultLine> lines = [new("3010", null, -1_000m), new("8310", null, -30m), new("8410", null, 20m), new("8510", null, 5m), new("4010", "P25", 900m)];
        var names = new Dictionary<string, string> { ["3010"] = "Medlemsbidrag" };
        foreach (var rules in new[] { Rules, [.. Finsam.Domain.Economy.Sie.ChartOfAccounts.BasCompanyRules] })
        {
            var results = lines.ToDictionary(l => l.Account, l => l.Amount);
            var income = FinancialStatements.Build(new LedgerFigures(2025, new Dictionary<string, decimal>(), new Dictionary<string, decimal>(), results), rules).Income;
            var statement = OperatingStatement.Build(2025, lines, null, [], rules, Units, names, income);
            Assert.Equal([("3010 Medlemsbidrag", 1_000m, 0m, 1_000m)], RowsOf(statement, OperatingCategory.MemberIncome));
            Assert.All(statement.Checks, c => Assert.True(c.Passed, c.Name));
        }

        var bas = OperatingStatement.Build(2025, lines, null, [], [.. Finsam.Domain.Economy.Sie.ChartOfAccounts.BasCompanyRules], Units, names,
            new IncomeStatement(1_000m, -900m, 0m, 30m, -20m, 0m));
        // 8410 (räntekostnader in BAS) is a cost; 8510 has no line in a BAS chart and is left to the unmapped-accounts check.
        Assert.Equal([("8310", 30m, 0m, 30m), ("8410", 0m, 20m, -20m)], RowsOf(bas, OperatingCategory.FinancialItems));
    }

    [Fact]
    public void Totals_equal_the_income_statement_and_both_checks_pass()
    {
        var statement = Build();
        Assert.Equal(new OperatingFigures(28_010_000m, 27_552_000m), statement.Actual);
        Assert.Equal(458_000m, statement.Actual.Net);
        Assert.All(statement.Checks, c => Assert.True(c.Passed, c.Name));
        Assert.Equal(7.3m, statement.AdministrationCostPercent); // 2 000 000 / 27 552 000
    }

    [Fact]
    public void Vouchers_that_miss_an_amount_fail_the_check_with_both_amounts()
    {
        var statement = Build(Lines().Where(l => l.ObjectCode != "P99").ToList());
        var check = statement.Checks.Single(c => c.Name == "Driftsredovisningens netto är lika med årets resultat");
        Assert.False(check.Passed);
        Assert.Equal((458_000m, 1_458_000m), (check.Expected, check.Actual));
        Assert.True(statement.Checks.Single(c => c.Name.Contains("intäkter", StringComparison.Ordinal)).Passed);
    }

    [Fact]
    public void Budget_gives_deviation_per_insats_category_and_total_and_a_budgeted_insats_without_outcome_gets_a_row()
    {
        BudgetAmount[] budget =
        [
            new(OperatingCategory.MemberIncome, null, new(27_000_000m, 0m)),
            new(OperatingCategory.Administration, "P2", new(0m, 2_200_000m)),
            new(OperatingCategory.IndividualInsatser, "P25", new(1_000_000m, 19_000_000m)),
            new(OperatingCategory.StructuralInsatser, "P40", new(0m, 500_000m)),
        ];
        var statement = Build(budget: budget);

        var mia = statement.Categories.Single(c => c.Category == OperatingCategory.IndividualInsatser).Rows.Single();
        Assert.Equal((-18_000_000m, 1_000_000m), (mia.Budget!.Value.Net, mia.Deviation!.Value));

        var structural = statement.Categories.Single(c => c.Category == OperatingCategory.StructuralInsatser);
        var education = structural.Rows.Single(r => r.Key == "P40");
        Assert.Equal((0m, -500_000m, 500_000m), (education.Actual.Net, education.Budget!.Value.Net, education.Deviation!.Value));
        Assert.Equal((-4_000_000m, -500_000m, -3_500_000m), (structural.Actual.Net, structural.Budget!.Value.Net, structural.Deviation!.Value));

        var members = statement.Categories.Single(c => c.Category == OperatingCategory.MemberIncome);
        Assert.Null(members.Rows[0].Budget);
        Assert.Equal(0m, members.Deviation);
        Assert.Null(statement.Categories.Single(c => c.Category == OperatingCategory.Unallocated).Budget);

        Assert.Equal(new OperatingFigures(28_000_000m, 21_700_000m), statement.Budget);
        Assert.Equal(458_000m - 6_300_000m, statement.Deviation);
    }

    [Fact]
    public void The_previous_year_is_shown_per_row_and_in_total()
    {
        var statement = Build(previous: [new("3010", null, -26_000_000m), new("7010", "P25", 20_000_000m)]);
        var members = statement.Categories.Single(c => c.Category == OperatingCategory.MemberIncome);
        Assert.Equal(26_000_000m, members.Rows.Single(r => r.Key == "3010").Previous!.Value.Income);
        Assert.Equal(0m, statement.Categories.Single(c => c.Category == OperatingCategory.FinancialItems).Rows.Single(r => r.Key == "8410").Previous!.Value.Income);
        Assert.Equal(-20_000_000m, statement.Categories.Single(c => c.Category == OperatingCategory.IndividualInsatser).Previous!.Value.Net);
        Assert.Equal(new OperatingFigures(26_000_000m, 20_000_000m), statement.Previous);
    }

    [Fact]
    public void Without_budget_or_previous_year_those_columns_are_empty()
    {
        var statement = Build();
        Assert.Null(statement.Budget);
        Assert.Null(statement.Previous);
        Assert.All(statement.Categories.SelectMany(c => c.Rows), r => Assert.Null(r.Deviation));
    }

    [Theory]
    [InlineData("P2", "P10", -1)]
    [InlineData("P10", "P9", 1)]
    [InlineData("A1", "P1", -1)]
    [InlineData("P25", "P25", 0)]
    public void Project_codes_sort_by_their_number(string x, string y, int expected) =>
        Assert.Equal(expected, Math.Sign(NaturalCodeComparer.Instance.Compare(x, y)));
}
