using Finsam.Domain.Statistics;

namespace Finsam.Domain.Goals;

/// <summary>
/// The small-cell rule (<see cref="SmallCells"/>, docs/privacy.md) applied to one indicator survey result, for the roles
/// without person access and the published report: a group of 1–4 respondents, or an answer given by 1–4 of them, could
/// be read back to the persons who answered.
/// <list type="bullet">
/// <item>Svarande and tillfrågade of 1–4 are shown as "&lt;5".</item>
/// <item>The answers negativa, neutrala and klart positiva are counts of respondents: a count of 1–4 is hidden, and
/// since the three add up to the svarande, one hidden answer hides the smallest other (the secondary rule). When only
/// shares were entered, the counts are taken from the share of the svarande (rounded).</item>
/// <item>Each share (negativa, neutrala, klart positiva of the svarande; svarsfrekvens = svarande of tillfrågade) is
/// hidden by the share rule (<see cref="SmallCells.Hides(Share)"/>: n, N or N−n is 1–4) or when its count is hidden;
/// the difference from the comparison value is hidden with klart positiva. The comparison value (riket) is not a
/// count of the förbund's respondents and is always shown.</item>
/// </list>
/// </summary>
public sealed record SurveySmallCells(bool Answered, bool Asked, bool Negative, bool Neutral, bool Positive, bool ResponseRate)
{
    /// <summary>Nothing hidden: the exact figures (Kansli, Förbundschef on their pages).</summary>
    public static SurveySmallCells None { get; } = new(false, false, false, false, false, false);

    /// <summary>Whether anything of the result is hidden (the table then prints <see cref="SmallCells.Note"/>).</summary>
    public bool Any => Answered || Asked || Negative || Neutral || Positive || ResponseRate;

    /// <summary>What the rule hides of <paramref name="result"/>.</summary>
    public static SurveySmallCells Of(SurveyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var answered = result.Answered;
        int? Count(int? count, decimal? percent) =>
            count ?? (percent is { } p && answered > 0 ? (int)Math.Round(p * answered / 100m, MidpointRounding.AwayFromZero) : null);
        int?[] parts = [Count(result.Negative, result.NegativePercent), Count(result.Neutral, result.NeutralPercent), Count(result.Positive, result.PositivePercent)];

        // Cell 0 the svarande, 1–3 the answers; the answers and the svarande are tied by a sum when all three are known.
        var counts = new Dictionary<int, int> { [0] = answered };
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is { } n)
            {
                counts[i + 1] = n;
            }
        }

        IEnumerable<IEnumerable<int>> groups = parts.All(p => p is not null) ? [[0, 1, 2, 3]] : [];
        var hidden = SmallCells.Suppress(counts, groups);
        bool ShareHidden(int cell) => parts[cell - 1] is { } n && (hidden.Contains(cell) || hidden.Contains(0) || SmallCells.Hides(new Share(n, answered)));
        var rate = result.ResponseRate;
        return new SurveySmallCells(
            hidden.Contains(0),
            result.Asked is { } asked && SmallCells.IsSmall(asked),
            ShareHidden(1),
            ShareHidden(2),
            ShareHidden(3),
            rate is { } r && (hidden.Contains(0) || SmallCells.Hides(r)));
    }
}
