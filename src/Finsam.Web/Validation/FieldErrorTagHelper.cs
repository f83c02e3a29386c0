using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Finsam.Web.Validation;

/// <summary>
/// Every form field with an error says so at the field, on every form: <c>aria-invalid="true"</c>, its message
/// after it (before it for a checkbox or a radio button, whose label follows) and <c>aria-describedby</c> pointing to
/// the message. The message's id is the one the field's own <c>_FieldError</c> would give (<see cref="FieldErrors"/>),
/// and <c>_FieldError</c> leaves out a message shown here, so no page shows it twice. A field whose page marks it
/// itself (it writes <c>aria-invalid</c>) is left as the page made it.
/// </summary>
[HtmlTargetElement("input")]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class FieldErrorTagHelper : TagHelper
{
    /// <summary>The request item holding the keys whose messages have been shown at their fields.</summary>
    public const string ShownKey = "Finsam.FieldErrors.Shown";

    /// <summary>After the framework's tag helpers, which may write the field's name.</summary>
    public override int Order => 1000;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var type = output.Attributes["type"]?.Value?.ToString() ?? "";
        if (output.Attributes["name"]?.Value?.ToString() is not { Length: > 0 } name
            || type.Equals("hidden", StringComparison.OrdinalIgnoreCase)
            || output.Attributes.ContainsName("aria-invalid"))
        {
            return;
        }

        var messages = FieldErrors.Of(ViewContext.ViewData.ModelState, name);
        if (messages.Count == 0)
        {
            return;
        }

        var messageId = FieldErrors.ElementId(name) + "-fel";
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(describedBy) ? messageId : $"{describedBy} {messageId}");

        if (Shown(ViewContext).Add(name))
        {
            var message = $"<p class=\"field-error\" id=\"{HtmlEncoder.Default.Encode(messageId)}\">{HtmlEncoder.Default.Encode(string.Join(" ", messages))}</p>";
            if (type is "checkbox" or "radio")
            {
                output.PreElement.AppendHtml(message);
            }
            else
            {
                output.PostElement.AppendHtml(message);
            }
        }
    }

    /// <summary>The keys whose messages this request has shown at their fields.</summary>
    public static HashSet<string> Shown(ViewContext viewContext)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        var items = viewContext.HttpContext.Items;
        if (items[ShownKey] is not HashSet<string> shown)
        {
            shown = new HashSet<string>(StringComparer.Ordinal);
            items[ShownKey] = shown;
        }

        return shown;
    }
}
