using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Statements;

namespace Finsam.UnitTests.Economy;

/// <summary>A hand-made ledger whose statements are worked out by hand in the comments.</summary>
public sealed class FinancialStatementsTests
{
    private static readonly AccountMappingRule[] Rules = [.. AccountMappingRule.Defaults];

    private static Dictionary<string, decimal> Opening() => new()
    {
        ["1220"] = 100_000m,        // inventarier
        ["1510"] = 400_000m,        // kundfordringar
        ["1930"] = 13_506_000m,     // bank
        ["2050"] = -12_906_000m,    // eget kapital
        ["2440"] = -1_100_000m,     // leverantörsskulder
    };

    private static Dictionary<string, decimal> Results() => new()
    {
        ["3010"] = -27_000_000m,    // medlemsbidrag
        ["3510"] = -1_000_000m,     // ESF
        ["4010"] = 5_000_000m,      // personal
        ["7010"] = 22_500_000m,     // köpta tjänster
        ["7810"] = 50_000m,         // avskrivningar
        ["8410"] = -10_000m,        // ränteintäkter
        ["8510"] = 2_000m,          // räntekostnader
    };

    // Årets resultat: 28 000 000 − 27 500 000 − 50 000 + 10 000 − 2 000 = 458 000.
    // Inventarier: 100 000 + 30 000 bought − 50 000 depreciated = 80 000. Bank balances the ledger: 14 384 000.
    private static Dictionary<string, decimal> Closing() => new()
    {
        ["1220"] = 80_000m,
        ["1510"] = 300_000m,
        ["1930"] = 14_384_000m,
        ["2050"] = -12_906_000m,
        ["2440"] = -1_400_000m,
    };

    private static FinancialStatements Build(Dictionary<string, decimal>? closing = null, Dictionary<string, decimal>? results = null, LedgerFigures? previous = null) =>
        FinancialStatements.Build(new LedgerFigures(2025, Opening(), closing ?? Closing(), results ?? Results()), Rules, previous);

    [Fact]
    public void The_income_statement_has_income_positive_and_costs_negative()
    {
        var income = Build().Income;
        Assert.Equal(28_000_000m, income.OperatingIncome);
        Assert.Equal(-27_500_000m, income.OperatingCosts);
        Assert.Equal(-50_000m, income.Depreciation);
        Assert.Equal(450_000m, income.OperatingResult);
        Assert.Equal(10_000m, income.FinancialIncome);
        Assert.Equal(-2_000m, income.FinancialCosts);
        Assert.Equal(458_000m, income.ResultAfterFinancialItems);
        Assert.Equal(458_000m, income.ResultForTheYear);
    }

    [Fact]
    public void The_balance_sheet_includes_the_unbooked_result_in_equity_and_balances()
    {
        var statements = Build();
        var closing = statements.Closing;
        Assert.Equal(80_000m, closing.FixedAssets);
        Assert.Equal(300_000m, closing.ShortTermReceivables);
        Assert.Equal(14_384_000m, closing.CashAndBank);
        Assert.Equal(14_764_000m, closing.TotalAssets);
        Assert.Equal(13_364_000m, closing.Equity);      // 12 906 000 + 458 000
        Assert.Equal(458_000m, closing.ResultForTheYear);
        Assert.Equal(1_400_000m, closing.ShortTermLiabilities);
        Assert.Equal(14_764_000m, closing.TotalEquityAndLiabilities);
        Assert.Equal(14_006_000m, statements.Opening.TotalAssets);
        Assert.True(statements.AllChecksPass, string.Join("; ", statements.Checks.Where(c => !c.Passed).Select(c => c.Name)));
    }

    [Fact]
    public void The_cash_flow_statement_is_derived_and_ends_in_the_balance_sheets_cash()
    {
        var flow = Build().CashFlow;
        Assert.Equal(458_000m, flow.ResultForTheYear);
        Assert.Equal(50_000m, flow.DepreciationAddedBack);
        Assert.Equal(100_000m, flow.ChangeInReceivablesAndInventories);   // receivables fell: cash came in
        Assert.Equal(300_000m, flow.ChangeInShortTermLiabilities);
        Assert.Equal(908_000m, flow.FromOperatingActivities);
        Assert.Equal(-30_000m, flow.Investments);
        Assert.Equal(0m, flow.FromFinancingActivities);
        Assert.Equal(878_000m, flow.CashFlowForTheYear);
        Assert.Equal(13_506_000m, flow.CashAtStart);
        Assert.Equal(14_384_000m, flow.CashAtEnd);
    }

