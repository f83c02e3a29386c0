using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Finsam.Domain.Participants;

namespace Finsam.Data.Demo;

/// <summary>
/// Generates a fictional but realistic förbund: its members, insatser of every kind, a few hundred
/// participants with enrolments over three years, and each year's goals, insats goals and indicator surveys. Deterministic for a given seed and year, so tests can
/// rely on it. Every person is invented: no real names, no personal identity numbers.
/// </summary>
public sealed class DemoDataGenerator(int lastYear, int seed = 2026)
{
    private static readonly string[] MunicipalityNames = ["Åkerby", "Strandvik", "Bergsjö"];

    private readonly Random _random = new(seed);

    public int FirstYear => lastYear - 2;

    public int LastYear => lastYear;

    /// <summary>The demo's "today": the data is generated as a förbund would have it on this day of its last year.</summary>
    public DateOnly Today => new(LastYear, 11, 15);

    public const int DefaultParticipantCount = 520;

    public DemoData Generate(int participantCount = DefaultParticipantCount)
    {
        var federation = new Federation
        {
            Name = "Samordningsförbundet Norrsund",
            OrganisationNumber = "222000-0000",
            Seat = "Åkerby",
            PostalAddress = "Box 100\n123 45 Åkerby",
            FirstFiscalYear = FirstYear,
        };

        var fk = new Member { Name = "Försäkringskassan", Kind = MemberKind.SocialInsuranceAgency, OrganisationNumber = "202100-5521" };
        var af = new Member { Name = "Arbetsförmedlingen", Kind = MemberKind.PublicEmploymentService, OrganisationNumber = "202100-2114" };
        var region = new Member { Name = "Region Norrsund", Kind = MemberKind.Region, OrganisationNumber = "232100-0016" };
        var akerby = new Member { Name = "Åkerby kommun", Kind = MemberKind.Municipality, OrganisationNumber = "212000-1017" };
        var strandvik = new Member { Name = "Strandviks kommun", Kind = MemberKind.Municipality, OrganisationNumber = "212000-1025" };
        var bergsjo = new Member { Name = "Bergsjö kommun", Kind = MemberKind.Municipality, OrganisationNumber = "212000-1033" };
        Member[] members = [fk, af, region, akerby, strandvik, bergsjo];

        var first = new DateOnly(FirstYear, 1, 1);
        var insatser = new List<Insats>
        {
            Insats("P10", "Förbundets kansli", InsatsKind.Administration, first.AddYears(-4), null, counts: false),
            Insats("P11", "Styrelse och revision", InsatsKind.Administration, first.AddYears(-4), null, counts: false),
            Insats("P20", "Kompetensutveckling i samverkan", InsatsKind.Structural, first.AddYears(-1), null, counts: false,
                description: "Utbildningsdagar och nätverk för personal hos medlemmarna."),
            Insats("P21", "Metodstöd supported employment", InsatsKind.Structural, first, new DateOnly(LastYear - 1, 12, 31), counts: false,
                description: "Handledning i IPS och SIUS för medlemmarnas arbetsspecialister."),
            Insats("P30", "Steget vidare", InsatsKind.Individual, first.AddYears(-2), null,
                target: "Unga vuxna 16–29 år utan sysselsättning", minAge: 16, maxAge: 29, executors: [akerby, af]),
            Insats("P31", "Samverkansteam Åkerby", InsatsKind.Individual, first.AddYears(-3), null,
                target: "Personer 18–64 år i behov av samordnat stöd", minAge: 18, maxAge: 64, executors: [akerby, fk, af, region]),
            Insats("P32", "Samverkansteam Strandvik och Bergsjö", InsatsKind.Individual, first.AddYears(-1), null,
                target: "Personer 18–64 år i behov av samordnat stöd", minAge: 18, maxAge: 64, executors: [strandvik, bergsjo, fk, af]),
            Insats("P33", "Hälsoväxlingen", InsatsKind.Individual, first, null,
                target: "Personer med sjukpenning eller försörjningsstöd och psykisk ohälsa", minAge: 20, maxAge: 64, executors: [region, fk],
                coFunding: "ESF"),
            Insats("P34", "Lotsen", InsatsKind.Individual, first.AddYears(-2), new DateOnly(LastYear - 1, 6, 30),
                target: "Personer med aktivitetsersättning", minAge: 19, maxAge: 29, executors: [fk, bergsjo]),
            Insats("P35", "Arbetsträning IPS", InsatsKind.Individual, new DateOnly(LastYear, 2, 1), null,
                target: "Personer med psykisk funktionsnedsättning som vill arbeta", minAge: 18, maxAge: 64, executors: [region, af],
                counts: false),
        };

        var individual = insatser.Where(i => i.HasParticipants).ToArray();
        var participants = new List<Participant>(participantCount);
        var enrolments = new List<Enrolment>();
        var today = Today;
        for (var n = 0; n < participantCount; n++)
        {
            var (participant, municipality, education) = NewParticipant();
            participants.Add(participant);

            // Most take part in one insats, some in two or three (counted once as a unique individual).
            // An insats is chosen in proportion to how long it has run, so a new one is not crowded.
            var count = Pick((1, 80), (2, 16), (3, 4));
            var chosen = individual
                .OrderBy(i => -Math.Log(1 - _random.NextDouble()) / Math.Max(1, RunningDays(i, today)))
                .Take(count);
            foreach (var insats in chosen)
            {
                if (NewEnrolment(participant, insats, members, today) is { } enrolment)
                {
                    // Recorded with each enrolment; the demo's people keep theirs from one enrolment to the next.
                    enrolment.HomeMunicipality = municipality;
                    enrolment.Education = education;
                    enrolments.Add(enrolment);
                }
            }
        }

        // A participant whose random insatser all fell outside their periods is not a participant at all.
        participants.RemoveAll(p => p.Enrolments.Count == 0);
        foreach (var participant in participants.Where(p => p.IsIdentified))
        {
            participant.ConsentDate = participant.Enrolments.Min(e => e.StartDate);
        }

        var goals = new DemoGoalsGenerator(FirstYear, LastYear, seed).Generate(insatser, participants, enrolments);
        return new DemoData(federation, members, insatser, participants, enrolments, goals);
    }

