using System.Globalization;
using System.Text.RegularExpressions;
using Finsam.Domain.Reports;

namespace Finsam.Web.Features.Admin.Audit;

/// <summary>
/// The audit log in the reader's words: the record an entry is about ("Deltagare 12", "Årsredovisningens text 2024,
/// Ordförande har ordet") instead of the names in code ("Participant 12", "AnnualReportText 2024/ChairmanForeword").
/// The stored entries keep the code names, so searching and exports stay stable; only the page translates.
/// </summary>
public static partial class AuditNames
{
    private static readonly Dictionary<string, string> Swedish = new(StringComparer.Ordinal)
    {
        ["AccountMapping"] = "Kontomappning",
        ["AnnualReport"] = "Årsredovisning",
        ["AnnualReportSections"] = "Årsredovisningens avsnitt",
        ["AnnualReportSignatories"] = "Årsredovisningens undertecknare",
        ["AnnualReportText"] = "Årsredovisningens text",
        ["Auditor"] = "Revisor",
        ["BoardAssignment"] = "Styrelseuppdrag",
        ["Budget"] = "Budget",
        ["ContributionSplit"] = "Medlemsbidrag och fördelning",
        ["EndReasonCode"] = "Underkod till avslutsorsak",
        ["Enrolment"] = "Deltagande",
        ["EnrolmentImportJob"] = "Import av deltaganden (jobb)",
        ["EnrolmentList"] = "Deltagarlistan",
        ["Federation"] = "Förbundet",
        ["FederationDirector"] = "Förbundschef",
        ["FiscalYear"] = "Verksamhetsår",
        ["GoalArea"] = "Målområde",
        ["Goals"] = "Mål",
        ["Indicator"] = "Indikator",
        ["Insats"] = "Insats",
        ["InsatsDimension"] = "Dimension för projektkoder",
        ["InsatsGoal"] = "Insatsmål",
        ["InsatsRating"] = "Insatsens bedömning",
        ["Ledger"] = "Bokföring",
        ["Member"] = "Medlem",
        ["Objective"] = "Målsättning",
        ["Participant"] = "Deltagare",
        ["ParticipantSearch"] = "Sökning efter deltagare",
        ["StaffMember"] = "Kansliets personal",
        ["SurveyResult"] = "Enkätresultat",
        ["SurveyRound"] = "Enkätomgång",
        ["User"] = "Användarkonto",
        ["Worklist"] = "Att göra",
    };

    /// <summary>The entity types the log knows a Swedish name for.</summary>
    public static IReadOnlyCollection<string> Known => Swedish.Keys;

    /// <summary>"Deltagare 12"; an unknown type keeps its code name, so nothing is ever hidden.</summary>
    public static string Describe(string entityType, string? entityId)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var name = Swedish.GetValueOrDefault(entityType, entityType);
        return entityId is null ? name : $"{name} {Id(entityType, entityId)}";
    }

    /// <summary>A report text's key "2024/ChairmanForeword" as "2024, Ordförande har ordet".</summary>
    private static string Id(string entityType, string entityId)
    {
        if (entityType == "AnnualReportText" && entityId.Split('/') is [var year, var kind]
            && Enum.TryParse<ReportSectionKind>(kind, out var section)
            && ReportSectionSetting.Defaults.FirstOrDefault(d => d.Kind == section) is { } setting)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{year}, {setting.Title}");
        }

        return entityId;
    }

    /// <summary>
    /// An entry's details as the page shows them: a checksum (64 hexadecimal digits, e.g. of an adopted report's PDF)
    /// as "kontrollsumma" and its first 12 digits, which tell files apart; the stored entry keeps the whole value.
    /// </summary>
    public static string Details(string? details) =>
        details is null ? "" : Checksum().Replace(details, m => $"med kontrollsumma {m.Value[..12].ToLowerInvariant()}…");

    [GeneratedRegex("(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])")]
    private static partial Regex Checksum();
}
