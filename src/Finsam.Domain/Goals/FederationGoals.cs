namespace Finsam.Domain.Goals;

/// <summary>Bedömning of a förbund goal.</summary>
public enum GoalAssessment
{
    /// <summary>Uppfyllt.</summary>
    Met = 1,

    /// <summary>Delvis uppfyllt.</summary>
    PartlyMet = 2,

    /// <summary>Ej uppfyllt.</summary>
    NotMet = 3,
}

/// <summary>A målområde of the förbund's verksamhetsplan for one year, e.g. "Stödja metod- och kunskapsutveckling".</summary>
public class GoalArea : IVersioned
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>Order and number in the plan: målområde 1, 2, 3.</summary>
    public int Number { get; set; }

    public required string Name { get; set; }

    /// <summary>
    /// The kansli's override of the area's status. Null: the status follows from the indicators (<see cref="StatusOf"/>).
    /// An override counts only with a written <see cref="AssessmentReason"/>, which is printed beside it.
    /// </summary>
    public GoalAssessment? Assessment { get; set; }

    /// <summary>Why the status departs from the indicators; printed in the report beside the status.</summary>
    public string? AssessmentReason { get; set; }

    /// <summary>
    /// The status that follows from the indicators' assessments: all met → uppfyllt, all ej uppfyllt → ej uppfyllt,
    /// otherwise delvis uppfyllt. Indicators not yet assessed are left out; with none assessed there is no status.
    /// </summary>
    public static GoalAssessment? StatusOf(IEnumerable<GoalAssessment?> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var assessed = indicators.OfType<GoalAssessment>().ToList();
        return assessed.Count == 0 ? null
            : assessed.All(a => a == GoalAssessment.Met) ? GoalAssessment.Met
            : assessed.All(a => a == GoalAssessment.NotMet) ? GoalAssessment.NotMet
            : GoalAssessment.PartlyMet;
    }

    /// <summary>The status in force: the override when it has a reason, otherwise <paramref name="fromIndicators"/>.</summary>
    public GoalAssessment? EffectiveStatus(GoalAssessment? fromIndicators) =>
        Assessment is { } chosen && !string.IsNullOrWhiteSpace(AssessmentReason) ? chosen : fromIndicators;

    /// <summary>Whether the status in force departs from the one the indicators give.</summary>
    public bool IsOverridden(GoalAssessment? fromIndicators) => EffectiveStatus(fromIndicators) != fromIndicators;

    public string? Comment { get; set; }

    public ICollection<Objective> Objectives { get; } = new List<Objective>();

    public Guid Version { get; set; }
}

/// <summary>A målsättning of a målområde, e.g. "Förbundet bidrar till struktur och långsiktighet i samverkansarbetet".</summary>
public class Objective : IVersioned
{
    public int Id { get; set; }

    public int GoalAreaId { get; set; }

    public GoalArea? GoalArea { get; set; }

    public int SortOrder { get; set; }

    public required string Text { get; set; }

    public ICollection<Indicator> Indicators { get; } = new List<Indicator>();

    public Guid Version { get; set; }
}

/// <summary>
/// An indicator of a målsättning, e.g. "35 % av deltagarna arbetar/studerar vid avslut": its measure (computed from the
/// förbund's total where the data exists, otherwise entered with a source) and the kansli's assessment with a comment.
/// </summary>
public class Indicator : IVersioned
{
    public int Id { get; set; }

    public int ObjectiveId { get; set; }

    public Objective? Objective { get; set; }

    public int SortOrder { get; set; }

    public required string Text { get; set; }

    public GoalMeasure Measure { get; set; } = new();

    /// <summary>The assessment; while null the page shows the one suggested by the measure.</summary>
    public GoalAssessment? Assessment { get; set; }

    public string? Comment { get; set; }

    public Guid Version { get; set; }

    /// <summary>Met → uppfyllt, missed → ej uppfyllt; "delvis" is only ever chosen by hand.</summary>
    public static GoalAssessment? Suggest(GoalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Met switch
        {
            true => GoalAssessment.Met,
            false => GoalAssessment.NotMet,
            null => null,
        };
    }
}
