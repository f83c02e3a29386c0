using Finsam.Domain.Formatting;
using Finsam.Domain.Goals;
using Finsam.Domain.Participants;
using FluentValidation;

namespace Finsam.Web.Features.Goals;

/// <summary>The measure fields shared by the indicator form and the insats goal form.</summary>
public sealed class MeasureInput
{
    public GoalMetric Metric { get; set; } = GoalMetric.Manual;

    public EndReason? EndReason { get; set; }

    public GoalDirection Direction { get; set; } = GoalDirection.AtLeast;

    public string? Target { get; set; }

    public GoalUnit ManualUnit { get; set; } = GoalUnit.Count;

    public string? ManualResult { get; set; }

    public string? SourceNote { get; set; }

    /// <summary>n of a manual share written "89 av 96".</summary>
    public string? ManualNumerator { get; set; }

    /// <summary>N of a manual share written "89 av 96".</summary>
    public string? ManualDenominator { get; set; }

    /// <summary>The written result of a qualitative goal.</summary>
    public string? ResultText { get; set; }

    /// <summary>The assessment of a qualitative goal.</summary>
    public GoalAssessment? QualitativeAssessment { get; set; }

    public static MeasureInput From(GoalMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new MeasureInput
        {
            Metric = measure.Metric,
            EndReason = measure.EndReason,
            Direction = measure.Direction,
            Target = measure.Target is { } t ? SwedishFormat.Number(t, t % 1 == 0 ? 0 : 1) : null,
            ManualUnit = measure.ManualUnit,
            ManualResult = measure.ManualResult is { } r ? SwedishFormat.Number(r, r % 1 == 0 ? 0 : 1) : null,
            SourceNote = measure.SourceNote,
            ManualNumerator = measure.ManualNumerator?.ToString(SwedishFormat.Culture),
            ManualDenominator = measure.ManualDenominator?.ToString(SwedishFormat.Culture),
            ResultText = measure.ResultText,
            QualitativeAssessment = measure.QualitativeAssessment,
        };
    }

    /// <summary>Copies the (validated) input to the measure.</summary>
    public void ApplyTo(GoalMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        measure.Metric = Metric;
        measure.EndReason = Metric == GoalMetric.EndReasonShare ? EndReason : null;
        measure.Direction = Direction;
        var qualitative = Metric == GoalMetric.Qualitative;
        var manual = Metric == GoalMetric.Manual;
        measure.Target = qualitative ? null : ParseOrNull(Target);
        measure.ManualUnit = ManualUnit;
        measure.ManualNumerator = manual ? WholeOrNull(ManualNumerator) : null;
        measure.ManualDenominator = manual ? WholeOrNull(ManualDenominator) : null;
        measure.ManualResult = manual && measure.ManualNumerator is null ? ParseOrNull(ManualResult) : null;
        measure.SourceNote = string.IsNullOrWhiteSpace(SourceNote) ? null : SourceNote.Trim();
        measure.ResultText = qualitative && !string.IsNullOrWhiteSpace(ResultText) ? ResultText.Trim() : null;
        measure.QualitativeAssessment = qualitative ? QualitativeAssessment : null;
    }

    internal static int? WholeOrNull(string? text) =>
        int.TryParse(text?.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal), System.Globalization.NumberStyles.None, SwedishFormat.Culture, out var value) ? value : null;

    internal static bool IsWholeOrEmpty(string? text) => string.IsNullOrWhiteSpace(text) || WholeOrNull(text) is not null;

    internal static decimal? ParseOrNull(string? text) =>
        SwedishFormat.TryParseDecimal(text?.Replace("%", "", StringComparison.Ordinal), out var value) ? value : null;

    internal static bool IsNumberOrEmpty(string? text) =>
        string.IsNullOrWhiteSpace(text) || SwedishFormat.TryParseDecimal(text.Replace("%", "", StringComparison.Ordinal), out _);
}

