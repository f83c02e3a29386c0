using Finsam.Domain.Goals;
using Finsam.Domain.Insatser;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;

namespace Finsam.Data.Demo;

/// <summary>
/// The demo förbund's goals for each demo year, as a real förbund plans them: three målområden with målsättningar and
/// indicators, goals per insats with targets near what the insats achieved (some met, some missed), a rating overridden
/// with a reason, and indicator surveys for the last two years. Uses its own random numbers so the participants stay the same.
/// </summary>
internal sealed class DemoGoalsGenerator(int firstYear, int lastYear, int seed)
{
    private static readonly string[] Groups = ["Deltagare pågående, samtliga", "Deltagare avslut, kvinnor", "Deltagare avslut, män", "Deltagare avslut, samtliga"];

    private readonly Random _random = new(seed + 1);

    public DemoGoals Generate(IReadOnlyList<Insats> insatser, IReadOnlyList<Participant> participants, IReadOnlyList<Enrolment> enrolments)
    {
        var personNumber = participants.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i + 1);
        var insatsNumber = insatser.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i + 1);
        var facts = enrolments.Select(e => new EnrolmentFact(insatsNumber[e.Insats!], personNumber[e.Participant!], e.Participant!.Gender, e.StartDate, e.EndDate, e.EndReason)
        {
            BirthYear = e.Participant.BirthYear,
            FollowUp12Months = e.FollowUp12Months,
        }).ToList();

        var areas = new List<GoalArea>();
        var goals = new List<InsatsGoal>();
        var ratings = new List<InsatsRating>();
        var surveys = new List<SurveyRound>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var done = year < lastYear;
            var counted = insatser.Where(i => i.CountsInParticipantTotals).Select(i => insatsNumber[i]).ToHashSet();
            var total = ParticipantStatistics.Compute(year, facts.Where(f => counted.Contains(f.InsatsId)));
            areas.AddRange(FederationGoals(year, total, done));
            foreach (var insats in insatser.Where(i => i.Kind != InsatsKind.Administration && i.RunsDuring(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))))
            {
                var stats = ParticipantStatistics.Compute(year, facts.Where(f => f.InsatsId == insatsNumber[insats]));
                var insatsGoals = InsatsGoals(year, insats, stats, done).ToList();
                goals.AddRange(insatsGoals);
                if (insats.Code == "P31" && year == lastYear - 1)
                {
                    // One rating overridden with a reason, as the kansli does when the numbers do not tell the whole story.
                    var basis = RatingRule.Suggest(insatsGoals.Select(g => new GoalCheck(g.IsMainOutcome, g.Measure.Evaluate(stats).Met)).ToList(), false);
                    ratings.Add(new InsatsRating
                    {
                        Insats = insats,
                        Year = year,
                        Rating = basis == RatingBasis.MainOutcomeMet ? "Mycket god" : "God",
                        OverrideReason = "Två av tre tjänster var vakanta under våren; insatsen nådde målgruppen väl under hösten.",
                        Comment = "Bedömningen är gjord tillsammans med styrgruppen.",
                    });
                }
            }

            if (year >= lastYear - 1)
            {
                surveys.Add(Survey(year));
            }
        }

        return new DemoGoals(areas, goals, ratings, surveys);
    }

    private IEnumerable<GoalArea> FederationGoals(int year, ParticipantStatistics total, bool done)
    {
        var method = new GoalArea { Year = year, Number = 1, Name = "Stödja metod- och kunskapsutveckling samt förbättrad samverkanskultur" };
        var structure = new Objective { SortOrder = 1, Text = "Förbundet bidrar till att det skapas struktur och långsiktighet i samverkansarbetet." };
        structure.Indicators.Add(Manual(1, "Minst 80 % av personalen hos medlemmarna upplever att finansierade insatser bidrar till bättre samverkan.", 80m, _random.Next(70, 90), $"Medarbetarenkät {year}, n = {_random.Next(100, 150)}", done));
        structure.Indicators.Add(Manual(2, "Minst 75 % av medlemmarnas medarbetare känner till någon av förbundets insatser.", 75m, _random.Next(70, 88), $"Medarbetarenkät {year}", done));
        method.Objectives.Add(structure);
        var development = new Objective { SortOrder = 2, Text = "Förbundet möjliggör ny utveckling inom arbetslivsinriktad rehabilitering." };
        development.Indicators.Add(Manual(1, "Minst 400 deltagare från medlemmarna tar del av förbundets kunskapsseminarier.", 400m, _random.Next(350, 680), $"Kansliets deltagarlistor {year}", done, GoalUnit.Count));
        method.Objectives.Add(development);

        var individual = new GoalArea { Year = year, Number = 2, Name = "Finansiera och stödja insatser för personer med samordnade rehabiliteringsbehov" };
        var work = new Objective { SortOrder = 1, Text = "Individer i behov av samordnade rehabiliteringsinsatser uppnår eller förbättrar sin förmåga att utföra förvärvsarbete." };
        work.Indicators.Add(Computed(1, $"Minst {Round(total.Flow.UniqueIndividuals * 1.05m, 10)} individer tar del av finansierade individinriktade insatser.", GoalMetric.UniqueIndividuals, Round(total.Flow.UniqueIndividuals * 1.05m, 10)));
        work.Indicators.Add(Computed(2, "35 % av deltagarna arbetar eller studerar vid avslut.", GoalMetric.WorkOrStudiesShare, 35m));
        work.Indicators.Add(Computed(3, "20 % av deltagarna står närmare arbetsmarknaden (arbetssökande) vid avslut.", GoalMetric.JobSeekingShare, 20m));
        work.Indicators.Add(Computed(4, "40 % av deltagarna är självförsörjande 12 månader efter avslut.", GoalMetric.SelfSupportingAfter12Months, 40m));
        var gap = Math.Abs((total.WorkOrStudiesShare(Gender.Man).Fraction ?? 0m) - (total.WorkOrStudiesShare(Gender.Woman).Fraction ?? 0m)) * 100m;
        work.Indicators.Add(new Indicator
        {
            SortOrder = 5,
            Text = "Skillnaden mellan andelen kvinnor och andelen män som avslutas till arbete eller studier är högst 5 procentenheter.",
            Measure = new GoalMeasure
            {
                Metric = GoalMetric.Manual, ManualUnit = GoalUnit.PercentagePoints, Direction = GoalDirection.AtMost, Target = 5m,
                ManualResult = Math.Round(gap, 1), SourceNote = $"Förbundets deltagarstatistik {year}, kvinnor och män till arbete/studier",
            },
            Assessment = done ? (gap <= 5m ? GoalAssessment.Met : GoalAssessment.NotMet) : null,
            Comment = done ? "Skillnaden följs upp i varje insats styrgrupp." : null,
        });
        individual.Objectives.Add(work);

        // The economy indicators are computed from the year's ledger, ceiling and budget (EconomyFigures), the same figures
        // the report's text states, so the demo report agrees with itself (docs/annual-report.md, One figure, one source).
        var economy = new GoalArea { Year = year, Number = 3, Name = "Bedriva verksamhet med god ekonomisk hushållning" };
        var funds = new Objective { SortOrder = 1, Text = "Förbundet använder tilldelade medel effektivt." };
        if (done)
        {
            _random.Next(0, 25); // the draw the hand-typed share used, kept so the demo's later figures stay the same
        }

        funds.Indicators.Add(new Indicator
        {
            SortOrder = 1,
            Text = "Administrationen är högst 10 % av förbundets kostnader.",
            Measure = new GoalMeasure { Metric = GoalMetric.AdministrationCostShare, Direction = GoalDirection.AtMost, Target = 10m },
        });
        funds.Indicators.Add(new Indicator
        {
            SortOrder = 2,
            Text = "Eget kapital överstiger inte den rekommenderade nivån (taket).",
            Measure = new GoalMeasure { Metric = GoalMetric.EquityAboveCeiling, Direction = GoalDirection.AtMost, Target = 0m },
        });
        funds.Indicators.Add(new Indicator
        {
            SortOrder = 3,
            Text = "Årets resultat är minst det budgeterade.",
            Measure = new GoalMeasure { Metric = GoalMetric.ResultAgainstBudget, Direction = GoalDirection.AtLeast, Target = 0m },
        });
        economy.Objectives.Add(funds);
        return [method, individual, economy];
    }

    private IEnumerable<InsatsGoal> InsatsGoals(int year, Insats insats, ParticipantStatistics stats, bool done)
    {
        if (insats.Kind == InsatsKind.Structural)
        {
            var days = _random.Next(6, 14);
            yield return new InsatsGoal
            {
                Insats = insats, Year = year, SortOrder = 1, IsMainOutcome = true,
                Text = "Minst 10 utbildningsdagar eller nätverksträffar för medlemmarnas personal.",
                Measure = new GoalMeasure { Metric = GoalMetric.Manual, ManualUnit = GoalUnit.Count, Target = 10m, ManualResult = done ? days : null, SourceNote = done ? $"Insatsens verksamhetsberättelse {year}" : null },
            };
            yield break;
        }

        var participants = Round(stats.Current.Total * Factor(), 5);
        var started = Round(stats.New.Total * Factor(), 5);
        var share = new[] { 25m, 30m, 35m, 40m }[_random.Next(4)];
        yield return new InsatsGoal
        {
            Insats = insats, Year = year, SortOrder = 1, Text = $"{participants} deltagare under året.",
            Measure = new GoalMeasure { Metric = GoalMetric.Participants, Target = participants },
        };
        yield return new InsatsGoal
        {
            Insats = insats, Year = year, SortOrder = 2, Text = $"{started} nya deltagare.",
            Measure = new GoalMeasure { Metric = GoalMetric.NewParticipants, Target = started },
        };
        yield return new InsatsGoal
        {
            Insats = insats, Year = year, SortOrder = 3, IsMainOutcome = true, Text = $"{share} % till arbete eller studier vid avslut.",
            Measure = new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = share },
        };
        if (insats.Code == "P33")
        {
            yield return new InsatsGoal
            {
                Insats = insats, Year = year, SortOrder = 4, Text = "Högst 25 % avslutas på grund av sjukdom.",
                Measure = new GoalMeasure { Metric = GoalMetric.EndReasonShare, EndReason = EndReason.Illness, Direction = GoalDirection.AtMost, Target = 25m },
            };
        }
    }

    private SurveyRound Survey(int year)
    {
        var round = new SurveyRound { Year = year, Name = $"Indikatormätning {year}", Comment = "Nationella indikatorenkäter; riket enligt NNS rapport." };
        foreach (var group in Groups)
        {
            var answered = group.EndsWith("samtliga", StringComparison.Ordinal) ? _random.Next(60, 140) : _random.Next(20, 80);
            var positive = answered * _random.Next(55, 85) / 100;
            var negative = (answered - positive) * _random.Next(20, 60) / 100;
            round.Results.Add(new SurveyResult
            {
                Group = group,
                Question = "Känner du dig mer redo att kunna arbeta eller studera?",
                Answered = answered,
                Positive = positive,
                Negative = negative,
                Neutral = answered - positive - negative,
                NationalAnswered = group.EndsWith("samtliga", StringComparison.Ordinal) ? 1600 : 800,
                NationalPositivePercent = 55m + _random.Next(0, 8),
            });
        }

        foreach (var (group, n) in new[] { ("Personal", 16), ("Chefer", 8), ("Styrelse", 5) })
        {
            var positive = n * _random.Next(40, 100) / 100;
            round.Results.Add(new SurveyResult
            {
                Group = group,
                Question = "Har ni strukturer för att initiera, upprätthålla och underhålla relationer mellan inblandade aktörer?",
                Asked = n + _random.Next(0, 6),
                Answered = n,
                Positive = positive,
                Neutral = n - positive,
                Negative = 0,
                NationalPositivePercent = 60m + _random.Next(0, 15),
            });
        }

        return round;
    }

    private static Indicator Manual(int order, string text, decimal target, decimal result, string source, bool done, GoalUnit unit = GoalUnit.Percent) => new()
    {
        SortOrder = order,
        Text = text,
        Measure = new GoalMeasure { Metric = GoalMetric.Manual, ManualUnit = unit, Target = target, ManualResult = done ? result : null, SourceNote = done ? source : null },
        Assessment = done ? (result >= target ? GoalAssessment.Met : result >= target * 0.9m ? GoalAssessment.PartlyMet : GoalAssessment.NotMet) : null,
    };

    private static Indicator Computed(int order, string text, GoalMetric metric, decimal target) => new()
    {
        SortOrder = order,
        Text = text,
        Measure = new GoalMeasure { Metric = metric, Target = target },
    };

    /// <summary>A target a little above or below what was achieved, so that some goals are met and some are not.</summary>
    private decimal Factor() => 0.85m + _random.Next(0, 31) / 100m;

    private static int Round(decimal value, int step) => Math.Max(step, (int)Math.Round(value / step, MidpointRounding.AwayFromZero) * step);
}

/// <summary>What <see cref="DemoGoalsGenerator"/> produced, not yet saved.</summary>
public sealed record DemoGoals(
    IReadOnlyList<GoalArea> GoalAreas,
    IReadOnlyList<InsatsGoal> InsatsGoals,
    IReadOnlyList<InsatsRating> Ratings,
    IReadOnlyList<SurveyRound> Surveys);
