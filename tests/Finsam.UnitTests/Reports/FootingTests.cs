using Finsam.Reporting.AnnualReport;

namespace Finsam.UnitTests.Reports;

public sealed class FootingTests
{
    private static readonly ReportColumn[] Columns = [new("Post", CellKind.Text), new("2025", CellKind.Amount)];

    private static string Print(PrintedTable printed, int row) => ReportFormat.Cell(printed.Cell(row, 1), Columns[1]);

    [Fact]
    public void Rounded_rows_add_up_to_the_rounded_total_the_largest_remainder_taking_the_difference()
    {
        // Each rounded on its own: 8 533,0 + 1 016,2 = 9 549,2, printed as 9 549,3.
        var t = new TableRows();
        var a = t.Add("A", 8_533_049m);
        var b = t.Add("B", 1_016_248m);
        var sum = t.Sum("Summa", a, b);
        var printed = new ReportTable("T", "T", Columns, t.Rows).Printed();
        Assert.Equal("9\u00a0549,3", Print(printed, sum));   // the exact total, rounded
        Assert.Equal("8\u00a0533,1", Print(printed, a));     // the larger remainder (0,049 tkr) takes the 0,1
        Assert.Equal("1\u00a0016,2", Print(printed, b));
        Assert.True(printed.Foots);
        Assert.Equal(9_549_297m, t.Rows[sum].Cells[1].Number);   // the model keeps the exact kronor (the workbook's)
    }

    [Fact]
    public void Nested_sums_foot_at_every_level_and_exact_rows_never_move()
    {
        var t = new TableRows();
        var a = t.Add("A", 150m);
        var b = t.Add("B", 150m);
        var zero = t.Add("Noll", 0m);
        var inner = t.Sum("Delsumma", a, b, zero);   // 0,3 exact; rows 0,2 + 0,2 rounded alone
        var c = t.Add("C", 140m);
        var total = t.Sum("Summa", inner, c);        // 0,44 → 0,4
        var printed = new ReportTable("T", "T", Columns, t.Rows).Printed();
        Assert.Equal("0,4", Print(printed, total));
        Assert.Equal(Print(printed, total), Sum(printed, inner, c));
        Assert.Equal(Print(printed, inner), Sum(printed, a, b, zero));
        Assert.Equal("0,0", Print(printed, zero));
    }

    [Fact]
    public void A_pinned_figure_keeps_its_own_rounding_and_a_sum_of_pinned_figures_only_gets_the_rounding_note()
    {
        var t = new TableRows();
        var a = t.Pin(t.Add("Kortfristiga fordringar", 150m));
        var b = t.Add("Kassa", 150m);
        var sum = t.Sum("Summa", a, b);
        var printed = new ReportTable("T", "T", Columns, t.Rows).Printed();
        Assert.Equal("0,2", Print(printed, a));
        Assert.Equal("0,1", Print(printed, b));
        Assert.Equal("0,3", Print(printed, sum));

        var pinned = new TableRows();
        var x = pinned.Pin(pinned.Add("X", 150m));
        var y = pinned.Pin(pinned.Add("Y", 150m));
        pinned.Sum("Summa", x, y);
        var unfooted = new ReportTable("T", "T", Columns, pinned.Rows, "Ansvarsförbindelser: Inga").Printed();
        Assert.False(unfooted.Foots);
        Assert.Equal("Ansvarsförbindelser: Inga " + Footing.RoundingNote, unfooted.Note);
    }

    [Fact]
    public void A_difference_column_is_the_difference_of_the_printed_columns()
    {
        ReportColumn[] columns = [new("Insats", CellKind.Text), new("Intäkt", CellKind.Amount), new("Kostnad", CellKind.Amount), new("Netto", CellKind.Amount) { Difference = (1, 2) }];
        var t = new TableRows();
        var row = t.Add(["A", 1_049m, 2_049m, -1_000m]);
        var printed = new ReportTable("T", "T", columns, t.Rows).Printed();
        Assert.Equal(printed.Cell(row, 1).Number - printed.Cell(row, 2).Number, printed.Cell(row, 3).Number);
    }

    [Fact]
    public void Rows_zero_in_both_years_are_left_out_and_the_sums_follow()
    {
        var t = new TableRows();
        t.Heading("Tillgångar");
        var zero = t.Add("Förråd", 0m, 0m);
        var cash = t.Add("Kassa", 10m, 0m);
        var sum = t.Sum("Summa", zero, cash);
        t.Heading("Tom");
        var empty = t.Add("Noll", 0m, 0m);
        t.Sum("Summa noll", empty);
        var rows = t.WithoutZeroRows();
        Assert.Equal(["Tillgångar", "Kassa", "Summa", "Tom", "Summa noll"], rows.Select(r => r.Cells[0].Text));   // a total always stays
        Assert.Equal([1], rows[2].SumOf);
        Assert.Equal([2], t.Rows[sum].SumOf!.Skip(1));
    }

    private static string Sum(PrintedTable printed, params int[] rows) =>
        Finsam.Domain.Formatting.SwedishFormat.Tkr(rows.Sum(r => printed.Cell(r, 1).Number ?? 0m));
}
