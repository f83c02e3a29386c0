using System.Globalization;
using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;

namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// The economic tables of a year as report tables: which lines, in which order, and which lines are sums of which.
/// Used by the statements page, the annual report and the auditors' workbook alike. Amounts in kronor, in the
/// statements' signs (see docs/economy.md).
/// </summary>
public static class EconomyTables
{
    private static string Y(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static ReportColumn[] YearColumns(int year, bool withPrevious) => withPrevious
        ? [new("Post", CellKind.Text, 60), new(Y(year), CellKind.Amount, 18), new(Y(year - 1), CellKind.Amount, 18)]
        : [new("Post", CellKind.Text, 60), new(Y(year), CellKind.Amount, 18)];

    public static ReportTable IncomeStatement(int year, IncomeStatement current, IncomeStatement? previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        var t = new TableRows();
        var income = t.Add("Verksamhetens intäkter", current.OperatingIncome, previous?.OperatingIncome);
        var costs = t.Add("Verksamhetens kostnader", current.OperatingCosts, previous?.OperatingCosts);
        var depreciation = t.Add("Avskrivningar", current.Depreciation, previous?.Depreciation);
        var operating = t.Sum("Verksamhetens resultat", income, costs, depreciation);
        var financialIncome = t.Add("Finansiella intäkter", current.FinancialIncome, previous?.FinancialIncome);
        var financialCosts = t.Add("Finansiella kostnader", current.FinancialCosts, previous?.FinancialCosts);
        var afterFinancial = t.Sum("Resultat efter finansiella poster", operating, financialIncome, financialCosts);
        var extraordinary = t.Add("Extraordinära poster", current.ExtraordinaryItems, previous?.ExtraordinaryItems);
        t.Sum("Årets resultat", afterFinancial, extraordinary);
        return new ReportTable("Resultaträkning", $"Resultaträkning {year}", YearColumns(year, previous is not null), t.Rows);
    }

    /// <param name="contingentLiabilities">The year's ansvarsförbindelser as entered, printed under the table ("Inga" when null).</param>
    public static ReportTable BalanceSheet(int year, BalanceSheet current, BalanceSheet? previous, string? contingentLiabilities)
    {
        ArgumentNullException.ThrowIfNull(current);
        var c = current;
        var p = previous;
        var t = new TableRows();
        t.Heading("Tillgångar");
        var fixedAssets = t.Add("Materiella och immateriella anläggningstillgångar", c.FixedAssets, p?.FixedAssets);
        var financialFixed = t.Add("Finansiella anläggningstillgångar", c.FinancialFixedAssets, p?.FinancialFixedAssets);
        var nonCurrent = t.Sum("Summa anläggningstillgångar", fixedAssets, financialFixed);
        var inventories = t.Add("Förråd", c.Inventories, p?.Inventories);
        var receivables = t.Add("Kortfristiga fordringar", c.ShortTermReceivables, p?.ShortTermReceivables);
        var investments = t.Add("Kortfristiga placeringar", c.ShortTermInvestments, p?.ShortTermInvestments);
        var cash = t.Add("Kassa och bank", c.CashAndBank, p?.CashAndBank);
        var current2 = t.Sum("Summa omsättningstillgångar", inventories, receivables, investments, cash);
        t.Sum("Summa tillgångar", nonCurrent, current2);
        t.Heading("Eget kapital, avsättningar och skulder");
        var equity = t.Total("Eget kapital", c.Equity, p?.Equity);
        t.Add("därav årets resultat", c.ResultForTheYear, p?.ResultForTheYear);
        var provisions = t.Add("Avsättningar", c.Provisions, p?.Provisions);
        var longTerm = t.Add("Långfristiga skulder", c.LongTermLiabilities, p?.LongTermLiabilities);
        var shortTerm = t.Add("Kortfristiga skulder", c.ShortTermLiabilities, p?.ShortTermLiabilities);
        var liabilities = t.Sum("Summa skulder", longTerm, shortTerm);
        t.Sum("Summa eget kapital, avsättningar och skulder", equity, provisions, liabilities);
        var columns = p is null
            ? new ReportColumn[] { new("Post", CellKind.Text, 60), new($"{Y(year)}-12-31", CellKind.Amount, 18) }
            : [new("Post", CellKind.Text, 60), new($"{Y(year)}-12-31", CellKind.Amount, 18), new($"{Y(year - 1)}-12-31", CellKind.Amount, 18)];
        return new ReportTable("Balansräkning", $"Balansräkning {year}-12-31", columns, t.Rows, ContingentLiabilities.Note(contingentLiabilities));
    }

    public static ReportTable CashFlow(int year, CashFlowStatement current, CashFlowStatement? previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        var c = current;
        var p = previous;
        var t = new TableRows();
        var result = t.Add("Årets resultat", c.ResultForTheYear, p?.ResultForTheYear);
        var depreciation = t.Add("Justering för avskrivningar", c.DepreciationAddedBack, p?.DepreciationAddedBack);
        var provisions = t.Add("Förändring av avsättningar", c.ChangeInProvisions, p?.ChangeInProvisions);
        var before = t.Sum("Medel från verksamheten före förändring av rörelsekapital", result, depreciation, provisions);
        var receivables = t.Add("Minskning (+) / ökning (−) av kortfristiga fordringar och förråd", c.ChangeInReceivablesAndInventories, p?.ChangeInReceivablesAndInventories);
        var liabilities = t.Add("Ökning (+) / minskning (−) av kortfristiga skulder", c.ChangeInShortTermLiabilities, p?.ChangeInShortTermLiabilities);
        var operating = t.Sum("Kassaflöde från den löpande verksamheten", before, receivables, liabilities);
        var investments = t.Add("Nettoinvesteringar i anläggningstillgångar", c.Investments, p?.Investments);
        var placements = t.Add("Förändring av kortfristiga placeringar", c.ChangeInShortTermInvestments, p?.ChangeInShortTermInvestments);
        var investing = t.Sum("Kassaflöde från investeringsverksamheten", investments, placements);
        var longTerm = t.Add("Förändring av långfristiga skulder", c.ChangeInLongTermLiabilities, p?.ChangeInLongTermLiabilities);
        var equity = t.Add("Övriga förändringar av eget kapital", c.OtherChangesInEquity, p?.OtherChangesInEquity);
        var financing = t.Sum("Kassaflöde från finansieringsverksamheten", longTerm, equity);
        var flow = t.Sum("Årets kassaflöde", operating, investing, financing);
        var start = t.Add("Likvida medel vid årets början", c.CashAtStart, p?.CashAtStart);
        t.Sum("Likvida medel vid årets slut", start, flow);
        return new ReportTable("Kassaflödesanalys", $"Kassaflödesanalys {year}", YearColumns(year, p is not null), t.Rows);
    }

    /// <summary>Each note as a table, numbered from 1, its rows summed.</summary>
    public static IReadOnlyList<ReportTable> Notes(int year, IReadOnlyList<StatementNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return notes.Select((note, i) =>
        {
            var t = new TableRows();
            var rows = note.Rows.Select(r => t.Add(r.Text, r.Amount)).ToArray();
            if (rows.Length == 0)
            {
                t.Total("Summa", 0m);
            }
            else
            {
                t.Sum("Summa", rows);
            }

            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            return new ReportTable($"Not {number} {note.Title}", $"Not {number}. {note.Title}", YearColumns(year, false), t.Rows,
                $"Summan är lika med {note.StatementLineText.ToLowerInvariant()} i räkenskaperna{(note.Check.Passed ? "" : ": STÄMMER INTE")}.");
        }).ToList();
    }

    /// <summary>The driftsredovisning: utfall (intäkt, kostnad, netto), budget netto, avvikelse and last year, per category and insats.</summary>
    public static ReportTable Operating(OperatingStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var hasBudget = statement.Budget is not null;
        var hasPrevious = statement.Previous is not null;
        var columns = new List<ReportColumn>
        {
            new("Kategori och insats", CellKind.Text, 46),
            new($"Intäkt {Y(statement.Year)}", CellKind.Amount, 16),
            new($"Kostnad {Y(statement.Year)}", CellKind.Amount, 16),
            new($"Netto {Y(statement.Year)}", CellKind.Amount, 16) { Difference = (1, 2) },
        };
        if (hasBudget)
        {
            columns.Add(new($"Budget {Y(statement.Year)} netto", CellKind.Amount, 16));
            columns.Add(new("Avvikelse", CellKind.Amount, 16) { Difference = (3, 4) });
        }

        if (hasPrevious)
        {
            var first = columns.Count;
            columns.Add(new($"Intäkt {Y(statement.Year - 1)}", CellKind.Amount, 16));
            columns.Add(new($"Kostnad {Y(statement.Year - 1)}", CellKind.Amount, 16));
            columns.Add(new($"Netto {Y(statement.Year - 1)}", CellKind.Amount, 16) { Difference = (first, first + 1) });
        }

        ReportCell[] Cells(string text, OperatingFigures actual, OperatingFigures? budget, decimal? deviation, OperatingFigures? previous)
        {
            var cells = new List<ReportCell> { text, actual.Income, actual.Cost, actual.Net };
            if (hasBudget)
            {
                cells.Add(ReportCell.Of(budget?.Net));
                cells.Add(ReportCell.Of(deviation));
            }

            if (hasPrevious)
            {
                var p = previous ?? default;
                cells.AddRange([p.Income, p.Cost, p.Net]);
            }

            return [.. cells];
        }

        var t = new TableRows();
        var sums = new List<int>();
        foreach (var block in statement.Categories)
        {
            t.Heading(SwedishNames.Of(block.Category));
            var rows = block.Rows.Select(r => t.Add(Cells(r.Text, r.Actual, r.Budget, r.Deviation, r.Previous))).ToList();
            sums.Add(SumRow(t, $"Summa {SwedishNames.Of(block.Category).ToLowerInvariant()}", Cells("", block.Actual, block.Budget, block.Deviation, block.Previous), rows, hasBudget));
        }

        var total = $"Totalt (= årets resultat{(statement.Checks.All(c => c.Passed) ? "" : ": stämmer inte")})";
        SumRow(t, total, Cells("", statement.Actual, statement.Budget, statement.Deviation, statement.Previous), sums, hasBudget);
        return new ReportTable("Driftsredovisning", $"Driftsredovisning {statement.Year}", columns, t.Rows,
            "Netto = intäkt − kostnad; avvikelse = utfall netto − budget netto (positivt = bättre än budget).");
    }

    /// <summary>
    /// A category total: its values come from the domain (a category's budget may sit on the category itself, not on
    /// a row), and the workbook sums the rows only where that is the same thing. The avvikelse is the total's netto
    /// minus its budget (as the workbook's formula computes it), not the sum of the rows' avvikelser: a row without a
    /// budget has none.
    /// </summary>
    private static int SumRow(TableRows t, string text, ReportCell[] cells, List<int> rows, bool hasBudget)
    {
        cells[0] = text;
        var budgetOnRows = !hasBudget || rows.Sum(r => t.Rows[r].Cells[4].Number ?? 0m) == (cells[4].Number ?? 0m);
        if (!budgetOnRows || rows.Count == 0)
        {
            return t.Add(cells, RowStyle.Sum);
        }

        var sum = t.Sum(text, [.. rows]);
        if (hasBudget)
        {
            t.Set(sum, 5, cells[5]);
        }

        return sum;
    }

    public static ReportTable BalanceRequirementTable(int year, BalanceRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var t = new TableRows();
        var rows = new List<int> { t.Add("Årets resultat enligt resultaträkningen", requirement.ResultForTheYear) };
        rows.AddRange(requirement.Adjustments.Select(a => t.Add(a.Text, a.Amount)));
        t.Sum("Balanskravsresultat", [.. rows]);
        return new ReportTable("Balanskravsresultat", $"Balanskravsutredning {year}", YearColumns(year, false), t.Rows);
    }

    public static ReportTable Contributions(int year, IReadOnlyList<MemberContributions.Contribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var t = new TableRows();
        var rows = contributions.Where(c => c.Amount != 0m).Select(c => t.Add([c.Member.Name, c.PercentOfTotal / 100m, c.Amount])).ToArray();
        if (rows.Length > 0)
        {
            t.Sum("Summa", rows);
        }

        return new ReportTable("Medlemsbidrag", $"Medlemsbidrag {year}",
            [new("Medlem", CellKind.Text, 40), new("Andel", CellKind.Share, 12) { ShareDecimals = 2 }, new("Belopp", CellKind.Amount, 18)], t.Rows);
    }
}
