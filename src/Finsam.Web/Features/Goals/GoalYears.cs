namespace Finsam.Web.Features.Goals;

/// <summary>Small helpers shared by the goal pages.</summary>
public static class GoalYears
{
    public static string? TrimOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
