namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// Whether a table fits the width of a portrait A4 page (17 cm between the margins) at the size the report sets it
/// (report.css: 9 pt, or 8 pt for a <see cref="TableView.WideFrom"/>-column table, never smaller). A table cannot be
/// narrower than its cells' longest unbreakable text: a number (printed without a break), a word, a result's "n av N"
/// (non-breaking spaces, <see cref="ReportFormat.Cell"/>) or a header's word. When that minimum is wider than the portrait page, the table's section is
/// printed on landscape pages (<c>@page wide</c>), so no table is set below 8 pt or runs off the page.
/// </summary>
public static class TableWidth
{
    /// <summary>The width between the margins of a portrait A4 page (21 cm − 2 × 2 cm), in points.</summary>
    public const double PortraitPoints = 17 / 2.54 * 72;

    /// <summary>The width between the margins of a landscape A4 page (29,7 cm − 2 × 2 cm), in points.</summary>
    public const double LandscapePoints = 25.7 / 2.54 * 72;

    /// <summary>Whether the table needs a landscape page.</summary>
    public static bool NeedsLandscape(ReportTable table, PrintedTable? printed = null) => MinimumPoints(table, printed) > PortraitPoints;

    /// <summary>The narrowest the table can be set, in points: per column its widest unbreakable text plus the cells' padding.</summary>
    public static double MinimumPoints(ReportTable table, PrintedTable? printed = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var wide = table.Columns.Count >= TableView.WideFrom;
        var size = wide ? 8.0 : 9.0;
        var padding = 2 * (wide ? 0.2 : 0.4) * size;
        var total = 0.0;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            // Bold header: its longest word (a header breaks between words only, report.css).
            var widest = Words(column.Header).Select(w => Em(w) * 1.06).DefaultIfEmpty(0).Max();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (row.Style == RowStyle.Heading)
                {
                    continue;   // spans every column
                }

                var cell = printed?.Cell(r, c) ?? (c < row.Cells.Count ? row.Cells[c] : ReportCell.Empty);
                var text = ReportFormat.Cell(cell, column);
                var bold = row.Style == RowStyle.Sum ? 1.06 : 1.0;
                var longest = ReportFormat.IsNumeric(column.Kind) ? Em(text) : Words(text).Select(Em).DefaultIfEmpty(0).Max();
                widest = Math.Max(widest, longest * bold);
            }

            total += widest * size + padding;
        }

        return total;
    }

    private static string[] Words(string text) => text.Split([' ', '\n', '-', '/'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A text's width in em of Liberation Sans (Arial's metrics), by character class.</summary>
    private static double Em(string text) => text.Sum(c => c switch
    {
        >= '0' and <= '9' => 0.556,
        ' ' or '\u00a0' or ',' or '.' or ':' or ';' or '\'' => 0.278,
        'i' or 'j' or 'l' => 0.222,
        'f' or 't' or 'I' or '(' or ')' => 0.278,
        'r' => 0.333,
        'm' => 0.833,
        'w' or 'W' or 'M' => 0.89,
        '%' => 0.889,
        '\u2212' or '–' => 0.584,
        _ when char.IsUpper(c) => 0.70,
        _ => 0.556,
    });
}
