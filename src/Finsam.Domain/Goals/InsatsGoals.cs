using Finsam.Domain.Insatser;

namespace Finsam.Domain.Goals;

/// <summary>One goal of an insats for one year, e.g. "50 % i arbete/studier", measured from the insats's registrations.</summary>
public class InsatsGoal : IVersioned
{
    public int Id { get; set; }

    public int InsatsId { get; set; }

    public Insats? Insats { get; set; }

    public int Year { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The goal as the plan words it.</summary>
    public required string Text { get; set; }

    /// <summary>A main outcome goal (huvudsakligt resultatmål) rather than a process goal; the rating rule weighs it.</summary>
    public bool IsMainOutcome { get; set; }

    public GoalMeasure Measure { get; set; } = new();

    public Guid Version { get; set; }
}

/// <summary>
/// The rating (måluppfyllelse) of an insats for a year when the kansli overrides the rule's suggestion, with the reason,
/// and a comment shown in the bilaga.
/// </summary>
public class InsatsRating : IVersioned
{
    public int Id { get; set; }

    public int InsatsId { get; set; }

    public Insats? Insats { get; set; }

    public int Year { get; set; }

    /// <summary>The chosen level of the rating scale; null follows the suggestion.</summary>
    public string? Rating { get; set; }

    /// <summary>Why the suggestion was overridden; required with <see cref="Rating"/>.</summary>
    public string? OverrideReason { get; set; }

    public string? Comment { get; set; }

    public Guid Version { get; set; }
}
