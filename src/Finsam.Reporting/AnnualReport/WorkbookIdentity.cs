using ClosedXML.Excel;
using Finsam.Domain.Formatting;

namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// The workbook's first sheet, "Om arbetsboken": which report it belongs to (förbund, organisationsnummer, year), whether
/// it is a draft or the adopted report (with the board's decision date and minute) and the SHA-256 of the PDF it was
/// archived with, and how the workbook is read (units, the checks' outcome, where the contents are). A file cannot contain
/// its own hash: the workbook's hash is shown on the report page and in the audit log.
/// </summary>
public static class WorkbookIdentity
{
    public const string SheetName = "Om arbetsboken";

    /// <summary>The labels of column A, in order (column B holds the values).</summary>
    public static readonly IReadOnlyList<string> Labels =
        ["Förbund", "Organisationsnummer", "Verksamhetsår", "Status", "Styrelsens beslut", "Protokoll", "Version", "SHA-256 för PDF-filen", "Skapad",
            "Säte", "Belopp", "Kontroller", "Innehåll"];

    public static void Write(IXLWorksheet sheet, AnnualReportModel model, string? pdfSha256)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(model);
        var adoption = model.IsDraft ? null : model.Adoption;
        var year = model.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        sheet.Cell(1, 1).Value = $"{model.Title} – {model.FederationName}";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        string[] values =
        [
            model.FederationName,
            model.OrganisationNumber ?? "",
            year,
            adoption is null ? "Utkast (inte fastställd)" : "Fastställd",
            adoption is null ? "" : SwedishFormat.Date(adoption.DecidedOn),
            adoption?.Minute ?? "",
            adoption?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            pdfSha256 ?? "(utkast: PDF-filen skapas separat)",
            SwedishFormat.DateTime(model.GeneratedAtUtc.ToLocalTime()),
            model.Cover?.Seat ?? "",
            "Kronor med öre (årsredovisningen visar tkr med en decimal, avrundad så att varje tabell summerar).",
            $"{model.Checks.Count(c => c.Passed)} av {model.Checks.Count} av årsredovisningens kontroller stämmer (se bladet {AnnualReportWorkbook.ChecksSheet}).",
            $"Se bladet {AnnualReportWorkbook.IndexSheet}.",
        ];
        for (var i = 0; i < Labels.Count; i++)
        {
            var row = i + 3;
            sheet.Cell(row, 1).Value = Labels[i];
            sheet.Cell(row, 1).Style.Font.Bold = true;
            // Text, never a formula or a number: a hash or an organisation number must be printed as written.
            sheet.Cell(row, 2).SetValue(values[i]);
            sheet.Cell(row, 2).Style.NumberFormat.Format = "@";
        }

        sheet.Column(1).Width = 26;
        sheet.Column(2).Width = 100;
    }
}
