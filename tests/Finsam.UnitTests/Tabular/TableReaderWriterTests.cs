using System.Text;
using ClosedXML.Excel;
using Finsam.Reporting.Tabular;

namespace Finsam.UnitTests.Tabular;

public sealed class TableReaderWriterTests
{
    private static Table Csv(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return TableReader.ReadCsv(new MemoryStream(bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes));
    }

    [Fact]
    public void Reads_semicolon_csv_with_quotes_line_numbers_and_swedish_letters()
    {
        var table = Csv("Kön;Hemkommun;Not\r\nKvinna;Åkerby;\"Säger \"\"hej\"\"; två\nrader\"\r\n\r\nMan;Strandvik;x\r\n", bom: true);
        Assert.Equal(["Kön", "Hemkommun", "Not"], table.Headers);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("Säger \"hej\"; två\nrader", table.Rows[0][2]);
        Assert.Equal(2, table.Rows[0].Line);
        Assert.Equal(5, table.Rows[1].Line);
        Assert.Equal(1, table.ColumnOf("hemkommun"));
        Assert.Equal("", table.Rows[1][7]);
    }

    [Fact]
    public void Detects_comma_separated_files() =>
        Assert.Equal(["a", "b"], Csv("x,y\na,b").Rows[0].Cells);

    [Fact]
    public void Refuses_an_unterminated_quote_naming_the_line()
    {
        var error = Assert.Throws<TableFormatException>(() => Csv("a;b\n1;2\n3;\"4\n"));
        Assert.Equal("Rad 3: ett citattecken (\") avslutas aldrig.", error.Message);
    }

    [Fact]
    public void Reads_windows_1252_when_the_text_is_not_utf8()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var table = TableReader.ReadCsv(new MemoryStream(windows1252.GetBytes("Kön;Hemkommun;Tid\nKvinna;Åkerby Älvdalen Öckerö;2–5 år €\n")));
        Assert.Equal("Windows-1252", table.Encoding);
        Assert.Equal(["Kön", "Hemkommun", "Tid"], table.Headers);
        Assert.Equal(["Kvinna", "Åkerby Älvdalen Öckerö", "2–5 år €"], table.Rows[0].Cells);
    }

    [Fact]
    public void Reads_utf8_with_and_without_bom_as_utf8()
    {
        var text = "Kön;Hemkommun\nKvinna;Åkerby\n";
        Assert.Equal("UTF-8", TableReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text))).Encoding);
        var withBom = TableReader.ReadCsv(new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]));
        Assert.Equal("UTF-8 med BOM", withBom.Encoding);
        Assert.Equal("Åkerby", withBom.Rows[0].Cells[1]);
    }

    [Fact]
    public void Refuses_a_utf8_bom_before_text_that_is_not_utf8()
    {
        var broken = (byte[])[.. Encoding.UTF8.Preamble, .. Encoding.Latin1.GetBytes("Kön;Hemkommun\nKvinna;Åkerby\n")];
        var error = Assert.Throws<TableFormatException>(() => TableReader.ReadCsv(new MemoryStream(broken)));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_binary_and_unknown_files()
    {
        Assert.Throws<TableFormatException>(() => TableReader.ReadCsv(new MemoryStream([0x41, 0x00, 0x42])));
        Assert.Equal("Filen ska vara CSV (.csv) eller Excel (.xlsx).", Assert.Throws<TableFormatException>(() => TableReader.Read(new MemoryStream([1]), "x.pdf")).Message);
        Assert.Equal("Filen kunde inte läsas som en Excel-arbetsbok (.xlsx).", Assert.Throws<TableFormatException>(() => TableReader.Read(new MemoryStream([1, 2, 3]), "x.xlsx")).Message);
    }

    [Fact]
    public void Refuses_huge_lines()
    {
        var error = Assert.Throws<TableFormatException>(() => Csv("a;b\n" + new string('x', TableReader.MaxLineLength + 1)));
        Assert.StartsWith("Rad 2: raden är längre än", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_written_reads_back_the_same_and_formulas_are_neutralised()
    {
        object?[] row = ["=HYPERLINK(\"http://x\")", 1990, new DateOnly(2025, 3, 14), "a;b \"c\"", null, "-5", "+46"];
        var bytes = TableWriter.WriteCsv(["A", "B", "C", "D", "E", "F", "G"], [row]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("'-5", text, StringComparison.Ordinal);

        var read = TableReader.ReadCsv(new MemoryStream(bytes)).Rows.Single();
        Assert.Equal(["=HYPERLINK(\"http://x\")", "1990", "2025-03-14", "a;b \"c\"", "", "-5", "+46"], Enumerable.Range(0, 7).Select(i => read[i]));
    }

    [Fact]
    public void Excel_written_has_typed_cells_and_reads_back_the_same()
    {
        object?[] row = ["=1+1", 1990, new DateOnly(2025, 3, 14), "Åkerby", null];
        var bytes = TableWriter.WriteExcel("Blad", ["A", "B", "C", "D", "E"], [row], [10, 20]);

        using (var workbook = new XLWorkbook(new MemoryStream(bytes)))
        {
            var sheet = workbook.Worksheet("Blad");
            Assert.Equal(XLDataType.Text, sheet.Cell(2, 1).DataType);
            Assert.False(sheet.Cell(2, 1).HasFormula);
            Assert.Equal(XLDataType.Number, sheet.Cell(2, 2).DataType);
            Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 3).DataType);
            Assert.Equal(20, sheet.Column(2).Width);
            Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        }

        var read = TableReader.Read(new MemoryStream(bytes), "fil.xlsx");
        Assert.Equal(["A", "B", "C", "D", "E"], read.Headers);
        Assert.Equal(["=1+1", "1990", "2025-03-14", "Åkerby", ""], Enumerable.Range(0, 5).Select(i => read.Rows[0][i]));
        Assert.Equal(2, read.Rows[0].Line);
    }
}
