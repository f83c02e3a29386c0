using Finsam.Domain.Goals;

namespace Finsam.Web.Features.Goals;

/// <summary>
/// Configuration section "Goals": the rating scale of the insatser, best first. Each level may name the rule outcome
/// (<see cref="RatingBasis"/>) it is suggested for. Without the section the default scale of the seed bilaga is used.
/// </summary>
public sealed class GoalOptions
{
    public const string Section = "Goals";

    public List<Level> RatingScale { get; set; } = [];

    public sealed class Level
    {
        public string Name { get; set; } = "";

        public RatingBasis? SuggestedFor { get; set; }
    }

    /// <summary>Reads the scale; a scale that does not hold together stops the start with a Swedish message.</summary>
    public static RatingScale ReadScale(IConfiguration section)
    {
        var options = section.Get<GoalOptions>() ?? new GoalOptions();
        if (options.RatingScale.Count == 0)
        {
            return Domain.Goals.RatingScale.Default;
        }

        var levels = options.RatingScale.Select(l => new RatingLevel(l.Name.Trim(), l.SuggestedFor)).ToList();
        var problems = Domain.Goals.RatingScale.Check(levels);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Inställningen Goals:RatingScale är felaktig: " + string.Join(" ", problems));
        }

        return new RatingScale(levels);
    }
}
