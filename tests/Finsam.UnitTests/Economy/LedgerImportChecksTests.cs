using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Sie;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Organisation;

namespace Finsam.UnitTests.Economy;

/// <summary>The checks of a ledger import: chart and mapping, dates, opening balances per account, dimension, members' contributions.</summary>
public sealed class LedgerImportChecksTests
{
    [Theory]
    [InlineData("BAS2014", ChartFamily.BasCompany)]
    [InlineData("EUBAS97", ChartFamily.BasCompany)]
    [InlineData("BAS95", ChartFamily.BasCompany)]
    [InlineData("bas96", ChartFamily.BasCompany)]
    [InlineData("KB", ChartFamily.KommunBas)]
    [InlineData("KB13", ChartFamily.KommunBas)]
    [InlineData(null, ChartFamily.NotStated)]
    [InlineData("EGEN", ChartFamily.Unknown)]
    public void The_chart_is_read_from_kptyp(string? kptyp, ChartFamily family) =>
        Assert.Equal(family, ChartOfAccounts.FromKptyp(kptyp).Family);

    private static readonly Dictionary<string, string> BasAccounts = new()
    {
        ["1930"] = "Bank", ["2010"] = "Eget kapital", ["3010"] = "Bidrag från medlemmarna", ["5010"] = "Lokalhyra",
        ["8310"] = "Ränteintäkter", ["8410"] = "Räntekostnader", ["8999"] = "Årets resultat",
    };

    [Fact]
    public void A_bas_company_chart_gets_a_proposal_that_makes_8410_an_interest_cost_and_83_interest_income()
    {
        var proposal = MappingProposal.For(ChartOfAccounts.FromKptyp("BAS2014"), AccountMappingRule.Defaults, BasAccounts);
        Assert.Equal(
            [new AccountMove("8310", "Ränteintäkter", null, StatementLine.FinancialIncome), new AccountMove("8410", "Räntekostnader", StatementLine.FinancialIncome, StatementLine.FinancialCosts)],
            proposal.Moves);
        Assert.Equal([new ProposedRule("83", StatementLine.FinancialIncome, null), new ProposedRule("84", StatementLine.FinancialCosts, StatementLine.FinancialIncome)], proposal.Rules);

        // Saved, the proposal fits: the same file proposes nothing more, and 8410 is a financial cost in the resultaträkning.
        var saved = AccountMappingRule.Defaults.Where(r => r.Prefix != "84").Concat(proposal.Rules.Select(r => new AccountMappingRule { Prefix = r.Prefix, Line = r.Line })).ToList();
        Assert.True(MappingProposal.For(ChartOfAccounts.FromKptyp("BAS2014"), saved, BasAccounts).IsEmpty);
        var income = FinancialStatements.Build(
            new LedgerFigures(2025, new Dictionary<string, decimal>(), new Dictionary<string, decimal>(), new Dictionary<string, decimal> { ["3010"] = -100m, ["8310"] = -7m, ["8410"] = 3m }), saved).Income;
        Assert.Equal((7m, -3m, 104m), (income.FinancialIncome, income.FinancialCosts, income.ResultForTheYear));
    }

    [Fact]
    public void A_kommun_bas_chart_or_a_file_without_kptyp_proposes_nothing_with_the_default_mapping()
    {
        Assert.True(MappingProposal.For(ChartOfAccounts.FromKptyp("KB13"), AccountMappingRule.Defaults, BasAccounts).IsEmpty);
        Assert.True(MappingProposal.For(ChartOfAccounts.FromKptyp(null), AccountMappingRule.Defaults, BasAccounts).IsEmpty);
    }

    [Fact]
    public void A_longer_saved_rule_that_would_still_win_is_changed_too()
    {
        AccountMappingRule[] saved = [.. AccountMappingRule.Defaults, new() { Prefix = "8410", Line = StatementLine.FinancialIncome }];
        var proposal = MappingProposal.For(ChartOfAccounts.FromKptyp("BAS2014"), saved, new Dictionary<string, string> { ["8410"] = "Räntekostnader" });
        Assert.Contains(new ProposedRule("8410", StatementLine.FinancialCosts, StatementLine.FinancialIncome), proposal.Rules);
    }

