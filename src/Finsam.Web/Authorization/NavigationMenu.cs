namespace Finsam.Web.Authorization;

/// <summary>The main navigation. Each entry is shown only to users that satisfy its policy.</summary>
public static class NavigationMenu
{
    public sealed record Item(string Text, string Page, string Policy);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("Start", "/Index", Policies.SignedIn),
        new("Insatser", "/Insatser/Index", Policies.Registration),
        new("Deltagare", "/Deltagare/Index", Policies.ParticipantData),
        new("Översikt", "/Oversikt/Index", Policies.Overview),
        new("Mål", "/Mal/Index", Policies.GoalManagement),
        new("Ekonomi", "/Ekonomi/Index", Policies.Economy),
        new("Årsredovisning", "/Arsredovisning/Index", Policies.Report),
        new("Användare", "/Admin/Anvandare/Index", Policies.Administration),
        new("Granskningslogg", "/Admin/Granskningslogg/Index", Policies.Administration),
    ];
}
