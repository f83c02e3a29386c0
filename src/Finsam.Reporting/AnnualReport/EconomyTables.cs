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

    /// <summary>A statement's columns: the line, its notes (Not), this year and last year, as RKR's models and the seed reports set them.</summary>
    private static ReportColumn[] StatementColumns(string current, string? previous) => previous is null
        ? [new("Post", CellKind.Text, 60), new("Not", CellKind.Text, 6), new(current, CellKind.Amount, 18)]
        : [new("Post", CellKind.Text, 60), new("Not", CellKind.Text, 6), new(current, CellKind.Amount, 18), new(previous, CellKind.Amount, 18)];

    /// <summary>The statement lines in the order the statements print them, which numbers the notes (in order of appearance).</summary>
    private static readonly StatementLine[] PrintOrder =
    [
        StatementLine.OperatingIncome, StatementLine.OperatingCosts, StatementLine.Depreciation, StatementLine.FinancialIncome,
        StatementLine.FinancialCosts, StatementLine.ExtraordinaryItems, StatementLine.FixedAssets, StatementLine.FinancialFixedAssets,
        StatementLine.Inventories, StatementLine.ShortTermReceivables, StatementLine.ShortTermInvestments, StatementLine.CashAndBank,
        StatementLine.Equity, StatementLine.Provisions, StatementLine.LongTermLiabilities, StatementLine.ShortTermLiabilities,
    ];

    /// <summary>A note with its number (in the order the statements refer to it) and, when known, last year's note of the same title.</summary>
    public sealed record NumberedNote(int Number, StatementNote Note, StatementNote? Previous);

    /// <summary>The year's notes numbered in order of appearance: the resultaträkning's lines first, then the balansräkning's.</summary>
    public static IReadOnlyList<NumberedNote> NumberNotes(IReadOnlyList<StatementNote> notes, IReadOnlyList<StatementNote>? previous)
    {
        ArgumentNullException.ThrowIfNull(notes);
        int Position(StatementNote note)
        {
            var i = Array.FindIndex(PrintOrder, l => string.Equals(l.SwedishName(), note.StatementLineText, StringComparison.Ordinal));
            return i < 0 ? int.MaxValue : i;
        }

        return notes.Select((note, i) => (note, i)).OrderBy(x => Position(x.note)).ThenBy(x => x.i)
            .Select((x, n) => new NumberedNote(n + 1, x.note, previous?.FirstOrDefault(p => string.Equals(p.Title, x.note.Title, StringComparison.Ordinal))))
            .ToList();
    }

    /// <summary>The numbers of the notes to a statement line ("1, 2"), or null.</summary>
    private static string? NoteRefs(IReadOnlyList<NumberedNote>? notes, StatementLine line) =>
        notes?.Where(n => string.Equals(n.Note.StatementLineText, line.SwedishName(), StringComparison.Ordinal)).Select(n => n.Number.ToString(CultureInfo.InvariantCulture)).ToList() is { Count: > 0 } numbers
            ? string.Join(", ", numbers)
            : null;

    private static int Line(TableRows t, string text, string? note, decimal current, decimal? previous, bool withPrevious) =>
        t.Add(withPrevious ? [text, note, current, ReportCell.Of(previous)] : [text, note, current]);

    /// <summary>The resultaträkning with RKR's line names; a line with notes refers to them (their sums print as the line does).</summary>
    public static ReportTable IncomeStatement(int year, IncomeStatement current, IncomeStatement? previous, IReadOnlyList<NumberedNote>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var c = current;
        var p = previous;
        var w = p is not null;
        var t = new TableRows();
        var incomeNote = NoteRefs(notes, StatementLine.OperatingIncome);
        var costsNote = NoteRefs(notes, StatementLine.OperatingCosts);
        var income = Line(t, "Verksamhetens intäkter", incomeNote, c.OperatingIncome, p?.OperatingIncome, w);
        var costs = Line(t, "Verksamhetens kostnader", costsNote, c.OperatingCosts, p?.OperatingCosts, w);

        var depreciation = Line(t, "Avskrivningar", NoteRefs(notes, StatementLine.Depreciation), c.Depreciation, p?.Depreciation, w);
        var operating = t.Sum("Verksamhetens nettokostnad", income, costs, depreciation);
        var financialIncome = Line(t, "Finansiella intäkter", NoteRefs(notes, StatementLine.FinancialIncome), c.FinancialIncome, p?.FinancialIncome, w);
        var financialCosts = Line(t, "Finansiella kostnader", NoteRefs(notes, StatementLine.FinancialCosts), c.FinancialCosts, p?.FinancialCosts, w);
        var afterFinancial = t.Sum("Resultat efter finansiella poster", operating, financialIncome, financialCosts);
        var extraordinary = Line(t, "Extraordinära poster", NoteRefs(notes, StatementLine.ExtraordinaryItems), c.ExtraordinaryItems, p?.ExtraordinaryItems, w);
        t.Sum("Årets resultat", afterFinancial, extraordinary);
        return new ReportTable("Resultaträkning", $"Resultaträkning {year}",
            StatementColumns($"{Y(year)}-01-01–{Y(year)}-12-31", w ? $"{Y(year - 1)}-01-01–{Y(year - 1)}-12-31" : null), t.WithoutZeroRows());
    }

    /// <summary>
    /// The balansräkning as RKR sets it: eget kapital split into årets resultat and övrigt eget kapital; lines that are
    /// zero in both years left out. Kassa och bank and årets resultat, printed in the other statements too, keep their
    /// own rounding in print; a note's sum prints as its line does.
    /// </summary>
    /// <param name="contingentLiabilities">The year's ansvarsförbindelser as entered, printed under the table ("Inga" when null).</param>
    public static ReportTable BalanceSheet(int year, BalanceSheet current, BalanceSheet? previous, string? contingentLiabilities, IReadOnlyList<NumberedNote>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var c = current;
        var p = previous;
        var w = p is not null;
        var t = new TableRows();
        int L(string text, StatementLine line, decimal value, decimal? previousValue)
        {
            return Line(t, text, NoteRefs(notes, line), value, previousValue, w);
        }

        t.Heading("Tillgångar");
        var fixedAssets = L("Materiella och immateriella anläggningstillgångar", StatementLine.FixedAssets, c.FixedAssets, p?.FixedAssets);
        var financialFixed = L("Finansiella anläggningstillgångar", StatementLine.FinancialFixedAssets, c.FinancialFixedAssets, p?.FinancialFixedAssets);
        var nonCurrent = t.Sum("Summa anläggningstillgångar", fixedAssets, financialFixed);
        var inventories = L("Förråd", StatementLine.Inventories, c.Inventories, p?.Inventories);
        var receivables = L("Kortfristiga fordringar", StatementLine.ShortTermReceivables, c.ShortTermReceivables, p?.ShortTermReceivables);
        var investments = L("Kortfristiga placeringar", StatementLine.ShortTermInvestments, c.ShortTermInvestments, p?.ShortTermInvestments);
        var cash = t.Pin(L("Kassa och bank", StatementLine.CashAndBank, c.CashAndBank, p?.CashAndBank));
        var current2 = t.Sum("Summa omsättningstillgångar", inventories, receivables, investments, cash);
        t.Sum("Summa tillgångar", nonCurrent, current2);
        t.Heading("Eget kapital, avsättningar och skulder");
        var result = t.Pin(Line(t, "Årets resultat", null, c.ResultForTheYear, p?.ResultForTheYear, w));
        var otherEquity = Line(t, "Övrigt eget kapital", null, c.Equity - c.ResultForTheYear, p is null ? null : p.Equity - p.ResultForTheYear, w);
        var equity = t.Sum("Summa eget kapital", result, otherEquity);
        var provisions = L("Avsättningar", StatementLine.Provisions, c.Provisions, p?.Provisions);
        var longTerm = L("Långfristiga skulder", StatementLine.LongTermLiabilities, c.LongTermLiabilities, p?.LongTermLiabilities);
        var shortTerm = L("Kortfristiga skulder", StatementLine.ShortTermLiabilities, c.ShortTermLiabilities, p?.ShortTermLiabilities);
        var liabilities = t.Sum("Summa skulder", longTerm, shortTerm);
        t.Sum("Summa eget kapital, avsättningar och skulder", equity, provisions, liabilities);
        return new ReportTable("Balansräkning", $"Balansräkning {year}-12-31", StatementColumns($"{Y(year)}-12-31", w ? $"{Y(year - 1)}-12-31" : null),
            t.WithoutZeroRows(), ContingentLiabilities.Note(contingentLiabilities));
    }

    /// <summary>The kassaflödesanalys; the changes in receivables and short-term liabilities refer to those lines' notes (both years).</summary>
    public static ReportTable CashFlow(int year, CashFlowStatement current, CashFlowStatement? previous, IReadOnlyList<NumberedNote>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var c = current;
        var p = previous;
        var w = p is not null;
        var t = new TableRows();
        var result = t.Pin(Line(t, "Årets resultat", null, c.ResultForTheYear, p?.ResultForTheYear, w));
        var depreciation = Line(t, "Justering för avskrivningar", null, c.DepreciationAddedBack, p?.DepreciationAddedBack, w);
        var provisions = Line(t, "Förändring av avsättningar", null, c.ChangeInProvisions, p?.ChangeInProvisions, w);
        var before = t.Sum("Medel från verksamheten före förändring av rörelsekapital", result, depreciation, provisions);
        var receivables = Line(t, "Minskning (+) / ökning (−) av kortfristiga fordringar och förråd", NoteRefs(notes, StatementLine.ShortTermReceivables),
            c.ChangeInReceivablesAndInventories, p?.ChangeInReceivablesAndInventories, w);
        var liabilities = Line(t, "Ökning (+) / minskning (−) av kortfristiga skulder", NoteRefs(notes, StatementLine.ShortTermLiabilities),
            c.ChangeInShortTermLiabilities, p?.ChangeInShortTermLiabilities, w);
        var operating = t.Sum("Kassaflöde från den löpande verksamheten", before, receivables, liabilities);
        var investments = Line(t, "Nettoinvesteringar i anläggningstillgångar", null, c.Investments, p?.Investments, w);
        var placements = Line(t, "Förändring av kortfristiga placeringar", null, c.ChangeInShortTermInvestments, p?.ChangeInShortTermInvestments, w);
        var investing = t.Sum("Kassaflöde från investeringsverksamheten", investments, placements);
        var longTerm = Line(t, "Förändring av långfristiga skulder", null, c.ChangeInLongTermLiabilities, p?.ChangeInLongTermLiabilities, w);
        var equity = Line(t, "Övriga förändringar av eget kapital", null, c.OtherChangesInEquity, p?.OtherChangesInEquity, w);
        var financing = t.Sum("Kassaflöde från finansieringsverksamheten", longTerm, equity);
        var flow = t.Sum("Årets kassaflöde", operating, investing, financing);
        var start = t.Pin(Line(t, "Likvida medel vid årets början", null, c.CashAtStart, p?.CashAtStart, w));
        t.Sum("Likvida medel vid årets slut", start, flow);
        return new ReportTable("Kassaflödesanalys", $"Kassaflödesanalys {year}", StatementColumns(Y(year), w ? Y(year - 1) : null), t.WithoutZeroRows());
    }

    /// <summary>
    /// Each note as a table under its number, with this year and last year (rows matched by account or project code;
    /// a row of one year only shows 0 in the other), rows zero in both years left out. Costs are shown as positive
    /// amounts, as in the driftsredovisning; the statement line shows them negative.
    /// </summary>
    /// <param name="statements">The resultaträkning and balansräkning that refer to the notes: each note's sum prints as the line that refers to it.</param>
    public static IReadOnlyList<ReportTable> Notes(int year, IReadOnlyList<NumberedNote> notes, IReadOnlyList<ReportTable>? statements = null)
    {
        ArgumentNullException.ThrowIfNull(notes);
        RowReference? LineOf(NumberedNote note, int sign) => (statements ?? [])
            .SelectMany(s => s.Rows.Select((r, i) => (Table: s.Key, Row: i, Refs: r.Cells.ElementAtOrDefault(1).Text)))
            .Where(x => x.Refs is not null && x.Refs.Split(", ").Contains(note.Number.ToString(CultureInfo.InvariantCulture)))
            .Select(x => new RowReference(x.Table, x.Row, sign))
            .FirstOrDefault();
        return notes.Select(numbered =>
        {
            var note = numbered.Note;
            var previous = numbered.Previous;
            var costs = string.Equals(note.StatementLineText, StatementLine.OperatingCosts.SwedishName(), StringComparison.Ordinal);
            var sign = costs ? -1m : 1m;
            var balance = PrintOrder.Skip(6).Any(l => string.Equals(l.SwedishName(), note.StatementLineText, StringComparison.Ordinal));
            var t = new TableRows();
            var keys = note.Rows.Select(r => r.Key).Concat(previous?.Rows.Select(r => r.Key) ?? []).Distinct(StringComparer.Ordinal).ToList();
            var rows = keys.Select(key =>
            {
                var now = note.Rows.FirstOrDefault(r => r.Key == key);
                var then = previous?.Rows.FirstOrDefault(r => r.Key == key);
                var text = now?.Text ?? then!.Text;
                return previous is null
                    ? t.Add(text, sign * (now?.Amount ?? 0m))
                    : t.Add(text, sign * (now?.Amount ?? 0m), sign * (then?.Amount ?? 0m));
            }).ToArray();
            if (rows.Length == 0)
            {
                t.Total("Summa", previous is null ? new decimal?[] { 0m } : new decimal?[] { 0m, 0m });
            }
            else
            {
                var total = t.Sum("Summa", rows);
                if (LineOf(numbered, (int)sign) is { } statementLine)
                {
                    t.Follow(total, statementLine);
                }
            }

            var number = numbered.Number.ToString(CultureInfo.InvariantCulture);
            var columns = !balance ? YearColumns(year, previous is not null)
                : previous is null ? [new("Post", CellKind.Text, 60), new($"{Y(year)}-12-31", CellKind.Amount, 18)]
                : new ReportColumn[] { new("Post", CellKind.Text, 60), new($"{Y(year)}-12-31", CellKind.Amount, 18), new($"{Y(year - 1)}-12-31", CellKind.Amount, 18) };
            var line = note.StatementLineText.ToLowerInvariant();
            return new ReportTable($"Not {number} {note.Title}", $"Not {number}. {note.Title}", columns, t.WithoutZeroRows(),
                $"Summan är lika med {line} i räkenskaperna{(costs ? " (där med minustecken)" : "")}{(note.Check.Passed ? "" : ": STÄMMER INTE")}.");
        }).ToList();
    }

    /// <summary>The driftsredovisning: utfall (intäkt, kostnad, netto), budget netto, avvikelse and last year, per category and insats.</summary>
    /// <param name="incomeStatement">
    /// The resultaträkning of the same report: the total's intäkt and kostnad then print as the sums of its printed
    /// lines, so the total's netto prints as its årets resultat (<see cref="ReportRow.FollowsCells"/>).
    /// </param>
    public static ReportTable Operating(OperatingStatement statement, ReportTable? incomeStatement = null)
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
            // A budget set on the category (Intäkter från medlemmarna, Ej fördelat på insats, Finansiella poster have
            // no insats) is shown on the category's one line without a budget of its own, or on a line of its own.
            var onCategory = (block.Budget?.Net ?? 0m) - block.Rows.Sum(r => r.Budget?.Net ?? 0m);
            var unbudgeted = block.Rows.Where(r => r.Budget is null).ToList();
            var carrier = hasBudget && onCategory != 0m && unbudgeted.Count == 1 ? unbudgeted[0] : null;
            var rows = block.Rows.Select(r => r == carrier
                ? t.Add(Cells(r.Text, r.Actual, new OperatingFigures(onCategory > 0m ? onCategory : 0m, onCategory < 0m ? -onCategory : 0m), r.Actual.Net - onCategory, r.Previous))
                : t.Add(Cells(r.Text, r.Actual, r.Budget, r.Deviation, r.Previous))).ToList();
            if (hasBudget && onCategory != 0m && carrier is null)
            {
                var budgetOnly = new ReportCell[columns.Count];
                budgetOnly[0] = $"Budget för {SwedishNames.Of(block.Category).ToLowerInvariant()} utan fördelning";
                budgetOnly[4] = onCategory;
                rows.Add(t.Add(budgetOnly));
            }

            sums.Add(SumRow(t, $"Summa {SwedishNames.Of(block.Category).ToLowerInvariant()}", Cells("", block.Actual, block.Budget, block.Deviation, block.Previous), rows, hasBudget));
        }

        var total = $"Totalt (= årets resultat{(statement.Checks.All(c => c.Passed) ? "" : ": stämmer inte")})";
        var totalRow = SumRow(t, total, Cells("", statement.Actual, statement.Budget, statement.Deviation, statement.Previous), sums, hasBudget);
        if (incomeStatement is not null)
        {
            List<CellSource> Sources(int column, int sign, params string[] lines) => [.. lines
                .Select(line => incomeStatement.Rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Cells[0].Text == line && x.r.Style == RowStyle.Normal))
                .Where(x => x.r is not null)
                .Select(x => new CellSource(incomeStatement.Key, x.i, column, sign))];
            string[] income = ["Verksamhetens intäkter", "Finansiella intäkter"];
            string[] costs = ["Verksamhetens kostnader", "Avskrivningar", "Finansiella kostnader", "Extraordinära poster"];
            var follows = new List<CellFollow> { new(1, Sources(2, 1, income)), new(2, Sources(2, -1, costs)) };
            if (hasPrevious && incomeStatement.Columns.Count > 3)
            {
                var first = columns.Count - 3;
                follows.Add(new(first, Sources(3, 1, income)));
                follows.Add(new(first + 1, Sources(3, -1, costs)));
            }

            t.FollowCells(totalRow, follows);
        }

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

    /// <summary>One year of the flerårsöversikt: its statements when the year has a ledger (own, or the previous-year figures of the next year's file), and its participants when any were registered.</summary>
    public sealed record OverviewYear(int Year, IncomeStatement? Income, BalanceSheet? Closing, int? Participants);

    /// <summary>
    /// The flerårsöversikt (översikt över verksamhetens utveckling, LKBR 11 kap. 1 §): per year, newest first,
    /// verksamhetens intäkter, kostnader (with avskrivningar, negative as in the resultaträkning), årets resultat, eget
    /// kapital, soliditet (eget kapital in percent of summa tillgångar) and the number of deltagare. A year without
    /// figures is left blank, never 0. The years that the resultaträkning and balansräkning of the same report print
    /// follow their printed lines, so the same figure never prints differently.
    /// </summary>
    public static ReportTable MultiYearOverview(IReadOnlyList<OverviewYear> years, ReportTable? incomeStatement = null, ReportTable? balanceSheet = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        var t = new TableRows();
        var reportYear = years.Count == 0 ? 0 : years.Max(y => y.Year);
        foreach (var y in years.OrderByDescending(y => y.Year))
        {
            var i = y.Income;
            var b = y.Closing;
            var row = t.Add([
                Y(y.Year),
                ReportCell.Of(i?.OperatingIncome),
                ReportCell.Of(i is null ? null : i.OperatingCosts + i.Depreciation),
                ReportCell.Of(i?.ResultForTheYear),
                ReportCell.Of(b?.Equity),
                ReportCell.Of(b is { TotalAssets: not 0m } ? Math.Round(b.Equity / b.TotalAssets, 4, MidpointRounding.AwayFromZero) : null),
                ReportCell.Of(y.Participants),
            ]);

            // This year's and last year's figures are printed in the statements too (column 2 and 3 there).
            var column = 2 + (reportYear - y.Year);
            if (column > 3 || i is null)
            {
                continue;
            }

            List<CellSource> Sources(ReportTable? statement, params string[] lines) => statement is null || column >= statement.Columns.Count ? [] : [.. lines
                .Select(line => statement.Rows.Select((r, n) => (r, n)).FirstOrDefault(x => x.r.Cells[0].Text == line))
                .Where(x => x.r is not null)
                .Select(x => new CellSource(statement.Key, x.n, column))];
            var follows = new List<CellFollow>
            {
                new(1, Sources(incomeStatement, "Verksamhetens intäkter")),
                new(2, Sources(incomeStatement, "Verksamhetens kostnader", "Avskrivningar")),
                new(3, Sources(incomeStatement, "Årets resultat")),
            };
            if (b is not null)
            {
                follows.Add(new(4, Sources(balanceSheet, "Summa eget kapital")));
            }

            follows.RemoveAll(f => f.Sources.Count == 0);
            if (follows.Count > 0)
            {
                t.FollowCells(row, follows);
            }
        }

        var span = years.Count == 0 ? "" : $" {Y(years.Min(y => y.Year))}–{Y(reportYear)}";
        return new ReportTable("Flerårsöversikt", $"Flerårsöversikt{span}",
            [
                new("År", CellKind.Text, 8), new("Verksamhetens intäkter", CellKind.Amount, 16), new("Verksamhetens kostnader", CellKind.Amount, 16),
                new("Årets resultat", CellKind.Amount, 16), new("Eget kapital", CellKind.Amount, 16), new("Soliditet", CellKind.Share, 12),
                new("Deltagare", CellKind.Count, 12),
            ],
            t.Rows,
            "Kostnaderna med avskrivningar och minustecken, som i resultaträkningen. Soliditet: eget kapital i procent av summa tillgångar. "
            + "Deltagare: aktuella deltagare under året. Ett år utan bokföring eller registreringar i Finsam lämnas tomt.");
    }

    public static ReportTable BalanceRequirementTable(int year, BalanceRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var t = new TableRows();
        var rows = new List<int> { t.Add("Årets resultat enligt resultaträkningen", requirement.ResultForTheYear) };
        rows.AddRange(requirement.Adjustments.Select(a => t.Add(a.Text, a.Amount)));
        t.Sum("Balanskravsresultat", [.. rows]);
        return new ReportTable("Balanskravsresultat", $"Balanskravsutredning {year}", YearColumns(year, false), t.WithoutZeroRows());
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