public sealed class MeasureInputValidator : AbstractValidator<MeasureInput>
{
    public MeasureInputValidator()
    {
        RuleFor(x => x.Metric).IsInEnum().WithMessage("Välj ett mått.");
        RuleFor(x => x.Direction).IsInEnum().WithMessage("Välj minst eller högst.");
        RuleFor(x => x.ManualUnit).IsInEnum().WithMessage("Välj antal, procent, procentenheter eller kronor.");
        RuleFor(x => x.EndReason).NotNull().When(x => x.Metric == GoalMetric.EndReasonShare)
            .WithMessage("Välj vilket avslutsskäl andelen gäller.");
        RuleFor(x => x.Target).Must(MeasureInput.IsNumberOrEmpty).WithMessage("Målvärdet ska vara ett tal, t.ex. 35 eller 12,5.");
        // A percent target may pass 100 %: "dubbla antalet deltagare" is 200 %.
        RuleFor(x => x.Target).Must(t => MeasureInput.ParseOrNull(t) is null or >= 0m and <= 10000m)
            .When(x => IsShare(x) && MeasureInput.IsNumberOrEmpty(x.Target))
            .WithMessage("Ett mål i procent ska vara mellan 0 och 10 000 (200 betyder en fördubbling).");
        RuleFor(x => x.Target).Must(t => MeasureInput.ParseOrNull(t) is null or >= 0m)
            .When(x => !IsShare(x) && MeasureInput.IsNumberOrEmpty(x.Target)).WithMessage("Målvärdet kan inte vara negativt.");
        RuleFor(x => x.Target).Empty().When(x => x.Metric == GoalMetric.Qualitative)
            .WithMessage("Ett kvalitativt mål har inget målvärde: skriv målet i ord och bedöm resultatet.");
        RuleFor(x => x.ManualResult).Must(MeasureInput.IsNumberOrEmpty).WithMessage("Utfallet ska vara ett tal, t.ex. 84.");
        RuleFor(x => x.ManualResult).Empty().When(x => x.Metric == GoalMetric.Manual && HasBasis(x))
            .WithMessage("Skriv antingen utfallet eller n av N, inte båda: andelen räknas fram ur n av N.");
        RuleFor(x => x.ManualNumerator).Must(MeasureInput.IsWholeOrEmpty).WithMessage("Antalet (n) ska vara ett heltal, t.ex. 89.");
        RuleFor(x => x.ManualDenominator).Must(MeasureInput.IsWholeOrEmpty).WithMessage("Underlaget (N) ska vara ett heltal, t.ex. 96.");
        RuleFor(x => x.ManualDenominator).Must(d => MeasureInput.WholeOrNull(d) is null or >= 1)
            .WithMessage("Underlaget (N) ska vara minst 1.");
        RuleFor(x => x.ManualDenominator).NotEmpty()
            .When(x => !string.IsNullOrWhiteSpace(x.ManualNumerator) && MeasureInput.IsWholeOrEmpty(x.ManualNumerator))
            .WithMessage("Ange underlaget (N) till antalet, t.ex. 96 i \"89 av 96\".");
        RuleFor(x => x.ManualNumerator).NotEmpty()
            .When(x => !string.IsNullOrWhiteSpace(x.ManualDenominator) && MeasureInput.IsWholeOrEmpty(x.ManualDenominator))
            .WithMessage("Ange antalet (n) av underlaget, t.ex. 89 i \"89 av 96\".");
        RuleFor(x => x.ManualUnit).Equal(GoalUnit.Percent).When(x => x.Metric == GoalMetric.Manual && HasBasis(x))
            .WithMessage("n av N ger en andel: välj enheten procent.");
        RuleFor(x => x.SourceNote).NotEmpty()
            .When(x => x.Metric == GoalMetric.Manual && (!string.IsNullOrWhiteSpace(x.ManualResult) || HasBasis(x)))
            .WithMessage("Ange källan till ett utfall som skrivs in för hand, t.ex. \"Indikatormätning 2025, n = 29\".");
        RuleFor(x => x.ResultText).MaximumLength(2000).WithMessage("Resultatet får vara högst 2 000 tecken.");
        RuleFor(x => x.QualitativeAssessment).IsInEnum().WithMessage("Okänd bedömning.");
        RuleFor(x => x.ResultText).NotEmpty().When(x => x.Metric == GoalMetric.Qualitative && x.QualitativeAssessment is not null)
            .WithMessage("Skriv resultatet i ord innan målet bedöms.");
        RuleFor(x => x.SourceNote).MaximumLength(500).WithMessage("Källan får vara högst 500 tecken.");
    }

