namespace Finsam.Domain.Reports;

/// <summary>The sections an annual report can have, in their default order.</summary>
public enum ReportSectionKind
{
    Cover = 1,
    ChairmanForeword = 2,
    AdministrationReport = 3,
    GoalFulfilment = 4,
    Participants = 5,
    FinancialResult = 6,
    OperatingStatement = 7,
    IncomeStatement = 8,
    BalanceSheet = 9,
    CashFlow = 10,
    AccountingPrinciples = 11,
    Notes = 12,
    BoardDecision = 13,
    Appendices = 14,

    /// <summary>Händelser av väsentlig betydelse (LKBR 11 kap.): the förbund's own text, printed after the förvaltningsberättelse.</summary>
    SignificantEvents = 15,

    /// <summary>Förväntad utveckling (LKBR 11 kap.): the förbund's own text, printed before the economic part.</summary>
    ExpectedDevelopment = 16,

    /// <summary>Deltagarnas fördelning: per hemkommun, remittent, åldersgrupp, tid i försörjning och avslutsorsakens underkod. Off until switched on.</summary>
    Breakdowns = 17,

    /// <summary>Bilaga: the year's indicator surveys (indikatormätning) with response rate, klart positiva and the comparison value. Off until switched on.</summary>
    Surveys = 18,
}

/// <summary>How the förbund wants a section: its title, its place and whether it is included. One row per kind.</summary>
public class ReportSectionSetting
{
    public int Id { get; set; }

    public ReportSectionKind Kind { get; set; }

    public required string Title { get; set; }

    public int Order { get; set; }

    public bool Enabled { get; set; } = true;

    public const int MaxTitleLength = 120;

    /// <summary>The default sections: the order and titles of the seed reports.</summary>
    public static IReadOnlyList<ReportSectionSetting> Defaults { get; } =
    [
        Default(ReportSectionKind.Cover, "Försättsblad"),
        Default(ReportSectionKind.ChairmanForeword, "Ordförande har ordet"),
        Default(ReportSectionKind.AdministrationReport, "Förvaltningsberättelse"),
        Default(ReportSectionKind.SignificantEvents, "Väsentliga händelser", 33),
        Default(ReportSectionKind.GoalFulfilment, "Måluppfyllelse"),
        Default(ReportSectionKind.Participants, "Deltagare"),
        Default(ReportSectionKind.Breakdowns, "Deltagarnas fördelning", 52, enabled: false),
        Default(ReportSectionKind.ExpectedDevelopment, "Förväntad utveckling", 55),
        Default(ReportSectionKind.FinancialResult, "Ekonomiskt resultat"),
        Default(ReportSectionKind.OperatingStatement, "Driftsredovisning"),
        Default(ReportSectionKind.IncomeStatement, "Resultaträkning"),
        Default(ReportSectionKind.BalanceSheet, "Balansräkning"),
        Default(ReportSectionKind.CashFlow, "Kassaflödesanalys"),
        Default(ReportSectionKind.AccountingPrinciples, "Redovisningsprinciper"),
        Default(ReportSectionKind.Notes, "Noter"),
        Default(ReportSectionKind.BoardDecision, "Styrelsens beslut"),
        Default(ReportSectionKind.Appendices, "Bilaga: insatsernas måluppfyllelse och deltagarflöden"),
        Default(ReportSectionKind.Surveys, "Bilaga: indikatormätning", 145, enabled: false),
    ];

    private static ReportSectionSetting Default(ReportSectionKind kind, string title, int? order = null, bool enabled = true) =>
        new() { Id = (int)kind, Kind = kind, Title = title, Order = order ?? (int)kind * 10, Enabled = enabled };

    /// <summary>
    /// Sections printed on from the page before instead of starting a page of their own: the parts of the
    /// förvaltningsberättelse (väsentliga händelser, förväntad utveckling), and the statements after the
    /// resultaträkning with the principles and the notes, which the seed reports set two or three to a page (a
    /// balansräkning alone on a page is a page left mostly empty).
    /// </summary>
    public static bool ContinuesPage(ReportSectionKind kind) =>
        kind is ReportSectionKind.SignificantEvents or ReportSectionKind.ExpectedDevelopment or ReportSectionKind.BalanceSheet
            or ReportSectionKind.CashFlow or ReportSectionKind.AccountingPrinciples or ReportSectionKind.Notes;
}

/// <summary>
/// A version of the förbund's own text (Markdown) for one section of one year's report. Every save adds a version;
/// the newest is used, and the older ones remain for the history.
/// </summary>
public class ReportText
{
    public int Id { get; set; }

    public int Year { get; set; }

    public ReportSectionKind Kind { get; set; }

    public int Version { get; set; }

    public required string Markdown { get; set; }

    public string? SavedBy { get; set; }

    public DateTime SavedAtUtc { get; set; }

    public const int MaxLength = 50_000;
}

/// <summary>A person who signs a year's report (styrelsens ledamöter), in order.</summary>
public class ReportSignatory
{
    public int Id { get; set; }

    public int Year { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    public required string Title { get; set; }
}

/// <summary>
/// An adopted year's report: the board's decision, and the final PDF and workbook exactly as generated then, with
/// their SHA-256, so they can be downloaded later unchanged.
/// </summary>
public class ReportArchive
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>1 for the year's first adoption; each adoption after a reopening gets the next number.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The day the board adopted the report.</summary>
    public DateOnly AdoptedOn { get; set; }

    /// <summary>Where the decision is minuted (protokoll §), e.g. "§ 14".</summary>
    public string DecisionMinute { get; set; } = "";

    /// <summary>When the year was reopened after this adoption (null while this version is the adopted report).</summary>
    public DateTime? ReopenedAtUtc { get; set; }

    public string? ReopenedBy { get; set; }

    /// <summary>Why the year was reopened (required with the reopening).</summary>
    public string? ReopenReason { get; set; }

    /// <summary>Whether this version is the year's adopted report (not reopened since).</summary>
    public bool IsCurrent => ReopenedAtUtc is null;

    public const int MaxMinuteLength = 60;

    public const int MaxReasonLength = 2000;

    public string? AdoptedBy { get; set; }

    public DateTime ArchivedAtUtc { get; set; }

    public required byte[] Pdf { get; set; }

    public required string PdfSha256 { get; set; }

    public required byte[] Workbook { get; set; }

    public required string WorkbookSha256 { get; set; }

    /// <summary>
    /// The adopted report's model as JSON (the figures, texts and tables the PDF printed): the adopted year's JSON and
    /// preview are served from it. Null for a version archived before the model was kept.
    /// </summary>
    public string? Model { get; set; }
}
