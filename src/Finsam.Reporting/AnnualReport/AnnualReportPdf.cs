using Finsam.Reporting.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// The annual report as PDF: A4, header with the förbund's name, "Sida X av Y", bookmarks from the section
/// headings, and a table of contents with page numbers. Chromium cannot number the contents itself: the renderer lays
/// out the sections' pages before its one print and checks them against the printed bookmarks
/// (<see cref="PdfPageOptions.FillPageReferences"/>; the contents reserve the space for the numbers, so filling them
/// in moves nothing).
/// </summary>
public static class AnnualReportPdf
{
    public static async Task<byte[]> RenderAsync(AnnualReportModel model, IPdfRenderer renderer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(renderer);
        var options = new PdfPageOptions
        {
            HeaderText = $"{model.FederationName} – {model.Title}{(model.IsDraft ? " (utkast)" : "")}",
            FillPageReferences = true,
        };
        return await renderer.RenderAsync(await ReportHtml.RenderAsync(model), options, cancellationToken);
    }

    /// <summary>The page of each section (by anchor), from the PDF's top-level bookmarks, matched in order with the sections' titles.</summary>
    public static IReadOnlyDictionary<string, int> SectionPages(byte[] pdf, AnnualReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var document = PdfDocument.Open(pdf);
        var bookmarks = document.TryGetBookmarks(out var outline) ? Flatten(outline.Roots).ToList() : [];
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 0;
        foreach (var section in model.Sections.Where(s => s.Kind != Domain.Reports.ReportSectionKind.Cover))
        {
            var index = bookmarks.FindIndex(next, b => string.Equals(b.Title.Trim(), section.Title.Trim(), StringComparison.Ordinal));
            if (index < 0)
            {
                continue;
            }

            pages[section.Anchor] = bookmarks[index].Page;
            next = index + 1;
        }

        return pages;
    }

    private static IEnumerable<(string Title, int Page)> Flatten(IEnumerable<BookmarkNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node is DocumentBookmarkNode document)
            {
                yield return (node.Title, document.PageNumber);
            }

            foreach (var child in Flatten(node.Children))
            {
                yield return child;
            }
        }
    }
}
