using Finsam.Data;
using Finsam.Domain.Goals;
using Finsam.Domain.Insatser;
using Finsam.Domain.Participants;

namespace Finsam.IntegrationTests.Bilaga2017;

/// <summary>
/// Builds the registrations behind a bilaga from its published figures: per insats the current participants by gender
/// (some of them persons already enrolled in an earlier insats), how many are new and ended, and the end reasons; the
/// insats's goals, its year settings and its rating. Every person is identified, so persons shared between insatser
/// count once among the unique individuals.
/// </summary>
internal sealed class BilagaRegister(int year)
{
    private readonly List<InsatsBuilder> insatser = [];
    private readonly Dictionary<Gender, List<Participant>> persons = new() { [Gender.Woman] = [], [Gender.Man] = [], [Gender.OtherOrUnspecified] = [] };
    private readonly Dictionary<Gender, int> reuseCursor = new() { [Gender.Woman] = 0, [Gender.Man] = 0, [Gender.OtherOrUnspecified] = 0 };
    private readonly List<(int Year, string Area, string Objective, string Text, GoalMeasure Measure)> indicators = [];
    private int nextPerson;

    public int Year => year;

    public InsatsBuilder Insats(string code, string name, DateOnly start, DateOnly? end = null, InsatsKind kind = InsatsKind.Individual)
    {
        var builder = new InsatsBuilder(this, new Insats { Code = code, Name = name, Kind = kind, StartDate = start, EndDate = end });
        insatser.Add(builder);
        return builder;
    }

    public BilagaRegister Indicator(string area, string objective, string text, GoalMeasure measure)
    {
        indicators.Add((year, area, objective, text, measure));
        return this;
    }

    /// <summary>Adds everything to the database in one save.</summary>
    public async Task SaveAsync(FinsamDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var insats in insatser)
        {
            insats.AddTo(db);
        }

        foreach (var group in indicators.GroupBy(i => (i.Year, i.Area)))
        {
            var area = new GoalArea { Year = group.Key.Year, Number = 1, Name = group.Key.Area };
            foreach (var byObjective in group.GroupBy(i => i.Objective))
            {
                var objective = new Objective { Text = byObjective.Key, SortOrder = area.Objectives.Count + 1 };
                foreach (var (i, n) in byObjective.Select((i, n) => (i, n)))
                {
                    objective.Indicators.Add(new Indicator { Text = i.Text, SortOrder = n + 1, Measure = i.Measure });
                }

                area.Objectives.Add(objective);
            }

            db.GoalAreas.Add(area);
        }

