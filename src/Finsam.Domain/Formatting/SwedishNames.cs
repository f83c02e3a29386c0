using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Finsam.Domain.Participants;

namespace Finsam.Domain.Formatting;

/// <summary>The Swedish words shown for the domain's enumerations. One place, so pages, reports and exports agree.</summary>
public static class SwedishNames
{
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

    private static string OfSingle(IncomeSupport support) => support switch
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

    private static ArgumentOutOfRangeException Unknown<T>(T value) => new(nameof(value), value, "Okänt värde.");
}
