using Finsam.Domain.Formatting;

namespace Finsam.Domain.Goals;

/// <summary>A round of the indicator survey (indikatormätning), e.g. "Indikatormätning 2020", with its aggregated results.</summary>
public class SurveyRound : IVersioned
{
    public int Id { get; set; }

    public int Year { get; set; }

    public required string Name { get; set; }

    public string? Comment { get; set; }

    public ICollection<SurveyResult> Results { get; } = new List<SurveyResult>();

    public Guid Version { get; set; }
}

/// <summary>
/// The aggregated answers of one respondent group to one question in a survey round. Counts are kept where known so
/// the shares can be checked; otherwise shares (percent) are entered. The national comparison when known.
/// </summary>
public class SurveyResult
{
    public int Id { get; set; }

    public int SurveyRoundId { get; set; }

    public SurveyRound? SurveyRound { get; set; }

    /// <summary>Respondent group, e.g. "Deltagare avslut, kvinnor", "Personal", "Styrelse".</summary>
    public required string Group { get; set; }

    public required string Question { get; set; }

    /// <summary>Number asked (tillfrågade), when known.</summary>
    public int? Asked { get; set; }

    /// <summary>Number who answered (n).</summary>
    public int Answered { get; set; }

    public int? Negative { get; set; }

    public int? Neutral { get; set; }

    public int? Positive { get; set; }

    /// <summary>Entered shares in percent, when the counts are not known.</summary>
    public decimal? NegativePercent { get; set; }

    public decimal? NeutralPercent { get; set; }

    public decimal? PositivePercent { get; set; }

    /// <summary>The national result (riket) in percent positive, and its n, when known.</summary>
    public decimal? NationalPositivePercent { get; set; }

    public int? NationalAnswered { get; set; }

    public bool HasCounts => Negative is not null || Neutral is not null || Positive is not null;

    /// <summary>Svarsfrekvens: those who answered of those asked (tillfrågade); null when the number asked is not entered.</summary>
    public Statistics.Share? ResponseRate => Asked is { } asked && asked > 0 ? new Statistics.Share(Answered, asked) : null;

    /// <summary>
    /// "Klart positiva" minus the comparison value (riket or the round's chosen comparison), in percentage points;
    /// null when either is unknown.
    /// </summary>
    public decimal? DifferenceFromComparison => PositiveShare is { } own && NationalPositivePercent is { } national ? own - national : null;

    /// <summary>
    /// Percent "klart positiva": the answers in the scale's positive end (the indicator surveys' 5–6 on their six-step
    /// scale; docs/goals.md), computed from the counts when known, otherwise as entered.
    /// </summary>
    public decimal? PositiveShare => Positive is { } p && Answered > 0 ? Math.Round(100m * p / Answered, 1, MidpointRounding.AwayFromZero) : PositivePercent;

    public decimal? NeutralShare => Neutral is { } n && Answered > 0 ? Math.Round(100m * n / Answered, 1, MidpointRounding.AwayFromZero) : NeutralPercent;

    public decimal? NegativeShare => Negative is { } n && Answered > 0 ? Math.Round(100m * n / Answered, 1, MidpointRounding.AwayFromZero) : NegativePercent;

    /// <summary>
    /// What does not add up, in Swedish: counts must sum to the number answered, shares to 100 % (±1 for rounding),
    /// and entered shares must agree with the counts (±1 percentage point).
    /// </summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (Answered < 0 || Asked < 0 || Negative < 0 || Neutral < 0 || Positive < 0 || NationalAnswered < 0)
        {
            problems.Add("Antal kan inte vara negativa.");
        }

        if (Asked is { } asked && Answered > asked)
        {
            problems.Add($"Fler svarande ({SwedishFormat.Number(Answered)}) än tillfrågade ({SwedishFormat.Number(asked)}).");
        }

        if (HasCounts)
        {
            var sum = (Negative ?? 0) + (Neutral ?? 0) + (Positive ?? 0);
            if (sum != Answered)
            {
                problems.Add($"Negativa, neutrala och positiva svar är {SwedishFormat.Number(sum)} tillsammans men antalet svarande är {SwedishFormat.Number(Answered)}.");
            }
        }

        decimal?[] percents = [NegativePercent, NeutralPercent, PositivePercent, NationalPositivePercent];
        if (percents.Any(p => p is < 0m or > 100m))
        {
            problems.Add("En andel ska vara mellan 0 och 100 %.");
        }

        if (NegativePercent is { } a && NeutralPercent is { } b && PositivePercent is { } c && Math.Abs(a + b + c - 100m) > 1m)
        {
            problems.Add($"Andelarna är {SwedishFormat.Number(a + b + c, 1)} % tillsammans, inte 100 %.");
        }

        if (HasCounts && Answered > 0)
        {
            Agree(Negative, NegativePercent, "negativa");
            Agree(Neutral, NeutralPercent, "neutrala");
            Agree(Positive, PositivePercent, "positiva");
        }

        if (!HasCounts && PositivePercent is null)
        {
            problems.Add("Ange antal eller andel positiva svar.");
        }

        return problems;

        void Agree(int? count, decimal? percent, string what)
        {
            if (count is { } n && percent is { } p && Math.Abs(100m * n / Answered - p) > 1m)
            {
                problems.Add($"Andelen {what} ({SwedishFormat.Number(p, 1)} %) stämmer inte med antalet ({SwedishFormat.Number(n)} av {SwedishFormat.Number(Answered)}).");
            }
        }
    }
}
