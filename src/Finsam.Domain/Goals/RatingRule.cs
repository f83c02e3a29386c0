namespace Finsam.Domain.Goals;

/// <summary>Why the rule suggests a rating; each basis is mapped to a level of the configurable scale.</summary>
public enum RatingBasis
{
    /// <summary>Every judged goal is met (default: Mycket god).</summary>
    AllGoalsMet = 1,

    /// <summary>The main outcome goals are met, some other goal is not (default: God).</summary>
    MainOutcomeMet = 2,

    /// <summary>The main outcome is missed, but every process goal is met (default: Godtagbart).</summary>
    ProcessGoalsMet = 3,

    /// <summary>The insats ended during the year before its planned end (default: Ej tillämpbar).</summary>
    InsatsEnded = 4,

    /// <summary>Neither the main outcome nor all process goals are met: no level by default, the kansli chooses.</summary>
    NotMet = 5,

    /// <summary>No goal can be judged: no suggestion.</summary>
    NothingToJudge = 6,
}

/// <summary>One goal as the rating rule sees it.</summary>
public sealed record GoalCheck(bool IsMainOutcome, bool? Met);

/// <summary>
/// The documented rule that suggests an insats's rating for a year (docs/goals.md). The annual reports state no rule;
/// this one reproduces the ratings of the seed bilaga: all quantified goals met = Mycket god; main outcome met = God;
/// main outcome missed but process goals met = Godtagbart; insats ended during the year before its planned end =
/// Ej tillämpbar. An insats that ran its planned period (to 31 December, or to its planned end within the year) is
/// judged on its goals.
/// </summary>
public static class RatingRule
{
    public static RatingBasis Suggest(IReadOnlyCollection<GoalCheck> goals, bool insatsEndedEarly)
    {
        ArgumentNullException.ThrowIfNull(goals);
        if (insatsEndedEarly)
        {
            return RatingBasis.InsatsEnded;
        }

        var judged = goals.Where(g => g.Met is not null).ToList();
        if (judged.Count == 0)
        {
            return RatingBasis.NothingToJudge;
        }

        if (judged.All(g => g.Met == true))
        {
            return RatingBasis.AllGoalsMet;
        }

        var main = judged.Where(g => g.IsMainOutcome).ToList();
        var process = judged.Where(g => !g.IsMainOutcome).ToList();
        if (main.Count > 0 && main.All(g => g.Met == true))
        {
            return RatingBasis.MainOutcomeMet;
        }

        return process.Count > 0 && process.All(g => g.Met == true) ? RatingBasis.ProcessGoalsMet : RatingBasis.NotMet;
    }

    /// <summary>
    /// Whether an insats ended during the year before its planned end. Ending on 31 December, or on or after the planned
    /// end, is running the planned period; an end within the year without a planned end is taken as ended early.
    /// </summary>
    public static bool EndedEarly(DateOnly? endDate, DateOnly? plannedEndDate, int year)
    {
        if (endDate is not { } end || end.Year != year)
        {
            return false;
        }

        if (end == new DateOnly(year, 12, 31))
        {
            return false;
        }

        return plannedEndDate is not { } planned || end < planned;
    }
}

/// <summary>A level of the rating scale and the rule outcome it is suggested for (none: only chosen by hand).</summary>
public sealed record RatingLevel(string Name, RatingBasis? SuggestedFor);

/// <summary>The configurable rating scale, best first. The default is the one of the seed bilaga.</summary>
public sealed class RatingScale
{
    public RatingScale(IEnumerable<RatingLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        Levels = levels.ToList();
        var problems = Check(Levels);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(levels));
        }
    }

    public static RatingScale Default { get; } = new(
    [
        new("Mycket god", RatingBasis.AllGoalsMet),
        new("God", RatingBasis.MainOutcomeMet),
        new("Godtagbart", RatingBasis.ProcessGoalsMet),
        new("Ej tillämpbar", RatingBasis.InsatsEnded),
    ]);

    public IReadOnlyList<RatingLevel> Levels { get; }

    /// <summary>The level the rule suggests, or null when the scale has none for the basis.</summary>
    public RatingLevel? Suggest(RatingBasis basis) => Levels.FirstOrDefault(l => l.SuggestedFor == basis);

    public RatingLevel? Find(string? name) =>
        Levels.FirstOrDefault(l => string.Equals(l.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<string> Check(IReadOnlyCollection<RatingLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var problems = new List<string>();
        if (levels.Count == 0)
        {
            problems.Add("Bedömningsskalan har inga nivåer.");
        }

        if (levels.Any(l => string.IsNullOrWhiteSpace(l.Name)))
        {
            problems.Add("En nivå i bedömningsskalan saknar namn.");
        }

        foreach (var name in levels.GroupBy(l => l.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Nivån \"{name.Key}\" finns flera gånger i bedömningsskalan.");
        }

        foreach (var basis in levels.Where(l => l.SuggestedFor is not null).GroupBy(l => l.SuggestedFor).Where(g => g.Count() > 1))
        {
            problems.Add($"Flera nivåer föreslås för samma utfall ({basis.Key}).");
        }

        return problems;
    }
}