    /// <summary>Days the insats runs within the demo's window (from the year before the first year until today).</summary>
    private int RunningDays(Insats insats, DateOnly today)
    {
        var from = new DateOnly(FirstYear - 1, 1, 1);
        var start = insats.StartDate > from ? insats.StartDate : from;
        var end = insats.EndDate is { } e && e < today ? e : today;
        return Math.Max(0, end.DayNumber - start.DayNumber);
    }

    private static Insats Insats(
        string code,
        string name,
        InsatsKind kind,
        DateOnly start,
        DateOnly? end,
        bool counts = true,
        string? target = null,
        int? minAge = null,
        int? maxAge = null,
        string? description = null,
        string? coFunding = null,
        Member[]? executors = null)
    {
        var insats = new Insats
        {
            Code = code,
            Name = name,
            Kind = kind,
            StartDate = start,
            EndDate = end,
            Status = end is null ? InsatsStatus.Active : InsatsStatus.Closed,
            CountsInParticipantTotals = counts && kind == InsatsKind.Individual,
            TargetGroup = target,
            MinAge = minAge,
            MaxAge = maxAge,
            Description = description,
            CoFunding = coFunding,
        };
        foreach (var member in executors ?? [])
        {
            insats.Executors.Add(member);
        }

        return insats;
    }