    private static bool IsShare(MeasureInput x) => new GoalMeasure { Metric = x.Metric, ManualUnit = x.ManualUnit }.IsShare;

    private static bool HasBasis(MeasureInput x) => !string.IsNullOrWhiteSpace(x.ManualNumerator) || !string.IsNullOrWhiteSpace(x.ManualDenominator);
}

public sealed class GoalAreaInput
{
    public Guid Version { get; set; }

    public int Number { get; set; } = 1;

    public string Name { get; set; } = "";

    /// <summary>Null: the status follows from the indicators; otherwise the kansli's override, which needs a reason.</summary>
    public GoalAssessment? Assessment { get; set; }

    /// <summary>Why the status departs from the indicators; printed beside it.</summary>
    public string? AssessmentReason { get; set; }

    public string? Comment { get; set; }
}

public sealed class GoalAreaInputValidator : AbstractValidator<GoalAreaInput>
{
    public GoalAreaInputValidator()
    {
        RuleFor(x => x.Number).InclusiveBetween(1, 99).WithMessage("Målområdets nummer ska vara mellan 1 och 99.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Ange målområdets namn.").MaximumLength(300).WithMessage("Namnet får vara högst 300 tecken.");
        RuleFor(x => x.Assessment).IsInEnum().WithMessage("Okänd bedömning.");
        RuleFor(x => x.AssessmentReason).NotEmpty().When(x => x.Assessment is not null)
            .WithMessage("Skriv varför bedömningen avviker från indikatorerna, eller välj Enligt indikatorerna.")
            .MaximumLength(1000).WithMessage("Motiveringen får vara högst 1 000 tecken.");
        RuleFor(x => x.Comment).MaximumLength(4000).WithMessage("Kommentaren får vara högst 4 000 tecken.");
    }
}

public sealed class ObjectiveInput
{
    public Guid Version { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Ordning")]
    public int SortOrder { get; set; } = 1;

    public string Text { get; set; } = "";
}

public sealed class ObjectiveInputValidator : AbstractValidator<ObjectiveInput>
{
    public ObjectiveInputValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Skriv målsättningen.").MaximumLength(1000).WithMessage("Målsättningen får vara högst 1 000 tecken.");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 999).WithMessage("Ordningen ska vara mellan 0 och 999.");
    }
}

public sealed class IndicatorInput
{
    public Guid Version { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Ordning")]
    public int SortOrder { get; set; } = 1;

    public string Text { get; set; } = "";

    public MeasureInput Measure { get; set; } = new();

    public GoalAssessment? Assessment { get; set; }

    public string? Comment { get; set; }
}

public sealed class IndicatorInputValidator : AbstractValidator<IndicatorInput>
{
    public IndicatorInputValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Skriv indikatorn, t.ex. \"35 % av deltagarna arbetar eller studerar vid avslut\".")
            .MaximumLength(1000).WithMessage("Indikatorn får vara högst 1 000 tecken.");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 999).WithMessage("Ordningen ska vara mellan 0 och 999.");
        RuleFor(x => x.Measure).SetValidator(new MeasureInputValidator());
        RuleFor(x => x.Assessment).IsInEnum().WithMessage("Okänd bedömning.");
        RuleFor(x => x.Comment).MaximumLength(4000).WithMessage("Kommentaren får vara högst 4 000 tecken.");
    }
}

public sealed class InsatsGoalInput
{
    public Guid Version { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Ordning")]
    public int SortOrder { get; set; } = 1;

    public string Text { get; set; } = "";

    public bool IsMainOutcome { get; set; }

    public MeasureInput Measure { get; set; } = new();
}

public sealed class InsatsGoalInputValidator : AbstractValidator<InsatsGoalInput>
{
    public InsatsGoalInputValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Skriv målet, t.ex. \"50 % i arbete eller studier vid avslut\".")
            .MaximumLength(1000).WithMessage("Målet får vara högst 1 000 tecken.");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 999).WithMessage("Ordningen ska vara mellan 0 och 999.");
        RuleFor(x => x.Measure).SetValidator(new MeasureInputValidator());
    }
}

