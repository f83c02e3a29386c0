using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Finsam.TestSupport;

/// <summary>
/// Pages as a browser reads them: parsed into a DOM (AngleSharp), so tests find a table, a row or a field by what it
/// is rather than by matching markup with regular expressions.
/// </summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html ?? throw new ArgumentNullException(nameof(html)));

    /// <summary>An element's text as the reader sees it: white space collapsed, <see cref="PageText.Plain"/>.</summary>
    public static string TextOf(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return PageText.Plain(string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>The cells (th and td) of a table row, as text.</summary>
    public static IReadOnlyList<string> Cells(IElement row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [.. row.Children.Where(c => c.LocalName is "th" or "td").Select(TextOf)];
    }

    /// <summary>The data cells (td) of the row headed <paramref name="rowHeader"/> in the table captioned <paramref name="caption"/>, as text.</summary>
    public static IReadOnlyList<string> RowCells(IDocument document, string caption, string rowHeader)
    {
        ArgumentNullException.ThrowIfNull(document);
        var table = document.QuerySelectorAll("table").FirstOrDefault(t => t.QuerySelector("caption") is { } c && TextOf(c) == caption);
        Assert.True(table is not null, $"No table \"{caption}\".");
        var row = table.QuerySelectorAll("tr").FirstOrDefault(r => r.QuerySelector("th[scope=row]") is { } th && TextOf(th) == rowHeader);
        Assert.True(row is not null, $"No row \"{rowHeader}\" in \"{caption}\".");
        return [.. row.QuerySelectorAll("td").Select(TextOf)];
    }
}
