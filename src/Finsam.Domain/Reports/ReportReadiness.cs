namespace Finsam.Domain.Reports;

/// <summary>
/// What a year's report still lacks before the board can adopt it, apart from the reconciliation checks: the sections
/// that consist only of the förbund's own words (the chair's foreword, the förvaltningsberättelse, väsentliga händelser, förväntad utveckling) without a text,
/// the signatories, and indicators whose assessment is still the rule's suggestion. They do not stop a draft, but they
/// stop the adoption (a förbund may leave out a foreword by switching the section off): the förbundschef sees them
/// listed, and the adoption is refused with them as the reasons.
/// </summary>
public static class ReportReadiness
{
    /// <summary>
    /// Sections with no content of their own: without the förbund's text they print as a bare heading. Väsentliga
    /// händelser and förväntad utveckling are parts of a förvaltningsberättelse that LKBR (11 kap.) requires.
    /// </summary>
    public static bool IsWrittenOnly(ReportSectionKind kind) =>
        kind is ReportSectionKind.ChairmanForeword or ReportSectionKind.AdministrationReport
            or ReportSectionKind.SignificantEvents or ReportSectionKind.ExpectedDevelopment;

    /// <param name="sections">The förbund's sections (title, whether included).</param>
    /// <param name="written">The sections of the year that have a non-blank text.</param>
    /// <param name="signatories">How many signatories the year has.</param>
    /// <param name="suggestedAssessments">How many of the year's indicators are still assessed only by the rule's suggestion.</param>
    /// <returns>One Swedish sentence per missing part, in the report's order; empty when nothing is missing.</returns>
    public static IReadOnlyList<string> Missing(IEnumerable<ReportSectionSetting> sections, IReadOnlySet<ReportSectionKind> written, int signatories, int suggestedAssessments = 0)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(written);
        var missing = new List<string>();
        var enabled = sections.Where(s => s.Enabled).OrderBy(s => s.Order).ThenBy(s => s.Kind).ToList();
        missing.AddRange(enabled
            .Where(s => IsWrittenOnly(s.Kind) && !written.Contains(s.Kind))
            .Select(s => $"Avsnittet {s.Title} har ingen text."));
        if (signatories == 0 && enabled.Any(s => s.Kind == ReportSectionKind.BoardDecision))
        {
            missing.Add("Inga undertecknare är angivna för styrelsens beslut.");
        }

        if (suggestedAssessments > 0 && enabled.Any(s => s.Kind == ReportSectionKind.GoalFulfilment))
        {
            missing.Add(suggestedAssessments == 1
                ? "1 indikator har bara regelns förslag till bedömning: bedöm den under Mål."
                : $"{suggestedAssessments} indikatorer har bara regelns förslag till bedömning: bedöm dem under Mål.");
        }

        return missing;
    }
}