public sealed class RatingInput
{
    public Guid Version { get; set; }

    /// <summary>The chosen level; empty follows the rule's suggestion.</summary>
    public string? Rating { get; set; }

    public string? OverrideReason { get; set; }

    public string? Comment { get; set; }
}

public sealed class RatingInputValidator : AbstractValidator<RatingInput>
{
    public RatingInputValidator(RatingScale scale, RatingLevel? suggested)
    {
        ArgumentNullException.ThrowIfNull(scale);
        RuleFor(x => x.Rating).Must(r => scale.Find(r) is not null).When(x => !string.IsNullOrWhiteSpace(x.Rating))
            .WithMessage("Välj en nivå ur bedömningsskalan.");
        RuleFor(x => x.OverrideReason).NotEmpty()
            .When(x => !string.IsNullOrWhiteSpace(x.Rating) && scale.Find(x.Rating) is { } chosen && chosen != suggested)
            .WithMessage("Ange skälet till att bedömningen avviker från förslaget.");
        RuleFor(x => x.OverrideReason).MaximumLength(2000).WithMessage("Skälet får vara högst 2 000 tecken.");
        RuleFor(x => x.Comment).MaximumLength(4000).WithMessage("Kommentaren får vara högst 4 000 tecken.");
    }
}

public sealed class SurveyRoundInput
{
    public Guid Version { get; set; }

    public string Name { get; set; } = "";

    public string? Comment { get; set; }
}

public sealed class SurveyRoundInputValidator : AbstractValidator<SurveyRoundInput>
{
    public SurveyRoundInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Ange enkätomgångens namn, t.ex. \"Indikatormätning 2025\".")
            .MaximumLength(200).WithMessage("Namnet får vara högst 200 tecken.");
        RuleFor(x => x.Comment).MaximumLength(4000).WithMessage("Kommentaren får vara högst 4 000 tecken.");
    }
}

/// <summary>One survey result typed in a form; read by the same parser as a file row.</summary>
public sealed class SurveyRowInput
{
    public string? Group { get; set; }

    public string? Question { get; set; }

    public string? Asked { get; set; }

    public string? Answered { get; set; }

    public string? Negative { get; set; }

    public string? Neutral { get; set; }

    public string? Positive { get; set; }

    public string? NegativePercent { get; set; }

    public string? NeutralPercent { get; set; }

    public string? PositivePercent { get; set; }

    public string? NationalAnswered { get; set; }

    public string? NationalPositivePercent { get; set; }

    /// <summary>The form field of each file column, so that the parser's messages land on the right field.</summary>
    public static IReadOnlyDictionary<string, string> FieldOf { get; } = new Dictionary<string, string>
    {
        [SurveyFileFormat.Group] = nameof(Group),
        [SurveyFileFormat.Question] = nameof(Question),
        [SurveyFileFormat.Asked] = nameof(Asked),
        [SurveyFileFormat.Answered] = nameof(Answered),
        [SurveyFileFormat.Negative] = nameof(Negative),
        [SurveyFileFormat.Neutral] = nameof(Neutral),
        [SurveyFileFormat.Positive] = nameof(Positive),
        [SurveyFileFormat.NegativePercent] = nameof(NegativePercent),
        [SurveyFileFormat.NeutralPercent] = nameof(NeutralPercent),
        [SurveyFileFormat.PositivePercent] = nameof(PositivePercent),
        [SurveyFileFormat.NationalAnswered] = nameof(NationalAnswered),
        [SurveyFileFormat.NationalPositivePercent] = nameof(NationalPositivePercent),
    };

    public string ValueOf(string column) => (FieldOf.TryGetValue(column, out var field)
        ? typeof(SurveyRowInput).GetProperty(field)!.GetValue(this) as string
        : null)?.Trim() ?? "";
}