    [Fact]
    public void A_result_already_booked_to_equity_is_not_counted_twice()
    {
        var results = Results();
        results["8999"] = 458_000m;          // bokslut: årets resultat moved to equity
        var closing = Closing();
        closing["2099"] = -458_000m;
        var statements = Build(closing, results);
        Assert.Equal(13_364_000m, statements.Closing.Equity);
        Assert.Equal(458_000m, statements.Income.ResultForTheYear);
        Assert.True(statements.AllChecksPass);
    }

    [Fact]
    public void An_inconsistent_ledger_fails_the_checks_with_the_amounts_involved()
    {
        var closing = Closing();
        closing["1930"] = 14_385_000m;       // one thousand too much in the bank
        var statements = Build(closing);

        Assert.False(statements.AllChecksPass);
        var balance = statements.Checks.Single(c => c.Name == "Balansräkningen balanserar");
        Assert.False(balance.Passed);
        Assert.Equal((14_765_000m, 14_764_000m), (balance.Expected, balance.Actual));
        var cash = statements.Checks.Single(c => c.Name.StartsWith("Likvida medel vid årets slut", StringComparison.Ordinal));
        Assert.False(cash.Passed);
        Assert.Equal((14_385_000m, 14_384_000m), (cash.Expected, cash.Actual));
    }

    [Fact]
    public void Unmapped_accounts_with_balances_are_listed()
    {
        var results = Results();
        results["8210"] = -5_000m;
        var statements = Build(results: results);
        Assert.Equal("8210", Assert.Single(statements.Unmapped).Account);
        var check = statements.Checks[0];
        Assert.False(check.Passed);
        Assert.Equal("Konton utan mappning: 8210.", check.Explanation);
    }

    [Fact]
    public void Opening_cash_that_differs_from_last_years_closing_cash_is_caught()
    {
        // As in a published report: last year's balance sheet said 13 606,0 tkr, this year's start says 13 506,0.
        var previous = new LedgerFigures(2024, new Dictionary<string, decimal>(), new Dictionary<string, decimal> { ["1930"] = 13_606_000m, ["1510"] = 400_000m, ["1220"] = 100_000m }, new Dictionary<string, decimal>());
        var check = Build(previous: previous).Checks.Single(c => c.Name == "Likvida medel vid årets början är lika med föregående års kassa och bank");
        Assert.False(check.Passed);
        Assert.Equal((13_606_000m, 13_506_000m), (check.Expected, check.Actual));
    }

    [Theory]
    [InlineData("1930", StatementLine.CashAndBank)]
    [InlineData("7810", StatementLine.Depreciation)]
    [InlineData("7010", StatementLine.OperatingCosts)]
    [InlineData("30100", StatementLine.OperatingIncome)]
    [InlineData("2099", StatementLine.Equity)]
    [InlineData("8999", StatementLine.ResultTransfer)]
    public void The_longest_matching_prefix_decides(string account, StatementLine line) =>
        Assert.Equal(line, AccountMappingRule.Resolve(Rules, account));

    [Fact]
    public void An_account_outside_every_rule_has_no_line() => Assert.Null(AccountMappingRule.Resolve(Rules, "8010"));

    private static readonly Dictionary<string, OperatingUnit> Units = new()
    {
        ["P31"] = new("P31", "Samverkansteam", Domain.Insatser.InsatsKind.Individual),
    };

    private static readonly MemberContributions.Contribution[] NoContributions = [];

