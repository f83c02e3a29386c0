using System.Net;
using System.Text.RegularExpressions;

namespace Finsam.TestSupport;

/// <summary>
/// Page and report text as tests assert on it: Razor writes a no-break space as <c>&amp;#xA0;</c> and Swedish numbers
/// use U+00A0 and the minus sign U+2212, so tests compare with plain spaces and hyphens. Import with <c>using static</c>.
/// </summary>
public static partial class PageText
{
    /// <summary>No-break spaces as spaces, minus signs as hyphens.</summary>
    public static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace('\u00a0', ' ').Replace('\u2212', '-');
    }

    /// <summary>HTML with its entities decoded, then <see cref="Plain"/>.</summary>
    public static string Decoded(string html) => Plain(WebUtility.HtmlDecode(html));

    /// <summary><see cref="Decoded"/> without the white space between tags, so a table row reads as one string.</summary>
    public static string Text(string html) => BetweenTags().Replace(Decoded(html), "><");

    [GeneratedRegex(">\\s+<")]
    private static partial Regex BetweenTags();
}
