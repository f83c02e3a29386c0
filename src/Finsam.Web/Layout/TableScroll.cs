using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Finsam.Web.Layout;

/// <summary>
/// Every table of the app scrolls sideways inside its own region, so that the page never does (WCAG 1.4.10): the
/// table is wrapped in <c>&lt;div class="table-scroll" role="region" aria-labelledby="(the caption)" tabindex="0"&gt;</c>,
/// named by its caption and focusable, so that a keyboard user can scroll it. A caption without an id gets one.
/// The print stylesheet lets the region grow to the whole table.
/// </summary>
[HtmlTargetElement("table")]
public sealed class TableScrollTagHelper : TagHelper
{
    /// <summary>Runs after the other tag helpers of a table, so that it wraps what they render.</summary>
    public override int Order => 1000;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var caption = new CaptionId(ViewContext.HttpContext);
        context.Items[typeof(CaptionId)] = caption;
        _ = await output.GetChildContentAsync();   // renders the caption, which reports its id

        output.PreElement.AppendHtml(caption.Id is null
            ? "<div class=\"table-scroll\">"
            : $"<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"{System.Net.WebUtility.HtmlEncode(caption.Id)}\" tabindex=\"0\">");
        output.PostElement.AppendHtml("</div>");
    }

    /// <summary>The id of a table's caption, from the caption's own id or one unique in the response.</summary>
    internal sealed class CaptionId(HttpContext http)
    {
        public string? Id { get; private set; }

        public string Assign(string? own)
        {
            if (own is null)
            {
                var number = http.Items[typeof(CaptionId)] as int? ?? 0;
                http.Items[typeof(CaptionId)] = ++number;
                own = "tabell-" + number.ToString(CultureInfo.InvariantCulture);
            }

            return Id = own;
        }
    }
}

/// <summary>Gives a table's caption an id (unless it has one) and tells its table, for <see cref="TableScrollTagHelper"/>.</summary>
[HtmlTargetElement("caption", ParentTag = "table")]
public sealed class TableCaptionTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (context.Items.TryGetValue(typeof(TableScrollTagHelper.CaptionId), out var item) && item is TableScrollTagHelper.CaptionId caption)
        {
            var own = output.Attributes.TryGetAttribute("id", out var id) ? Text(id.Value) : null;
            var assigned = caption.Assign(string.IsNullOrWhiteSpace(own) ? null : own);
            if (own is null)
            {
                output.Attributes.SetAttribute("id", assigned);
            }
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        Microsoft.AspNetCore.Html.IHtmlContent html => Render(html),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Render(Microsoft.AspNetCore.Html.IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }
}