    /// <summary>A person, with the home municipality and education their enrolments record.</summary>
    private (Participant Participant, string Municipality, EducationLevel Education) NewParticipant()
    {
        var identified = _random.Next(100) < 85;
        var gender = Pick((Gender.Woman, 58), (Gender.Man, 40), (Gender.OtherOrUnspecified, 2));
        var birthYear = LastYear - _random.Next(17, 63);
        var municipality = MunicipalityNames[Pick((0, 55), (1, 30), (2, 15))];
        var education = Pick((EducationLevel.Compulsory, 35), (EducationLevel.UpperSecondary, 40), (EducationLevel.PostSecondary, 15), (EducationLevel.Unknown, 10));
        var participant = new Participant
        {
            Gender = gender,
            BirthYear = birthYear,
            // A random key stands in for the HMAC of a personal identity number: no real person is behind it.
            PersonKeyHash = identified ? Convert.ToHexStringLower(RandomBytes(32)) : null,
            ConsentDate = null,
            CreatedAtUtc = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        return (participant, municipality, education);
    }

    private Enrolment? NewEnrolment(Participant participant, Insats insats, Member[] members, DateOnly today)
    {
        var periodStart = insats.StartDate > new DateOnly(FirstYear - 1, 1, 1) ? insats.StartDate : new DateOnly(FirstYear - 1, 1, 1);
        var periodEnd = insats.EndDate is { } e && e < today ? e : today;
        if (periodEnd <= periodStart.AddDays(30))
        {
            return null;
        }

        var start = periodStart.AddDays(_random.Next(periodEnd.DayNumber - periodStart.DayNumber - 30));
        var age = participant.AgeIn(start.Year);
        if ((insats.MinAge is { } min && age < min) || (insats.MaxAge is { } max && age > max))
        {
            return null;
        }

        var support = Pick(
            (IncomeSupport.SicknessBenefit, 22),
            (IncomeSupport.ActivityCompensation, 14),
            (IncomeSupport.MeansTestedAllowance, 28),
            (IncomeSupport.ActivitySupport, 14),
            (IncomeSupport.UnemploymentInsurance, 6),
            (IncomeSupport.NoIncome, 10),
            (IncomeSupport.SicknessCompensation, 6));
        if (_random.Next(100) < 15)
        {
            support |= IncomeSupport.MeansTestedAllowance;
        }

        var enrolment = new Enrolment
        {
            Participant = participant,
            Insats = insats,
            StartDate = start,
            ReferringMember = members[Pick((0, 30), (1, 25), (2, 15), (3, 18), (4, 8), (5, 4))],
            SupportAtStart = support,
            TimeInSupportBeforeStart = Pick(
                (TimeInSupport.UnderOneYear, 20), (TimeInSupport.OneToTwoYears, 25), (TimeInSupport.TwoToFiveYears, 30),
                (TimeInSupport.FiveYearsOrMore, 20), (TimeInSupport.Unknown, 5)),
        };

        // Enrolments last from a month to about two years; the closing of an insats ends all of its enrolments.
        var end = start.AddDays(_random.Next(30, 700));
        if (insats.EndDate is { } insatsEnd && end > insatsEnd)
        {
            end = insatsEnd;
        }

        if (end < today)
        {
            enrolment.EndDate = end;
            enrolment.EndReason = Pick(
                (EndReason.Work, 24), (EndReason.Studies, 12), (EndReason.JobSeeking, 22),
                (EndReason.ContinuedRehabilitation, 20), (EndReason.Illness, 12), (EndReason.Other, 10));
            if (enrolment.EndReason == EndReason.Work && _random.Next(100) < 35)
            {
                enrolment.EndReasonSubCode = "Subventionerad anställning";
            }

            enrolment.SupportAtEnd = enrolment.EndReason switch
            {
                EndReason.Work => IncomeSupport.Salary,
                EndReason.Studies => IncomeSupport.StudentFinance,
                EndReason.JobSeeking => Pick((IncomeSupport.ActivitySupport, 70), (IncomeSupport.UnemploymentInsurance, 30)),
                _ => support,
            };
            if (end.AddYears(1) < today)
            {
                enrolment.FollowUp12Months = enrolment.EndReason is EndReason.Work or EndReason.Studies
                    ? Pick((FollowUpResult.SelfSupporting, 75), (FollowUpResult.NotSelfSupporting, 15), (FollowUpResult.NotReached, 10))
                    : Pick((FollowUpResult.SelfSupporting, 20), (FollowUpResult.NotSelfSupporting, 60), (FollowUpResult.NotReached, 20));
            }
        }

        participant.Enrolments.Add(enrolment);
        return enrolment;
    }

    private T Pick<T>(params (T Value, int Weight)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return choices[^1].Value;
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}

/// <summary>What <see cref="DemoDataGenerator"/> produced, not yet saved.</summary>
public sealed record DemoData(
    Federation Federation,
    IReadOnlyList<Member> Members,
    IReadOnlyList<Insats> Insatser,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<Enrolment> Enrolments,
    DemoGoals Goals)
{
    /// <summary>The economy of the demo years, once <see cref="DemoDataSeeder"/> has stored it.</summary>
    public IReadOnlyList<DemoEconomyYear> Economy { get; init; } = [];

    /// <summary>The board, the auditors and the förbundschef of the demo years (entered through the organisation's write path).</summary>
    public DemoOrganisation Organisation => DemoOrganisation.For(this);
}
