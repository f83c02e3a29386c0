namespace Finsam.Web.Goals;

/// <summary>Small helpers shared by the goal pages.</summary>
public static class GoalYears
{
    public const string StaleMessage = "Någon annan har ändrat uppgifterna medan du skrev. Ladda om sidan och gör ändringen igen.";

    public static string? TrimOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
