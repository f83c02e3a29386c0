namespace Finsam.Domain.Economy.Statements;

/// <summary>
/// Ansvarsförbindelser: commitments outside the balance sheet (guarantees, pension obligations and the like). Entered
/// per year as text with the balanskrav adjustments and printed under the balansräkning; "Inga" when nothing is entered.
/// </summary>
public static class ContingentLiabilities
{
    public const int MaxLength = 1000;

    public const string None = "Inga";

    /// <summary>The text to print: what was entered, or "Inga".</summary>
    public static string Text(string? entered) => string.IsNullOrWhiteSpace(entered) ? None : entered.Trim();

    /// <summary>The line under the balansräkning.</summary>
    public static string Note(string? entered) => "Ansvarsförbindelser: " + Text(entered);

    /// <summary>What to store: null for nothing or "Inga" (so the default follows), otherwise the trimmed text.</summary>
    public static string? Normalise(string? entered) =>
        string.IsNullOrWhiteSpace(entered) || string.Equals(entered.Trim(), None, StringComparison.OrdinalIgnoreCase) ? null : entered.Trim();

    /// <summary>A Swedish message naming the field when the text cannot be stored, otherwise null.</summary>
    public static string? Validate(string? entered) =>
        Normalise(entered) is { Length: > MaxLength } text
            ? $"Ansvarsförbindelser får vara högst {MaxLength} tecken (nu {text.Length})."
            : null;
}
