using System.Text.RegularExpressions;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Goals;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Finsam.Domain.Participants;

namespace Finsam.Domain.Formatting;

/// <summary>The Swedish words shown for the domain's enumerations. One place, so pages, reports and exports agree.</summary>
public static partial class SwedishNames
{
    /// <summary>A dash between two digits, with any spaces around it: hyphen, non-breaking hyphen, figure dash, en or em dash, minus.</summary>
    private static readonly Regex DigitRange = DigitRangePattern();

    public static string Of(Gender gender) => gender switch
    {
        Gender.Woman => "Kvinna",
        Gender.Man => "Man",
        Gender.OtherOrUnspecified => "Annat/ej angivet",
        _ => throw Unknown(gender),
    };

    public static string Of(InsatsKind kind) => kind switch
    {
        InsatsKind.Individual => "Individinriktad",
        InsatsKind.Structural => "Strukturinriktad",
        InsatsKind.Administration => "Administration",
        _ => throw Unknown(kind),
    };

    public static string Of(OperatingCategory category) => category switch
    {
        OperatingCategory.MemberIncome => "Intäkter från medlemmarna",
        OperatingCategory.Administration => "Administration",
        OperatingCategory.IndividualInsatser => "Individinriktade insatser",
        OperatingCategory.StructuralInsatser => "Strukturinriktade insatser",
        OperatingCategory.Unallocated => "Ej fördelat på insats",
        OperatingCategory.FinancialItems => "Finansiella poster",
        _ => throw Unknown(category),
    };

    public static string Of(InsatsStatus status) => status switch
    {
        InsatsStatus.Planned => "Planerad",
        InsatsStatus.Active => "Pågående",
        InsatsStatus.Closed => "Avslutad",
        _ => throw Unknown(status),
    };

    public static string Of(MemberKind kind) => kind switch
    {
        MemberKind.SocialInsuranceAgency => "Försäkringskassan",
        MemberKind.PublicEmploymentService => "Arbetsförmedlingen",
        MemberKind.Region => "Region",
        MemberKind.Municipality => "Kommun",
        _ => throw Unknown(kind),
    };

    public static string Of(EducationLevel level) => level switch
    {
        EducationLevel.Unknown => "Okänd",
        EducationLevel.Compulsory => "Förgymnasial",
        EducationLevel.UpperSecondary => "Gymnasial",
        EducationLevel.PostSecondary => "Eftergymnasial",
        _ => throw Unknown(level),
    };

    public static string Of(EndReason reason) => reason switch
    {
        EndReason.Work => "Arbete",
        EndReason.Studies => "Studier",
        EndReason.JobSeeking => "Arbetssökande",
        EndReason.ContinuedRehabilitation => "Fortsatt rehabilitering",
        EndReason.Illness => "Sjukdom",
        EndReason.Other => "Övrigt",
        _ => throw Unknown(reason),
    };

    /// <summary>An end reason with its sub-code: "Arbete: Subventionerad anställning", or "Arbete: ingen underkod".</summary>
    public static string Of(Statistics.EndReasonSubCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return $"{Of(code.Reason)}: {code.SubCode ?? "ingen underkod"}";
    }

    public static string Of(TimeInSupport time) => time switch
    {
        TimeInSupport.Unknown => "Okänd",
        TimeInSupport.UnderOneYear => "Under 1 år",
        TimeInSupport.OneToTwoYears => "1–2 år",
        TimeInSupport.TwoToFiveYears => "2–5 år",
        TimeInSupport.FiveYearsOrMore => "5 år eller mer",
        _ => throw Unknown(time),
    };

    public static string Of(FollowUpResult result) => result switch
    {
        FollowUpResult.SelfSupporting => "Egen försörjning",
        FollowUpResult.NotSelfSupporting => "Ej egen försörjning",
        FollowUpResult.NotReached => "Ej nådd",
        _ => throw Unknown(result),
    };

    public static string Of(GoalMetric metric) => metric switch
    {
        GoalMetric.Manual => "Manuellt mått",
        GoalMetric.Participants => "Antal deltagare",
        GoalMetric.NewParticipants => "Antal nya deltagare",
        GoalMetric.EndedParticipants => "Antal avslutade deltagare",
        GoalMetric.UniqueIndividuals => "Antal unika individer",
        GoalMetric.WorkOrStudiesShare => "Andel avslutade till arbete/studier",
        GoalMetric.JobSeekingShare => "Andel avslutade till arbetssökande",
        GoalMetric.EndReasonShare => "Andel avslutade med visst avslutsskäl",
        GoalMetric.SelfSupportingAfter12Months => "Andel med egen försörjning efter 12 månader",
        GoalMetric.EndedShareOfCurrent => "Andel av aktuella deltagare som avslutats",
        GoalMetric.Qualitative => "Kvalitativt mål (skriftligt resultat)",
        GoalMetric.AdministrationCostShare => "Administrationens andel av kostnaderna",
        GoalMetric.EquityAboveCeiling => "Eget kapital över taket (kronor)",
        GoalMetric.ResultAgainstBudget => "Årets resultat mot budget (kronor)",
        _ => throw Unknown(metric),
    };