        await db.SaveChangesAsync();
    }

    private Participant NewPerson(Gender gender, bool mayBeShared = true)
    {
        nextPerson++;
        var person = new Participant
        {
            Gender = gender,
            BirthYear = 1960 + nextPerson % 40,
            PersonKeyHash = nextPerson.ToString("D64", System.Globalization.CultureInfo.InvariantCulture),
            CreatedAtUtc = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        if (mayBeShared)
        {
            persons[gender].Add(person);
        }

        return person;
    }

    /// <summary>A person of the gender already enrolled in an earlier insats (taken in turn, so no one is taken twice by one insats).</summary>
    private Participant KnownPerson(Gender gender, int available)
    {
        var person = persons[gender][reuseCursor[gender] % available];
        reuseCursor[gender]++;
        return person;
    }

    internal sealed class InsatsBuilder(BilagaRegister register, Insats insats)
    {
        private readonly List<(Gender Gender, bool Known)> current = [];
        private readonly List<InsatsGoal> goals = [];
        private readonly List<Enrolment> enrolments = [];
        private int newCount;
        private (int Count, int ToWorkOrStudies, int JobSeeking) ended;
        private (int Count, int SelfSupporting) endedLastYear;
        private bool outcomesApply = true;
        private InsatsRating? rating;

        public Insats Entity => insats;

        /// <summary>
        /// The year's current participants by gender; <paramref name="sharedWomen"/> and <paramref name="sharedMen"/> of
        /// them are persons already enrolled in an insats built before this one.
        /// </summary>
        public InsatsBuilder Participants(int women, int men, int other = 0, int sharedWomen = 0, int sharedMen = 0)
        {
            current.AddRange(Enumerable.Range(0, women).Select(i => (Gender.Woman, i < sharedWomen)));
            current.AddRange(Enumerable.Range(0, men).Select(i => (Gender.Man, i < sharedMen)));
            current.AddRange(Enumerable.Range(0, other).Select(_ => (Gender.OtherOrUnspecified, false)));
            return this;
        }

        public InsatsBuilder New(int count)
        {
            newCount = count;
            return this;
        }

        /// <summary>Ended in the year: the first to arbete and studier in turn, then arbetssökande, the rest to fortsatt rehabilitering.</summary>
        public InsatsBuilder Ended(int count, int toWorkOrStudies = 0, int jobSeeking = 0)
        {
            ended = (count, toWorkOrStudies, jobSeeking);
            return this;
        }

        /// <summary>Ended the year before and followed up 12 months later (not current this year).</summary>
        public InsatsBuilder EndedLastYear(int count, int selfSupportingAfter12Months)
        {
            endedLastYear = (count, selfSupportingAfter12Months);
            return this;
        }

        /// <summary>Utfallsmått ej tillämpliga this year (the insats still counts in the totals).</summary>
        public InsatsBuilder OutcomesDoNotApply()
        {
            outcomesApply = false;
            return this;
        }

        public InsatsBuilder Goal(string text, GoalMeasure measure, bool main = false, int? year = null)
        {
            goals.Add(new InsatsGoal { Insats = insats, Year = year ?? register.Year, SortOrder = goals.Count + 1, Text = text, IsMainOutcome = main, Measure = measure });
            return this;
        }

        /// <summary>The kansli's rating when it differs from the rule's suggestion, with the reason.</summary>
        public InsatsBuilder Rated(string level, string reason)
        {
            rating = new InsatsRating { Insats = insats, Year = register.Year, Rating = level, OverrideReason = reason };
            return this;
        }

        public BilagaRegister Done() => register;

        internal void AddTo(FinsamDbContext db)
        {
            var year = register.Year;
            db.Insatser.Add(insats);
            if (!outcomesApply)
            {
                db.InsatsYearSettings.Add(new InsatsYearSettings { Insats = insats, Year = year, CountsInTotals = true, OutcomesApply = false });
            }

            var available = register.persons.ToDictionary(p => p.Key, p => p.Value.Count);
            var last = new DateOnly(year, 11, 30);
            var endDate = insats.EndDate is { } e && e < last ? e : last;
            for (var i = 0; i < current.Count; i++)
            {
                var (gender, known) = current[i];
                var person = known ? register.KnownPerson(gender, available[gender]) : register.NewPerson(gender);
                var isNew = i < newCount;
                var start = isNew ? Later(new DateOnly(year, 2, 1), insats.StartDate) : Later(new DateOnly(year - 1, 6, 1), insats.StartDate);
                var endIndex = i - (current.Count - ended.Count); // the last `ended` enrolments end in the year
                EndReason? reason = endIndex < 0 ? null
                    : endIndex < ended.ToWorkOrStudies ? (endIndex % 2 == 0 ? EndReason.Work : EndReason.Studies)
                    : endIndex < ended.ToWorkOrStudies + ended.JobSeeking ? EndReason.JobSeeking
                    : EndReason.ContinuedRehabilitation;
                enrolments.Add(new Enrolment { Participant = person, Insats = insats, StartDate = start, EndDate = reason is null ? null : endDate, EndReason = reason });
            }

            for (var i = 0; i < endedLastYear.Count; i++)
            {
                enrolments.Add(new Enrolment
                {
                    Participant = register.NewPerson(Gender.Woman, mayBeShared: false),
                    Insats = insats,
                    StartDate = new DateOnly(year - 1, 1, 15),
                    EndDate = new DateOnly(year - 1, 6, 30),
                    EndReason = EndReason.ContinuedRehabilitation,
                    FollowUp12Months = i < endedLastYear.SelfSupporting ? FollowUpResult.SelfSupporting : FollowUpResult.NotSelfSupporting,
                });
            }

            db.Enrolments.AddRange(enrolments);
            db.InsatsGoals.AddRange(goals);
            if (rating is not null)
            {
                db.InsatsRatings.Add(rating);
            }
        }

        private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}
