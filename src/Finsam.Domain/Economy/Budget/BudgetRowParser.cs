using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;
using Finsam.Domain.Insatser;
using Finsam.Domain.Participants.Import;

namespace Finsam.Domain.Economy.Budget;

/// <summary>A budget line as read from a form or a file, checked and ready to store.</summary>
public sealed record BudgetEntry(OperatingCategory Category, int? InsatsId, decimal Income, decimal Cost, string? Comment);

/// <summary>The columns of a budget file (CSV or Excel), in order. See docs/economy.md.</summary>
public static class BudgetFileFormat
{
    public const string Category = "Kategori";
    public const string ProjectCode = "Projektkod";
    public const string Name = "Benämning";
    public const string Income = "Intäkt";
    public const string Cost = "Kostnad";
    public const string Comment = "Kommentar";

    public static IReadOnlyList<string> Columns { get; } = [Category, ProjectCode, Name, Income, Cost, Comment];

    /// <summary>The columns a file must have; <see cref="Name"/> and <see cref="Comment"/> may be left out.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = [Category, ProjectCode, Income, Cost];

    public const int MaxCommentLength = 500;
}

/// <summary>
/// Reads and checks budget lines: a line names an insats by its project code (its category follows from the insats),
/// or a category without an insats (only <see cref="OperatingCategory.MemberIncome"/> and
/// <see cref="OperatingCategory.Unallocated"/> and <see cref="OperatingCategory.FinancialItems"/>); amounts are kronor, zero or more; each insats or category once.
/// </summary>
public sealed class BudgetRowParser(IReadOnlyCollection<Insats> insatser)
{
    private readonly Dictionary<string, Insats> byCode = insatser.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(OperatingCategory, int?)> seen = [];

    /// <summary>Categories that take a budget line without an insats.</summary>
    public static IReadOnlyList<OperatingCategory> CategoriesWithoutInsats { get; } = [OperatingCategory.MemberIncome, OperatingCategory.Unallocated, OperatingCategory.FinancialItems];

    public static OperatingCategory CategoryOf(Insats insats) => new OperatingUnit(insats.Code, insats.Name, insats.Kind).Category;

    /// <param name="line">The line number (or row) for messages.</param>
    /// <param name="valueOf">The cell of a column of <see cref="BudgetFileFormat"/>; empty when missing.</param>
    /// <param name="errors">Problems are added here, each naming the line and column.</param>
    public BudgetEntry? Parse(int line, Func<string, string> valueOf, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var code = valueOf(BudgetFileFormat.ProjectCode).Trim();
        var categoryText = valueOf(BudgetFileFormat.Category).Trim();
        OperatingCategory? category = null;
        if (categoryText.Length > 0)
        {
            if (SwedishNames.TryParse<OperatingCategory>(categoryText, out var parsed))
            {
                category = parsed;
            }
            else
            {
                errors.Add(new RowError(line, BudgetFileFormat.Category, $"\"{categoryText}\" är ingen kategori. Välj bland: {SwedishNames.Choices<OperatingCategory>()}."));
            }
        }

        Insats? insats = null;
        if (code.Length > 0)
        {
            if (!byCode.TryGetValue(code, out insats))
            {
                errors.Add(new RowError(line, BudgetFileFormat.ProjectCode, $"Ingen insats har projektkoden \"{code}\"."));
            }
            else if (category is { } c && c != CategoryOf(insats))
            {
                errors.Add(new RowError(line, BudgetFileFormat.Category,
                    $"{insats.Code} {insats.Name} hör till kategorin {SwedishNames.Of(CategoryOf(insats))}, inte {SwedishNames.Of(c)}."));
            }
        }
        else if (category is null && categoryText.Length == 0)
        {
            errors.Add(new RowError(line, BudgetFileFormat.ProjectCode, "Ange projektkoden för en insats, eller en kategori utan projektkod."));
        }
        else if (category is { } c && !CategoriesWithoutInsats.Contains(c))
        {
            errors.Add(new RowError(line, BudgetFileFormat.ProjectCode, $"Kategorin {SwedishNames.Of(c)} budgeteras per insats: ange projektkoden."));
        }

        var income = Amount(line, BudgetFileFormat.Income, valueOf(BudgetFileFormat.Income), errors);
        var cost = Amount(line, BudgetFileFormat.Cost, valueOf(BudgetFileFormat.Cost), errors);
        var comment = valueOf(BudgetFileFormat.Comment).Trim();
        if (comment.Length > BudgetFileFormat.MaxCommentLength)
        {
            errors.Add(new RowError(line, BudgetFileFormat.Comment, $"Kommentaren får vara högst {BudgetFileFormat.MaxCommentLength} tecken."));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var entryCategory = insats is null ? category!.Value : CategoryOf(insats);
        if (!seen.Add((entryCategory, insats?.Id)))
        {
            errors.Add(new RowError(line, code.Length > 0 ? BudgetFileFormat.ProjectCode : BudgetFileFormat.Category,
                insats is null ? $"Kategorin {SwedishNames.Of(entryCategory)} finns redan på en tidigare rad." : $"{insats.Code} finns redan på en tidigare rad."));
            return null;
        }

        return new BudgetEntry(entryCategory, insats?.Id, income, cost, comment.Length == 0 ? null : comment);
    }

    private static decimal Amount(int line, string column, string text, List<RowError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0m;
        }

        if (SwedishFormat.TryParseDecimal(text, out var amount) && amount >= 0m && amount < 1_000_000_000_000m && decimal.Round(amount, 2) == amount)
        {
            return amount;
        }

        errors.Add(new RowError(line, column, $"\"{text.Trim()}\" är inget belopp i kronor (0 eller mer, högst två decimaler)."));
        return 0m;
    }
}