    public static string Of(GoalDirection direction) => direction switch
    {
        GoalDirection.AtLeast => "Minst",
        GoalDirection.AtMost => "Högst",
        _ => throw Unknown(direction),
    };

    public static string Of(GoalUnit unit) => unit switch
    {
        GoalUnit.Count => "Antal",
        GoalUnit.Percent => "Procent",
        GoalUnit.PercentagePoints => "Procentenheter",
        GoalUnit.Kronor => "Kronor",
        _ => throw Unknown(unit),
    };

    public static string Of(GoalAssessment assessment) => assessment switch
    {
        GoalAssessment.Met => "Uppfyllt",
        GoalAssessment.PartlyMet => "Delvis uppfyllt",
        GoalAssessment.NotMet => "Ej uppfyllt",
        _ => throw Unknown(assessment),
    };

    /// <summary>Each support in the set, in declaration order: "Sjukpenning, A-kassa".</summary>
    public static string Of(IncomeSupport support)
    {
        if (support == IncomeSupport.None)
        {
            return "";
        }

        var names = Enum.GetValues<IncomeSupport>()
            .Where(s => s != IncomeSupport.None && support.HasFlag(s))
            .Select(OfSingle);
        return string.Join(", ", names);
    }

    /// <summary>The name of one support (a single flag).</summary>
    public static string OfSingle(IncomeSupport support) => support switch
    {
        IncomeSupport.SicknessBenefit => "Sjukpenning",
        IncomeSupport.ActivityCompensation => "Aktivitetsersättning",
        IncomeSupport.SicknessCompensation => "Sjukersättning",
        IncomeSupport.MeansTestedAllowance => "Försörjningsstöd",
        IncomeSupport.ActivitySupport => "Aktivitetsstöd",
        IncomeSupport.UnemploymentInsurance => "A-kassa",
        IncomeSupport.StudentFinance => "Studiemedel",
        IncomeSupport.Salary => "Lön",
        IncomeSupport.NoIncome => "Ingen försörjning",
        IncomeSupport.Other => "Annan",
        _ => throw Unknown(support),
    };

    /// <summary>
    /// Reads a value from its Swedish name (as <see cref="Of(Gender)"/> and its siblings write it), ignoring case.
    /// Also accepts the short forms K, M and Annat for gender.
    /// </summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        var wanted = (text ?? "").Trim();
        if (wanted.Length == 0)
        {
            return false;
        }

        // A range between digits is written with an en dash ("2–5 år"); a plain hyphen or another dash, with or without
        // spaces ("2-5 år", "2 - 5 år"), is what people type and what Excel keeps.
        wanted = DigitRange.Replace(wanted, "–");

        if (typeof(T) == typeof(Gender))
        {
            wanted = wanted.ToUpperInvariant() switch
            {
                "K" => Of(Gender.Woman),
                "M" => Of(Gender.Man),
                "ANNAT" or "EJ ANGIVET" => Of(Gender.OtherOrUnspecified),
                _ => wanted,
            };
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Convert.ToInt64(candidate, System.Globalization.CultureInfo.InvariantCulture) == 0 && typeof(T) == typeof(IncomeSupport))
            {
                continue;
            }

            if (string.Equals(NameOf(candidate), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a list of supports separated by commas, e.g. "Sjukpenning, A-kassa". Empty text is none.</summary>
    public static bool TryParseSupport(string? text, out IncomeSupport support, out string? unknown)
    {
        support = IncomeSupport.None;
        unknown = null;
        foreach (var part in (text ?? "").Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse<IncomeSupport>(part, out var one))
            {
                unknown = part;
                return false;
            }

            support |= one;
        }

        return true;
    }

    /// <summary>The accepted names of an enumeration, for messages: "Kvinna, Man, Annat/ej angivet".</summary>
    public static string Choices<T>()
        where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>()
            .Where(v => typeof(T) != typeof(IncomeSupport) || Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .Select(v => NameOf(v)));

    private static string NameOf<T>(T value)
        where T : struct, Enum => value switch
        {
            Gender g => Of(g),
            InsatsKind k => Of(k),
            InsatsStatus s => Of(s),
            OperatingCategory c => Of(c),
            MemberKind m => Of(m),
            EducationLevel e => Of(e),
            EndReason r => Of(r),
            TimeInSupport t => Of(t),
            FollowUpResult f => Of(f),
            GoalMetric g => Of(g),
            GoalDirection d => Of(d),
            GoalUnit u => Of(u),
            GoalAssessment a => Of(a),
            IncomeSupport i => OfSingle(i),
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Ingen svensk benämning."),
        };

    private static ArgumentOutOfRangeException Unknown<T>(T value) => new(nameof(value), value, "Okänt värde.");

    [GeneratedRegex(@"(?<=\d)\s*[-\u2010\u2011\u2012\u2013\u2014\u2212]\s*(?=\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DigitRangePattern();
}
