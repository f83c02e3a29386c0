using Finsam.Web.Authorization;

namespace Finsam.Web.Layout;

/// <summary>
/// The way back from a page deeper than a menu entry (<see cref="NavigationMenu"/>): every such page shows breadcrumbs
/// whose first step is its menu entry. A page with a longer way back renders its own (<c>_Breadcrumbs</c> with its
/// steps); for any other the layout shows the menu entry and the page's title.
/// </summary>
public static class Breadcrumbs
{
    /// <summary>Set in the request's items when the page has rendered its own breadcrumbs.</summary>
    public const string RenderedKey = "Finsam.Breadcrumbs.Rendered";

    /// <summary>
    /// The menu entry whose folder holds the page (e.g. "Deltagare" for "/Participants/Details"), or null for a menu
    /// entry itself and for pages outside the menu (sign-in, the account pages, the start page).
    /// </summary>
    public static NavigationMenu.Item? SectionOf(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return NavigationMenu.Items
            .Where(i => i.Page != "/Index" && i.Page != page && page.StartsWith(Folder(i.Page), StringComparison.Ordinal))
            .OrderByDescending(i => Folder(i.Page).Length)
            .FirstOrDefault();
    }

    /// <summary>The folder of a page, with its trailing slash ("/Admin/Users/" for "/Admin/Users/Index").</summary>
    public static string Folder(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page[..(page.LastIndexOf('/') + 1)];
    }
}
