using Finsam.Domain.Formatting;
using Finsam.Domain.Participants.Import;

namespace Finsam.Domain.Goals;

/// <summary>
/// The columns of a survey aggregate file (CSV or Excel), one row per respondent group and question. See docs/goals.md.
/// </summary>
public static class SurveyFileFormat
{
    public const string Group = "Grupp";
    public const string Question = "Fråga";
    public const string Asked = "Tillfrågade";
    public const string Answered = "Svarande";
    public const string Negative = "Negativa";
    public const string Neutral = "Neutrala";
    public const string Positive = "Positiva";
    public const string NegativePercent = "Andel negativa";
    public const string NeutralPercent = "Andel neutrala";
    public const string PositivePercent = "Andel positiva";
    public const string NationalAnswered = "Riket svarande";
    public const string NationalPositivePercent = "Riket andel positiva";

    public static IReadOnlyList<string> Columns { get; } =
    [
        Group, Question, Asked, Answered, Negative, Neutral, Positive, NegativePercent, NeutralPercent, PositivePercent,
        NationalAnswered, NationalPositivePercent,
    ];

    public static IReadOnlyList<string> Required { get; } = [Group, Question, Answered];

    /// <summary>Reads and checks one row; every problem of the row is added to <paramref name="errors"/>.</summary>
    /// <param name="valueOf">The row's trimmed text for a column of <see cref="Columns"/> ("" when absent).</param>
    public static SurveyResult? Parse(int line, Func<string, string> valueOf, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        void Error(string column, string message) => errors.Add(new RowError(line, column, message));

        string Text(string column, int max)
        {
            var text = valueOf(column);
            if (text.Length == 0)
            {
                Error(column, "Saknas.");
            }
            else if (text.Length > max)
            {
                Error(column, $"Högst {max} tecken.");
            }

            return text;
        }

        int? Count(string column)
        {
            var text = valueOf(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (!SwedishFormat.TryParseDecimal(text, out var value) || value != Math.Floor(value) || value < 0 || value > 1_000_000)
            {
                Error(column, $"\"{text}\" är inte ett antal (ett heltal, 0 eller mer).");
                return null;
            }

            return (int)value;
        }

        decimal? Percent(string column)
        {
            var text = valueOf(column).TrimEnd('%').TrimEnd();
            if (text.Length == 0)
            {
                return null;
            }

            if (!SwedishFormat.TryParseDecimal(text, out var value) || value < 0m || value > 100m)
            {
                Error(column, $"\"{valueOf(column)}\" är inte en andel i procent (0–100).");
                return null;
            }

            return value;
        }

        var result = new SurveyResult
        {
            Group = Text(Group, 200),
            Question = Text(Question, 500),
            Asked = Count(Asked),
            Negative = Count(Negative),
            Neutral = Count(Neutral),
            Positive = Count(Positive),
            NegativePercent = Percent(NegativePercent),
            NeutralPercent = Percent(NeutralPercent),
            PositivePercent = Percent(PositivePercent),
            NationalAnswered = Count(NationalAnswered),
            NationalPositivePercent = Percent(NationalPositivePercent),
        };
        if (Count(Answered) is { } answered)
        {
            result.Answered = answered;
        }
        else if (!errors.Skip(before).Any(e => e.Column == Answered))
        {
            Error(Answered, "Saknas.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        foreach (var problem in result.Check())
        {
            Error(Answered, problem);
        }

        return errors.Count > before ? null : result;
    }
}
