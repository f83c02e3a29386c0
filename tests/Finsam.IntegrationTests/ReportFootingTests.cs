using System.Globalization;
using System.Net;
using Finsam.Data.Identity;
using Finsam.Reporting.AnnualReport;
using Finsam.TestSupport;
using Finsam.Web.Features.AnnualReport;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using static Finsam.TestSupport.PageText;

namespace Finsam.IntegrationTests;

/// <summary>
/// Every printed table of the demo report foots: each sum row (found through the model's <see cref="ReportRow.SumOf"/>,
/// not a list of tables) prints the sum of the rows it names as they are printed, and each difference column the
/// difference of its printed columns. And the statements are laid out as a kommunalförbund's: unit, Not column, notes
/// with both years.
/// </summary>
public sealed class ReportFootingTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private FinsamFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new FinsamFactory();
        await _factory.SeedDemoAsync(2026);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    private async Task<AnnualReportModel> ModelAsync(int year)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<AnnualReportService>().BuildAsync(year, CancellationToken.None);
        Assert.NotNull(model);
        return model;
    }

    /// <summary>A printed number read back: "−8 533,0" → −8533.0, "11,75 %" → 11.75; null for an empty cell.</summary>
    private static decimal? Read(string printed)
    {
        if (printed is Finsam.Domain.Statistics.SmallCells.SmallMark or Finsam.Domain.Statistics.SmallCells.HiddenMark)
        {
            return null;   // hidden by the small-cell rule: such a table keeps its true totals and says so (ReportSmallCells)
        }

        var text = printed.Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("%", "", StringComparison.Ordinal).Replace('−', '-').Replace(',', '.');
        return text.Length == 0 ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    /// <summary>How the report prints a cell today: the footed numbers of <see cref="ReportTable.Printed"/>.</summary>
    private static string Printed(ReportTable table, PrintedTable printed, int row, int column) => ReportFormat.Cell(printed.Cell(row, column), table.Columns[column]);

    /// <summary>Each cell rounded on its own, as the report printed before the footing: this must not foot.</summary>
    private static string RoundedAlone(ReportTable table, PrintedTable printed, int row, int column) =>
        ReportFormat.Cell(column < table.Rows[row].Cells.Count ? table.Rows[row].Cells[column] : ReportCell.Empty, table.Columns[column]);

    /// <summary>Every printed sum (and difference) of every table that is not the sum of its printed rows.</summary>
    private static List<string> Mismatches(AnnualReportModel model, Func<ReportTable, PrintedTable, int, int, string> print, out int sums)
    {
        var mismatches = new List<string>();
        sums = 0;
        foreach (var table in model.Tables)
        {
            var printed = model.Printed(table);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                for (var c = 1; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    if (!ReportFormat.IsNumeric(column.Kind) || Read(print(table, printed, r, c)) is not { } value)
                    {
                        continue;
                    }

                    decimal? expected = column.Difference is { } d
                        ? (Read(print(table, printed, r, d.Minuend)) ?? 0m) - (Read(print(table, printed, r, d.Subtrahend)) ?? 0m)
                        : row.SumOf is { Count: > 0 } parts ? parts.Sum(p => Read(print(table, printed, p, c)) ?? 0m) : null;
                    if (expected is null)
                    {
                        continue;
                    }

                    sums++;
                    if (expected != value && !(printed.Unfooted.Contains((r, c)) && printed.Note!.Contains(Footing.RoundingNote, StringComparison.Ordinal)))
                    {
                        mismatches.Add($"{table.Title}: {row.Cells[0].Text} / {column.Header} printed {value}, its rows add up to {expected}");
                    }
                }
            }
        }

        return mismatches;
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public async Task Every_printed_sum_is_the_sum_of_its_printed_rows(int year)
    {
        var model = await ModelAsync(year);

        // Each cell rounded on its own does not foot in the demo (the report as printed before): the walk can fail.
        var before = Mismatches(model, RoundedAlone, out _);
        Assert.NotEmpty(before);

        var mismatches = Mismatches(model, Printed, out var sums);
        output.WriteLine($"{year}: {sums} printed sums and differences; rounded one by one {before.Count} did not add up:\n{string.Join("\n", before)}");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(sums > 50, $"Only {sums} sums found");

        // A figure printed twice prints the same: årets resultat in the statements, the driftsredovisning's total and
        // the key figures; eget kapital in the balansräkning and the key figures.
        decimal Printed2(string key, string line, int column)
        {
            var table = model.Tables.First(t => t.Key == key);
            return model.Printed(table).Cell(table.Rows.Select((r, i) => (r, i)).First(x => x.r.Cells[0].Text == line).i, column).Number!.Value;
        }

        var result = Printed2("Resultaträkning", "Årets resultat", 2);
        Assert.Equal(result, Printed2("Balansräkning", "Årets resultat", 2));
        Assert.Equal(result, Printed2("Kassaflödesanalys", "Årets resultat", 2));
        Assert.Equal(result, Printed2("Driftsredovisning", "Totalt (= årets resultat)", 3));
        Assert.Equal(result, Printed2("Nyckeltal", "Årets resultat", 1));
        if (model.Tables.First(t => t.Key == "Driftsredovisning").Columns.Count > 8)   // last year's ledger is imported
        {
            Assert.Equal(Printed2("Resultaträkning", "Årets resultat", 3), Printed2("Driftsredovisning", "Totalt (= årets resultat)", 8));
        }
        Assert.Equal(Printed2("Balansräkning", "Summa eget kapital", 2), Printed2("Nyckeltal", "Eget kapital vid årets slut", 1));
        Assert.Equal(Printed2("Balansräkning", "Kassa och bank", 2), Printed2("Kassaflödesanalys", "Likvida medel vid årets slut", 2));

        // In the demo no sum needs the rounding note: there is always a row free to take the rounding.
        Assert.Empty(model.Tables.Where(t => !model.Printed(t).Foots).Select(t => t.Title));

        // No printed figure is further than one unit from its exact value, and a tkr figure that is exact is printed as it is.
        foreach (var table in model.Tables)
        {
            var printed = model.Printed(table);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    if (column.Kind == CellKind.Amount && column.Difference is null && table.Rows[r].Cells.ElementAtOrDefault(c).Number is { } exact)
                    {
                        Assert.True(Math.Abs(printed.Cell(r, c).Number!.Value - exact) < Footing.TkrUnit, $"{table.Title}, {table.Rows[r].Cells[0].Text}: {exact} printed {printed.Cell(r, c).Number}");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task The_statements_state_their_unit_refer_to_notes_numbered_in_order_and_the_notes_show_both_years()
    {
        var model = await ModelAsync(2025);
        var tables = model.Tables.ToList();
        var income = tables.Single(t => t.Key == "Resultaträkning");
        var balance = tables.Single(t => t.Key == "Balansräkning");
        var cashFlow = tables.Single(t => t.Key == "Kassaflödesanalys");
        Assert.All(new[] { income, balance, cashFlow }, t => Assert.Equal("Not", t.Columns[1].Header));

        // RKR's line names; the equity split into the year's result and other equity; no line zero in both years.
        string[] lines = ["Verksamhetens intäkter", "Verksamhetens kostnader", "Verksamhetens nettokostnad", "Resultat efter finansiella poster", "Årets resultat"];
        Assert.All(lines, line => Assert.Contains(income.Rows, r => r.Cells[0].Text == line));
        Assert.Contains(balance.Rows, r => r.Cells[0].Text == "Övrigt eget kapital");
        Assert.Contains(balance.Rows, r => r.Cells[0].Text == "Summa eget kapital");
        Assert.All(new[] { income, balance, cashFlow }.SelectMany(t => t.Rows.Where(r => r.Style == RowStyle.Normal)),
            r => Assert.Contains(r.Cells, c => c.Number is { } n && n != 0m));

        // The notes are numbered in the order the statements refer to them: 1, 2, … down RR then BR.
        var references = new[] { income, balance }.SelectMany(t => t.Rows).Select(r => r.Cells.ElementAtOrDefault(1).Text).OfType<string>()
            .SelectMany(s => s.Split(", ")).Select(int.Parse).Distinct().ToList();
        Assert.Equal(Enumerable.Range(1, references.Count), references);
        var notes = tables.Where(t => t.Key.StartsWith("Not ", StringComparison.Ordinal)).ToList();
        Assert.Equal(notes.Select((n, i) => $"Not {i + 1}."), notes.Select(n => n.Title[..n.Title.IndexOf('.', StringComparison.Ordinal)] + "."));
        Assert.All(notes, n => Assert.Equal(3, n.Columns.Count));   // this year and last year

        // Each note's sum prints exactly as the statement line that refers to it (costs with the other sign).
        foreach (var note in notes)
        {
            var number = note.Title[4..note.Title.IndexOf('.', StringComparison.Ordinal)];
            var (statement, line) = new[] { income, balance }.SelectMany(t => t.Rows.Select((r, i) => (t, i)))
                .First(x => x.t.Rows[x.i].Cells.ElementAtOrDefault(1).Text?.Split(", ").Contains(number) == true);
            Assert.Equal(Math.Abs(model.Printed(statement).Cell(line, 2).Number!.Value), Math.Abs(model.Printed(note).Cell(note.Rows.Count - 1, 1).Number!.Value));
        }

        // Costs carry the same sign in the note as in the driftsredovisning (positive).
        var costs = notes.Single(n => n.Title.Contains("kostnader", StringComparison.Ordinal));
        Assert.True(costs.Rows[^1].Cells[1].Number > 0m);

        // The PDF says it: "Belopp i tkr" on each statement and note, the Not column, both years in the notes.
        var chef = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Director));
        var response = await chef.GetAsync("/Arsredovisning?handler=Pdf&ar=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "finsam-footing-2025.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var top = bookmarks.Roots.OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().ToList();
        string PageOf(string title) => Plain(pdf.GetPage(top.Single(b => b.Title == title).PageNumber).Text);
        foreach (var title in new[] { "Resultaträkning", "Balansräkning", "Kassaflödesanalys" })
        {
            Assert.Contains("Belopp i tkr", PageOf(title), StringComparison.Ordinal);
            Assert.Contains("PostNot", PageOf(title).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var notesPage = PageOf("Noter");
        Assert.Contains("Not 1. ", notesPage, StringComparison.Ordinal);
        Assert.Contains("Belopp i tkr", notesPage, StringComparison.Ordinal);
        Assert.Contains("Post2025-12-312024-12-31", string.Join("", Enumerable.Range(1, pdf.NumberOfPages).Select(n => Plain(pdf.GetPage(n).Text))).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Post20252024", notesPage.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
