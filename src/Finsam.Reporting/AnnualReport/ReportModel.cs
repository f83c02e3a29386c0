using System.Text.Json.Serialization;
using Finsam.Domain.Reports;

namespace Finsam.Reporting.AnnualReport;

/// <summary>What a cell holds: text, or a number of a kind that decides its format in HTML and Excel.</summary>
public enum CellKind
{
    Text = 0,

    /// <summary>Kronor; shown as tkr with one decimal in the report, stored as kronor in Excel.</summary>
    Amount = 1,

    /// <summary>A whole number (participants, days).</summary>
    Count = 2,

    /// <summary>A share between 0 and 1, shown as a percentage.</summary>
    Share = 3,
}

/// <summary>A column: its header, the kind of its cells, its Excel width, and optionally a difference of two other columns (for formulas).</summary>
public sealed record ReportColumn(string Header, CellKind Kind, double Width = 14)
{
    /// <summary>When set, each cell equals column <c>Minuend</c> minus column <c>Subtrahend</c> of the same row (an Excel formula).</summary>
    public (int Minuend, int Subtrahend)? Difference { get; init; }

    /// <summary>
    /// For a <see cref="CellKind.Share"/> column: the most decimals of the percentage shown, trailing zeros dropped.
    /// Shares computed from counts are whole percent (0); shares that are decided figures, such as a member's
    /// part of the contributions (11,75 %), are shown as decided.
    /// </summary>
    public int ShareDecimals { get; init; }
}

/// <summary>A cell: text or a number (null number and text = empty).</summary>
public readonly record struct ReportCell(string? Text, decimal? Number)
{
    public static ReportCell Empty => default;

    /// <summary>
    /// The numbers behind a cell printed as text ("35 %, 43 av 124", "minst 35 %"), which the workbook writes as numbers
    /// in columns of their own (value, n, N); the report prints <see cref="Text"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MeasuredValue? Measure { get; init; }

    public static implicit operator ReportCell(string? text) => new(text, null);

    public static implicit operator ReportCell(decimal number) => new(null, number);

    public static implicit operator ReportCell(int number) => new(null, number);

    public static ReportCell Of(decimal? number) => new(null, number);

    public bool IsEmpty => Text is null && Number is null;
}

/// <summary>
/// A measured figure: a share as a fraction (0,3468) with its count and basis (43 of 124), a count, or a difference
/// of percentages (procentenheter); a target carries its relation ("minst", "högst").
/// </summary>
public sealed record MeasuredValue(decimal Value, MeasureUnit Unit, int? Count = null, int? Basis = null, string? Relation = null);

/// <summary>How a <see cref="MeasuredValue"/> is formatted: a share (percent), a number, or procentenheter.</summary>
public enum MeasureUnit
{
    Number = 0,
    Share = 1,
    PercentagePoints = 2,

    /// <summary>An amount in kronor (a goal measured in money).</summary>
    Kronor = 3,
}

public enum RowStyle
{
    Normal = 0,

    /// <summary>A total (bold, with a rule above).</summary>
    Sum = 1,

    /// <summary>A heading row inside the table (a group's name).</summary>
    Heading = 2,
}

/// <summary>
/// A row. A sum row names the rows (by index in the table) it adds up, so the workbook can write its numbers as
/// formulas that the auditor can recompute; the report shows the computed value.
/// </summary>
/// <remarks>
/// A row is <see cref="Pinned"/> when its figure is printed elsewhere in the report too (a statement line that a note
/// specifies, årets resultat, kassa och bank): the footing never moves it off its own rounding (see <see cref="Footing"/>).
/// </remarks>
public sealed record ReportRow(IReadOnlyList<ReportCell> Cells, RowStyle Style = RowStyle.Normal, IReadOnlyList<int>? SumOf = null)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Pinned { get; init; }

    /// <summary>
    /// A figure that repeats a row of another table (a note's sum repeats its statement line): it prints that row's
    /// printed figure (times <see cref="RowReference.Sign"/>), so the two never differ by a rounding.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RowReference? Follows { get; init; }

    /// <summary>
    /// Cells that repeat a sum of other tables' cells (the driftsredovisning's total income is verksamhetens plus
    /// finansiella intäkter of the resultaträkning): each prints the sum of those cells as printed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CellFollow>? FollowsCells { get; init; }
}

/// <summary>One cell of another table of the report: its table's key, row and column, and the sign it is added with.</summary>
public sealed record CellSource(string TableKey, int Row, int Column, int Sign = 1);

/// <summary>Column <see cref="Column"/> of a row prints the sum of <see cref="Sources"/> as they are printed.</summary>
public sealed record CellFollow(int Column, IReadOnlyList<CellSource> Sources);

