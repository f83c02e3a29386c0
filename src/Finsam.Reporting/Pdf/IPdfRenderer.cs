namespace Finsam.Reporting.Pdf;

/// <summary>Turns a complete HTML document into a PDF. The only way reports become PDF in Finsam.</summary>
public interface IPdfRenderer
{
    Task<byte[]> RenderAsync(string html, PdfPageOptions options, CancellationToken cancellationToken = default);
}

/// <summary>Page set-up for one rendering. Defaults: A4 portrait, 2 cm margins, tagged PDF with bookmarks.</summary>
public sealed record PdfPageOptions
{
    /// <summary>Document title, shown in the header and in the PDF metadata (from the HTML &lt;title&gt;).</summary>
    public string? HeaderText { get; init; }

    /// <summary>Whether every page shows "Sida X av Y" in the footer.</summary>
    public bool PageNumbers { get; init; } = true;

    public bool Landscape { get; init; }

    /// <summary>
    /// Whether elements with a <c>data-page-of="id"</c> attribute get the number of the page the element with that id
    /// is printed on (a table of contents), in one print: see <see cref="PageReferences"/>.
    /// </summary>
    public bool FillPageReferences { get; init; }

    public string MarginTop { get; init; } = "2.2cm";

    public string MarginBottom { get; init; } = "2cm";

    public string MarginLeft { get; init; } = "2cm";

    public string MarginRight { get; init; } = "2cm";
}