    [Fact]
    public void Notes_sum_to_their_lines_and_project_costs_are_checked_against_the_income_statement()
    {
        var statements = Build();
        var names = new Dictionary<string, string> { ["3010"] = "Medlemsbidrag", ["3510"] = "ESF-bidrag" };
        ResultLine[] lines = [new("4010", "P31", 5_000_000m), new("7010", "P31", 15_000_000m), new("7010", null, 7_500_000m), new("3010", null, -27_000_000m)];
        var notes = StatementNotes.Build(new LedgerFigures(2025, Opening(), Closing(), Results()), statements, Rules, names, lines, Units, NoContributions);

        var income = notes.Single(n => n.Title == "Verksamhetens intäkter");
        Assert.Equal([("3010 Medlemsbidrag", 27_000_000m), ("3510 ESF-bidrag", 1_000_000m)], income.Rows.Select(r => (r.Text, r.Amount)));
        Assert.Equal(1_400_000m, notes.Single(n => n.Title == "Kortfristiga skulder").Sum);
        var costs = notes.Single(n => n.Title == "Verksamhetens kostnader per projektkod");
        Assert.Equal([("Samverkansteam – P31", -20_000_000m), ("Utan projektkod", -7_500_000m)], costs.Rows.Select(r => (r.Text, r.Amount)));
        Assert.All(notes, n => Assert.True(n.Check.Passed, n.Title));

        // Vouchers that do not add up to the booked results: the note's check fails with both amounts.
        var incomplete = StatementNotes.Build(
            new LedgerFigures(2025, Opening(), Closing(), Results()), statements, Rules, names, lines.Where(l => l.ObjectCode is not null).ToList(), Units, NoContributions);
        var check = incomplete.Single(n => n.Title.EndsWith("per projektkod", StringComparison.Ordinal)).Check;
        Assert.False(check.Passed);
        Assert.Equal((-27_500_000m, -20_000_000m), (check.Expected, check.Actual));
        Assert.Equal("Noten verksamhetens kostnader per projektkod summerar till raden verksamhetens kostnader", check.Name);
    }

    [Fact]
    public void Without_vouchers_there_is_no_project_note() =>
        Assert.DoesNotContain(
            StatementNotes.Build(new LedgerFigures(2025, Opening(), Closing(), Results()), Build(), Rules, new Dictionary<string, string>(), null, Units, NoContributions),
            n => n.Title.EndsWith("per projektkod", StringComparison.Ordinal));

    [Fact]
    public void The_income_note_per_member_takes_the_decided_contributions_and_coded_grants_and_must_equal_the_income_line()
    {
        var state = new Domain.Organisation.Member { Name = "Försäkringskassan", Kind = Domain.Organisation.MemberKind.SocialInsuranceAgency };
        var region = new Domain.Organisation.Member { Name = "Region Norrsund", Kind = Domain.Organisation.MemberKind.Region };
        var town = new Domain.Organisation.Member { Name = "Norrsunds kommun", Kind = Domain.Organisation.MemberKind.Municipality };
        MemberContributions.Contribution[] Decided(decimal total) =>
            [new(state, 50m, total / 2), new(region, 25m, total / 4), new(town, 25m, total / 4)];
        ResultLine[] lines = [new("3010", null, -27_000_000m), new("3510", "P31", -1_000_000m), new("7010", "P31", 27_500_000m)];

        var notes = StatementNotes.Build(new LedgerFigures(2025, Opening(), Closing(), Results()), Build(), Rules, new Dictionary<string, string>(), lines, Units, Decided(27_000_000m));
        var perMember = notes.Single(n => n.Title == "Verksamhetens intäkter per medlem och projekt");
        Assert.Equal(
            [("Medlemsbidrag Försäkringskassan", 13_500_000m), ("Medlemsbidrag Region Norrsund", 6_750_000m), ("Medlemsbidrag Norrsunds kommun", 6_750_000m), ("Samverkansteam – P31 (projektintäkter)", 1_000_000m)],
            perMember.Rows.Select(r => (r.Text, r.Amount)));
        Assert.True(perMember.Check.Passed);

        // A decided total that differs from what was booked: the check shows the difference.
        var wrong = StatementNotes.Build(new LedgerFigures(2025, Opening(), Closing(), Results()), Build(), Rules, new Dictionary<string, string>(), lines, Units, Decided(26_000_000m))
            .Single(n => n.Title == "Verksamhetens intäkter per medlem och projekt").Check;
        Assert.False(wrong.Passed);
        Assert.Equal((28_000_000m, 27_000_000m), (wrong.Expected, wrong.Actual));
    }
}