/// <summary>A row of another table of the report, by the table's key and the row's index; sign −1 when it is shown with the other sign.</summary>
public sealed record RowReference(string TableKey, int Row, int Sign = 1);

/// <summary>A table of the report; <see cref="Key"/> names it in the workbook and the JSON.</summary>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, string? Note = null)
{
    /// <summary>Whether the table has amounts, so its print says their unit ("Belopp i tkr").</summary>
    public bool HasAmounts => Columns.Any(c => c.Kind == CellKind.Amount);

    /// <summary>
    /// The numbers as printed, so that every printed sum is the sum of its printed rows: amounts rounded to
    /// <paramref name="amountUnit"/> kronor (100 = tkr with one decimal), by <see cref="Footing"/>.
    /// </summary>
    public PrintedTable Printed(decimal amountUnit = Footing.TkrUnit) => Footing.Print(this, amountUnit);
}

/// <summary>Content of a section besides its narrative. In JSON each block says its "type".</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(ChartBlock), "chart")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(HeadingBlock), "heading")]
[JsonDerivedType(typeof(SignatureBlock), "signatures")]
public abstract record ReportBlock;

public sealed record TableBlock(ReportTable Table) : ReportBlock;

/// <summary>A chart as SVG markup, with its data as a table beside it.</summary>
public sealed record ChartBlock(string Title, string Svg, ReportTable Data) : ReportBlock;

/// <summary>A computed paragraph (plain text).</summary>
public sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary>A sub-heading inside a section.</summary>
public sealed record HeadingBlock(string Text) : ReportBlock;

/// <summary>The board's signatures: place and date, then a line per signatory.</summary>
public sealed record SignatureBlock(string PlaceAndDate, IReadOnlyList<Signatory> Signatories) : ReportBlock;

/// <summary>A section: its title, the förbund's own text (sanitised HTML from Markdown) and its computed content.</summary>
public sealed record ReportSection(ReportSectionKind Kind, string Title, string? NarrativeHtml, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>The id used for links and bookmarks.</summary>
    public string Anchor => "avsnitt-" + ((int)Kind).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the cover shows besides the name: the förbund's säte and its logo (PNG or JPEG, as a data URI), each optional.</summary>
public sealed record CoverDetails(string? Seat, string? LogoDataUri);

/// <summary>The board's adoption of the report: the decision date, the minute (protokoll §) and the archive version.</summary>
public sealed record ReportAdoption(DateOnly DecidedOn, string Minute, int Version = 1)
{
    /// <summary>The decision date in words, as a decision page says it: "12 mars 2026".</summary>
    public string LongDate => LongDateOf(DecidedOn);

    /// <summary>"12 mars 2026".</summary>
    public static string LongDateOf(DateOnly date) => date.ToString("d MMMM yyyy", Domain.Formatting.SwedishFormat.Culture);

    /// <summary>The sentence of the decision page: "Årsredovisningen har fastställts av styrelsen den 12 mars 2026, § 14."</summary>
    public string Statement => $"Årsredovisningen har fastställts av styrelsen den {LongDate}, {Minute}.";
}

/// <summary>A person who signs the report.</summary>
public sealed record Signatory(string Name, string Title);

/// <summary>A reconciliation check as the report lists it.</summary>
public sealed record ReportCheck(string Name, bool Passed, decimal Expected, decimal Actual, string Explanation);

/// <summary>A whole annual report, ready to render as HTML (and PDF), as a workbook or as JSON.</summary>
public sealed record AnnualReportModel(
    int Year,
    string FederationName,
    string? OrganisationNumber,
    bool IsDraft,
    DateTime GeneratedAtUtc,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ReportCheck> Checks,
    CoverDetails? Cover = null,
    ReportAdoption? Adoption = null)
{
    public string Title => $"Årsredovisning {Year}";

    private Dictionary<ReportTable, PrintedTable>? _printed;

    /// <summary>A table of this report as printed: footed, a row that repeats another table's row printed as that one (<see cref="Footing.PrintAll"/>).</summary>
    public PrintedTable Printed(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _printed ??= Footing.PrintAll(Tables, Footing.TkrUnit);
        return _printed.TryGetValue(table, out var printed) ? printed : table.Printed();
    }

    public bool AllChecksPass => Checks.All(c => c.Passed);

    /// <summary>Every table of the report in order, charts' data included.</summary>
    public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Blocks).SelectMany(b => b switch
    {
        TableBlock t => [t.Table],
        ChartBlock c => [c.Data],
        _ => Array.Empty<ReportTable>(),
    });
}
