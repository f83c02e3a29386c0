using Ganss.Xss;
using Markdig;

namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// Turns the förbund's Markdown into HTML that is safe to put into the report: raw HTML in the text is shown as
/// text, the text's top heading level becomes h2 (the section's title is the h1), and the result is sanitised (no
/// scripts, no style attributes, links only to http, https and mailto).
/// </summary>
public static class ReportMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedAttributes.Remove("id");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedTags.Remove("img");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        return sanitizer;
    }

    /// <returns>Sanitised HTML, or null for an empty text.</returns>
    public static string? ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        var headings = Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.HeadingBlock>(document).ToList();
        if (headings.Count > 0)
        {
            // The text's top heading level becomes h2, right under the section's h1, whatever level the writer started at.
            var shift = 2 - headings.Min(h => h.Level);
            foreach (var heading in headings)
            {
                heading.Level = Math.Clamp(heading.Level + shift, 2, 6);
            }
        }

        var html = document.ToHtml(Pipeline);
        return Sanitizer.Sanitize(html);
    }
}
