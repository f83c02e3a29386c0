namespace Finsam.Web.Authorization;

/// <summary>The main navigation. Each entry is shown only to users that may open its page (<see cref="PageAccess"/>).</summary>
public static class NavigationMenu
{
    public sealed record Item(string Text, string Page);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("Start", "/Index"),
        new("Kom igång", "/Setup/Index"),
        new("Organisation", "/Organisation/Index"),
        new("Insatser", "/Insatser/Index"),
        new("Att göra", "/Worklist/Index"),
        new("Deltagare", "/Participants/Index"),
        new("Översikt", "/Overview/Index"),
        new("Mål", "/Goals/Index"),
        new("Ekonomi", "/Economy/Index"),
        new("Årsredovisning", "/AnnualReport/Index"),
        new("Användare", "/Admin/Users/Index"),
        new("Granskningslogg", "/Admin/Audit/Index"),
    ];
}
