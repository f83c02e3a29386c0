using Finsam.Domain.Organisation;

namespace Finsam.Domain.Insatser;

/// <summary>An intervention (insats) funded by the förbund and run by one or more members.</summary>
public class Insats : IVersioned
{
    public int Id { get; set; }

    /// <summary>The project code used in the ledger's object dimension, e.g. "P25". Unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public InsatsKind Kind { get; set; }

    public InsatsStatus Status { get; set; } = InsatsStatus.Active;

    public DateOnly StartDate { get; set; }

    /// <summary>Last day of the insats, or null while it has no decided end.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>
    /// The decided end when the insats started (planerat slut), or null. An insats that ends on or after it, or on
    /// 31 December, ran its planned period and is judged on its goals (<see cref="Goals.RatingRule"/>).
    /// </summary>
    public DateOnly? PlannedEndDate { get; set; }

    /// <summary>Whether the insats ended during the year before its planned end (the rating is then "Ej tillämpbar").</summary>
    public bool EndedEarlyIn(int year) => Goals.RatingRule.EndedEarly(EndDate, PlannedEndDate, year);

    /// <summary>Target group in words, e.g. "Unga vuxna 16–29 år med aktivitetsersättning".</summary>
    public string? TargetGroup { get; set; }

    public int? MinAge { get; set; }

    public int? MaxAge { get; set; }

    public string? Description { get; set; }

    /// <summary>
    /// Whether the insats is counted in the förbund's participant totals (not every one is): the default for a year
    /// without its own <see cref="InsatsYearSettings"/>.
    /// </summary>
    public bool CountsInParticipantTotals { get; set; } = true;

    /// <summary>Co-funding besides the förbund, e.g. "ESF".</summary>
    public string? CoFunding { get; set; }

    /// <summary>The members that run the insats (utförare).</summary>
    public ICollection<Member> Executors { get; } = new List<Member>();

    public Guid Version { get; set; }

    /// <summary>Whether the insats runs on any day of the given period.</summary>
    public bool RunsDuring(DateOnly from, DateOnly to) => StartDate <= to && (EndDate is null || EndDate >= from);

    public bool HasParticipants => Kind == InsatsKind.Individual;
}

/// <summary>What an insats does: works with enrolled participants, builds capacity, or runs the förbund.</summary>
public enum InsatsKind
{
    /// <summary>Individinriktad: participants are enrolled.</summary>
    Individual = 1,

    /// <summary>Strukturinriktad: trainings, method support; no participants.</summary>
    Structural = 2,

    /// <summary>Administration: kansli, board, audit, premises.</summary>
    Administration = 3,
}

public enum InsatsStatus
{
    Planned = 1,
    Active = 2,
    Closed = 3,
}
