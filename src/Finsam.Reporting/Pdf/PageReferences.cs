using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Finsam.Reporting.Pdf;

/// <summary>
/// Page references ("see page 7", a table of contents) filled in with one Chromium print. An element with a
/// <c>data-page-of="id"</c> attribute gets, as its text, the number of the page on which the element with that id (its
/// first heading, when it is not a heading itself) starts, and loses its class <c>pending</c> (which may hide a
/// placeholder that reserves the number's space).
/// <para>
/// The pages are laid out before printing, in the same page: with print media emulated, the body becomes a
/// multi-column box whose columns are exactly the size of the printed page's content area, and every forced page break
/// becomes a column break. Chromium fragments columns with the same engine as pages (break-inside, orphans and widows,
/// repeated table headers), so the column a heading lands in is the page it is printed on. The printed PDF is then
/// checked against its own bookmarks (which Chromium makes from the headings): should a page differ, the numbers are
/// corrected from the bookmarks and the document printed again, so a wrong number is never delivered.
/// </para>
/// </summary>
public static class PageReferences
{
    /// <summary>One reference's target as laid out: its id, the page it starts on (0: not found) and its heading's text.</summary>
    public sealed class Target
    {
        public string Id { get; set; } = "";

        public int Page { get; set; }

        public string Title { get; set; } = "";
    }

    /// <summary>Lays the document out in page-sized columns and returns each referenced target's page. Takes { width, height } in CSS pixels.</summary>
    public const string MeasureScript = """
        (size) => {
          const refs = Array.from(document.querySelectorAll('[data-page-of]'));
          if (refs.length === 0) return [];
          const forced = v => v === 'page' || v === 'left' || v === 'right' || v === 'recto' || v === 'verso' || v === 'always';
          const changed = [];
          for (const el of document.body.querySelectorAll('*')) {
            const style = getComputedStyle(el);
            for (const property of ['break-before', 'break-after']) {
              if (forced(style.getPropertyValue(property))) {
                changed.push([el, property, el.style.getPropertyValue(property), el.style.getPropertyPriority(property)]);
                el.style.setProperty(property, 'column', 'important');
              }
            }
          }
          const columns = document.createElement('style');
          columns.textContent = `body { margin: 0 !important; padding: 0 !important; border: 0 !important; box-sizing: content-box !important;
            width: ${size.width}px !important; min-width: 0 !important; max-width: none !important;
            height: ${size.height}px !important; min-height: 0 !important; max-height: none !important; overflow: visible !important;
            column-width: ${size.width}px !important; column-count: auto !important; column-gap: 0 !important;
            column-fill: auto !important; column-rule: none !important; }`;
          document.head.appendChild(columns);
          const left = document.body.getBoundingClientRect().left;
          const seen = new Set();
          const targets = [];
          for (const ref of refs) {
            const id = ref.getAttribute('data-page-of');
            if (seen.has(id)) continue;
            seen.add(id);
            const target = document.getElementById(id);
            if (!target) { targets.push({ Id: id, Page: 0, Title: '' }); continue; }
            const heading = target.matches('h1,h2,h3,h4,h5,h6') ? target : (target.querySelector('h1,h2,h3,h4,h5,h6') || target);
            const rect = heading.getClientRects()[0] || heading.getBoundingClientRect();
            targets.push({ Id: id, Page: Math.floor((rect.left - left + 1) / size.width) + 1, Title: heading.textContent.replace(/\s+/g, ' ').trim() });
          }
          columns.remove();
          for (const [el, property, value, priority] of changed) {
            if (value) el.style.setProperty(property, value, priority); else el.style.removeProperty(property);
          }
          return targets;
        }
        """;

    /// <summary>Writes the pages (by target id) into the referencing elements.</summary>
    public const string FillScript = """
        (pages) => {
          for (const el of document.querySelectorAll('[data-page-of]')) {
            const page = pages[el.getAttribute('data-page-of')];
            if (page) { el.textContent = String(page); el.classList.remove('pending'); }
          }
        }
        """;

    /// <summary>
    /// The page of each target whose heading is among the PDF's bookmarks, matched by title in document order. A
    /// target without a bookmark is left out (it cannot be checked).
    /// </summary>
    public static IReadOnlyDictionary<string, int> FromOutline(byte[] pdf, IEnumerable<Target> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        using var document = PdfDocument.Open(pdf);
        var bookmarks = document.TryGetBookmarks(out var outline) ? Flatten(outline.Roots).ToList() : [];
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 0;
        foreach (var target in targets.Where(t => t.Page > 0).OrderBy(t => t.Page))
        {
            var index = bookmarks.FindIndex(next, b => b.Title == target.Title);
            if (index < 0)
            {
                continue;
            }

            pages[target.Id] = bookmarks[index].Page;
            next = index + 1;
        }

        return pages;
    }

    /// <summary>The printable area of a page in CSS pixels (96 per inch): A4, less the margins.</summary>
    public static (double Width, double Height) ContentSize(PdfPageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (width, height) = options.Landscape ? (297.0, 210.0) : (210.0, 297.0);
        return (
            Pixels(width, "mm") - Length(options.MarginLeft) - Length(options.MarginRight),
            Pixels(height, "mm") - Length(options.MarginTop) - Length(options.MarginBottom));
    }

    /// <summary>A CSS length (px, cm, mm, in, pt; a bare number is pixels) in CSS pixels.</summary>
    public static double Length(string length)
    {
        ArgumentNullException.ThrowIfNull(length);
        var text = length.Trim().ToLowerInvariant();
        var unit = new string(text.SkipWhile(c => char.IsDigit(c) || c is '.' or '-' or '+').ToArray());
        var number = text[..(text.Length - unit.Length)];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? Pixels(value, unit.Trim())
            : throw new FormatException($"Not a CSS length: \"{length}\".");
    }

    private static double Pixels(double value, string unit) => unit switch
    {
        "" or "px" => value,
        "in" => value * 96,
        "cm" => value * 96 / 2.54,
        "mm" => value * 96 / 25.4,
        "pt" => value * 96 / 72,
        _ => throw new FormatException($"Unknown CSS unit \"{unit}\"."),
    };

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<(string Title, int Page)> Flatten(IEnumerable<BookmarkNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node is DocumentBookmarkNode document)
            {
                yield return (Normalise(node.Title), document.PageNumber);
            }

            foreach (var child in Flatten(node.Children))
            {
                yield return child;
            }
        }
    }
}