    [Theory]
    [InlineData("20250101", "20251231", 0, 0)]
    [InlineData("20240701", "20251231", 0, 1)]   // 18 months: a lawful extended first year, a warning
    [InlineData("20250701", "20260630", 0, 1)]   // a broken year: a warning
    [InlineData("20240601", "20251231", 1, 0)]   // 19 months: refused
    [InlineData("20250115", "20251231", 1, 0)]   // not from a month's first day: refused
    [InlineData("20250101", "20251230", 1, 0)]   // not to a month's last day: refused
    public void A_fiscal_year_that_is_not_whole_months_or_longer_than_18_months_is_refused_and_an_odd_length_warned(string start, string end, int errors, int warnings)
    {
        static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var review = LedgerFileChecks.Review(new SieFiscalYear(0, D(start), D(end)));
        Assert.Equal((errors, warnings), (review.Errors.Count, review.Warnings.Count));
        Assert.All(review.Errors.Concat(review.Warnings), m => Assert.Contains("#RAR 0", m, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2003, false)]
    [InlineData(2004, true)]
    [InlineData(2027, true)]
    [InlineData(2028, false)]
    [InlineData(9999, false)]
    public void A_fiscal_year_before_the_law_or_after_next_year_is_refused(int year, bool accepted)
    {
        var review = LedgerFileChecks.Review(new SieFiscalYear(0, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), latestYear: 2027);
        Assert.Equal(accepted, review.Errors.Count == 0);
        if (!accepted)
        {
            Assert.Contains("är inte ett år som förbundet kan ha bokföring för (2004–2027)", Assert.Single(review.Errors), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Vouchers_outside_the_year_are_listed_with_series_number_date_and_amount()
    {
        var year = new SieFiscalYear(0, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var inside = new SieVoucher("A", "1", new DateOnly(2025, 6, 1), null, 10);
        var outside = new SieVoucher("B", "7", new DateOnly(2026, 1, 3), null, 40);
        outside.Transactions.Add(new SieTransaction("5010", [], 1_250.50m, null, null, 42));
        outside.Transactions.Add(new SieTransaction("1930", [], -1_250.50m, null, null, 43));
        Assert.Null(LedgerFileChecks.OutsideYear(inside, year));
        var found = LedgerFileChecks.OutsideYear(outside, year)!;
        Assert.Equal(new VoucherOutsideYear("B", "7", new DateOnly(2026, 1, 3), 1_250.50m, 40), found);
        var lines = LedgerFileChecks.Describe([found], year);
        Assert.Equal("Rad 40: verifikation B 7 är daterad 2026-01-03, utanför räkenskapsåret (1 250,50 kr).", Plain(lines[1]));
        Assert.StartsWith("1 verifikationer är daterade utanför räkenskapsåret 2025-01-01 – 2025-12-31", lines[0], StringComparison.Ordinal);
    }

    private static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u2212', '-');

    private static bool IsEquity(string account) => account.StartsWith("20", StringComparison.Ordinal);

    [Fact]
    public void Opening_balances_are_compared_per_account_so_differences_that_cancel_out_are_found()
    {
        var closing2024 = new Dictionary<string, decimal> { ["1930"] = 1_000m, ["2050"] = -600m, ["2440"] = -400m };
        var opening2025 = new Dictionary<string, decimal> { ["1930"] = 1_000m, ["2050"] = -500m, ["2440"] = -500m };   // equity +100, liability −100: the totals agree
        var differences = OpeningBalanceCheck.Compare(opening2025, closing2024, IsEquity, 0m);
        Assert.Equal([new OpeningBalanceDifference("2050", -600m, -500m), new OpeningBalanceDifference("2440", -400m, -500m)], differences);
        Assert.Equal("Konto 2050: utgående balans 2024 -600,00 kr, ingående balans 2025 -500,00 kr (skillnad 100,00 kr).", Plain(differences[0].Describe(2025)));
    }

    [Fact]
    public void An_account_missing_on_one_side_is_a_difference_and_equal_balances_are_none()
    {
        var closing = new Dictionary<string, decimal> { ["1930"] = 700m, ["1510"] = 300m, ["2050"] = -1_000m };
        Assert.Empty(OpeningBalanceCheck.Compare(closing, closing, IsEquity, 0m));
        var differences = OpeningBalanceCheck.Compare(new Dictionary<string, decimal> { ["1930"] = 1_000m, ["2050"] = -1_000m }, closing, IsEquity, 0m);
        Assert.Equal([new OpeningBalanceDifference("1510", 300m, 0m), new OpeningBalanceDifference("1930", 700m, 1_000m)], differences);
    }

    [Fact]
    public void A_previous_result_not_booked_to_equity_may_move_into_equity_but_only_exactly()
    {
        var closing = new Dictionary<string, decimal> { ["1930"] = 1_250m, ["2050"] = -1_000m, ["2440"] = -250m };
        // The surplus of 250 (booked as credit −250 on the result accounts) moves to equity at the start of the year.
        var opening = new Dictionary<string, decimal> { ["1930"] = 1_250m, ["2050"] = -1_250m };
        var differences = OpeningBalanceCheck.Compare(opening, closing, IsEquity, unbookedResult: -250m);
        Assert.Equal([new OpeningBalanceDifference("2440", -250m, 0m)], differences);   // the liability is still missing

        var wrong = OpeningBalanceCheck.Compare(new Dictionary<string, decimal> { ["1930"] = 1_250m, ["2050"] = -1_200m, ["2440"] = -250m }, closing, IsEquity, -250m);
        Assert.Equal([new OpeningBalanceDifference("2050", -1_000m, -1_200m)], wrong);
    }

    [Fact]
    public void The_statements_check_lists_each_differing_account_with_both_amounts()
    {
        var rules = AccountMappingRule.Defaults;
        var previous = new LedgerFigures(2024, new Dictionary<string, decimal>(), new Dictionary<string, decimal> { ["1930"] = 1_000m, ["2050"] = -600m, ["2440"] = -400m }, new Dictionary<string, decimal>());
        var year = new LedgerFigures(2025, new Dictionary<string, decimal> { ["1930"] = 1_000m, ["2050"] = -500m, ["2440"] = -500m },
            new Dictionary<string, decimal> { ["1930"] = 1_000m, ["2050"] = -500m, ["2440"] = -500m }, new Dictionary<string, decimal>());
        var check = FinancialStatements.Build(year, rules, previous).Checks.Single(c => c.Name.StartsWith("Ingående balanser är lika", StringComparison.Ordinal));
        Assert.False(check.Passed);
        Assert.Contains("Konto 2050: utgående balans 2024", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("Konto 2440: utgående balans 2024", check.Explanation, StringComparison.Ordinal);
        Assert.True(FinancialStatements.Build(year with { Opening = previous.Closing }, rules, previous).Checks.Single(c => c.Name == check.Name).Passed);
    }

    [Fact]
    public void The_dimension_whose_objects_are_insats_codes_is_proposed_and_other_objects_listed_with_amounts()
    {
        var usage = new InsatsDimensionUsage();
        usage.Add([new SieObjectRef(6, "900"), new SieObjectRef(1, "P25")], 1_000m);
        usage.Add([new SieObjectRef(1, "P31")], 500m);
        usage.Add([new SieObjectRef(1, "X9")], 40m);
        usage.Add([new SieObjectRef(1, "X9")], -10m);
        var codes = new HashSet<string>(StringComparer.Ordinal) { "P25", "P31" };
        Assert.Equal(1, usage.Propose(6, codes));
        Assert.Null(usage.Propose(1, codes));
        var unmatched = Assert.Single(usage.Unmatched(1, codes, new Dictionary<(int, string), string> { [(1, "X9")] = "Okänt" }));
        Assert.Equal(new UnmatchedObject(1, "X9", "Okänt", 30m, 2), unmatched);
        Assert.Contains("X9 (Okänt) på dimension 1 är ingen insats projektkod: 2 transaktioner, netto 30,00", Plain(unmatched.Describe()), StringComparison.Ordinal);
    }

    private static readonly Member Fk = new() { Id = 1, Name = "Försäkringskassan", Kind = MemberKind.SocialInsuranceAgency };
    private static readonly Member Region = new() { Id = 2, Name = "Region Stockholm", Kind = MemberKind.Region };
    private static readonly Member Huddinge = new() { Id = 3, Name = "Huddinge kommun", Kind = MemberKind.Municipality };
    private static readonly Member Salem = new() { Id = 4, Name = "Salems kommun", Kind = MemberKind.Municipality };

    [Fact]
    public void Each_members_booked_contribution_is_compared_with_its_decided_one()
    {
        MemberContributions.Contribution[] decided = [new(Fk, 50m, 7_300_000m), new(Region, 25m, 3_650_000m), new(Huddinge, 22.5m, 1_715_500m), new(Salem, 2.5m, 219_000m)];
        IncomeAccount[] income =
        [
            new("3011", "Driftbidrag från staten", 7_300_000m),
            new("3012", "Driftbidrag från Region Stockholm", 3_650_100m),
            new("3013", "Driftbidrag från Huddinge kommun", 1_715_400m),
            new("3014", "Driftbidrag från Salem kommun", 219_000m),
            new("3520", "Bidrag från ESF", 500_000m),
        ];
        var compared = BookedContributions.Compare(decided, income);
        Assert.Equal(
            [("Försäkringskassan", 0m), ("Region Stockholm", 100m), ("Huddinge kommun", -100m), ("Salems kommun", 0m)],
            compared.Select(c => (c.Member.Name, c.Difference!.Value)));
        Assert.Equal(
            "Huddinge kommun: bokfört 1 715 400,00 kr (konto 3013), beslutat 1 715 500,00 kr, skillnad -100,00 kr.",
            Plain(compared[2].Describe()));
    }

    [Fact]
    public void Contributions_booked_on_one_common_account_cannot_be_compared_per_member()
    {
        MemberContributions.Contribution[] decided = [new(Fk, 50m, 100m), new(Huddinge, 50m, 100m)];
        Assert.Empty(BookedContributions.Compare(decided, [new IncomeAccount("3010", "Bidrag från medlemmarna", 200m)]));
        var partly = BookedContributions.Compare(decided, [new IncomeAccount("3011", "Bidrag Försäkringskassan", 100m), new IncomeAccount("3010", "Övriga bidrag", 100m)]);
        Assert.Null(partly.Single(c => c.Member == Huddinge).Booked);
        Assert.Contains("inget intäktskonto bär medlemmens namn", partly.Single(c => c.Member == Huddinge).Describe(), StringComparison.Ordinal);
    }
}
