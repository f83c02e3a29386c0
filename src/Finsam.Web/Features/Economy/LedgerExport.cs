using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Reporting.AnnualReport;
using Finsam.Reporting.Tabular;
using static Finsam.Data.Queries.LedgerQuery;

namespace Finsam.Web.Features.Economy;

/// <summary>
/// The auditor's ledger views as Excel workbooks (through the shared <see cref="TableWriter"/>): the huvudbok of one
/// account or all, and the filtered voucher list, one line a row, amounts as numbers, Swedish headers.
/// </summary>
public static class LedgerExport
{
    /// <summary>The most rows one export writes; a larger ledger is exported an account at a time or filtered.</summary>
    public const int MaxRows = 100_000;

    public static readonly IReadOnlyList<string> LedgerHeaders =
        ["Konto", "Kontonamn", "Datum", "Serie", "Verifikationsnummer", "Text", "Projektkod", "Debet", "Kredit", "Saldo"];

    public static readonly IReadOnlyList<string> VoucherHeaders =
        ["Serie", "Verifikationsnummer", "Datum", "Verifikationstext", "Konto", "Kontonamn", "Projektkod", "Radtext", "Debet", "Kredit"];

    /// <summary>A file to send: its bytes, content type and name.</summary>
    public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

    /// <summary>The message when an export would be larger than <see cref="MaxRows"/>.</summary>
    public static string TooLarge { get; } =
        $"Urvalet har fler än {Domain.Formatting.SwedishFormat.Number(MaxRows)} rader, det mesta som kan hämtas som Excel-fil på en gång. Hämta ett konto i taget eller begränsa sökningen.";

    /// <summary>The huvudbok of one account (or every account): each account's opening balance, its lines with the running balance, its closing balance. Null when it has more than <see cref="MaxRows"/> lines.</summary>
    public static async Task<ExportFile?> LedgerAsync(FinsamDbContext db, int year, string? account, CancellationToken cancellationToken)
    {
        var slice = await db.LedgerAsync(year, account, 0, MaxRows + 1, cancellationToken);
        if (slice.Total > MaxRows)
        {
            return null;
        }

        var accounts = (await db.AccountsAsync(year, cancellationToken)).Where(a => account is null || a.Number == account);
        var byAccount = slice.Rows.ToLookup(r => r.Account);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var a in accounts)
        {
            rows.Add([a.Number, a.Name, null, null, null, "Ingående balans", null, null, null, a.Opening]);
            rows.AddRange(byAccount[a.Number].Select(r => (IReadOnlyList<object?>)
                [r.Account, a.Name, r.Date, r.Series, r.VoucherNumber, r.Text, r.ObjectCode, r.Debit, r.Credit, r.Balance]));
            rows.Add([a.Number, a.Name, null, null, null, "Utgående balans", null, Sum(byAccount[a.Number], r => r.Debit), Sum(byAccount[a.Number], r => r.Credit), a.Closing]);
        }

        var name = account is null ? $"huvudbok-{year}.xlsx" : $"huvudbok-{year}-konto-{account}.xlsx";
        return new ExportFile(TableWriter.WriteExcel($"Huvudbok {year}", LedgerHeaders, rows, [9, 28, 11, 7, 12, 40, 11, 14, 14, 15]), TableWriter.ExcelContentType, name);
    }

    /// <summary>Every line of the vouchers that match the filter. Null when they are more than <see cref="MaxRows"/>.</summary>
    public static async Task<ExportFile?> VouchersAsync(FinsamDbContext db, int year, VoucherFilter filter, CancellationToken cancellationToken)
    {
        var lines = await db.VoucherLinesMatchingAsync(year, filter, MaxRows + 1, cancellationToken);
        if (lines.Count > MaxRows)
        {
            return null;
        }

        return new ExportFile(TableWriter.WriteExcel($"Verifikationer {year}", VoucherHeaders, VoucherRows(lines), VoucherWidths), TableWriter.ExcelContentType, $"verifikationer-{year}.xlsx");
    }

    /// <summary>
    /// The year's voucher list as a sheet of the annual report's workbook (every line of every voucher), so the auditor
    /// can follow a saldobalans account to its vouchers in the same file. A ledger larger than <see cref="MaxRows"/>
    /// lines gets a sheet that says so and points to the exports of the ledger views.
    /// </summary>
    public static async Task<AnnualReportWorkbook.Appendix> VoucherSheetAsync(FinsamDbContext db, int year, CancellationToken cancellationToken)
    {
        var lines = await db.VoucherLinesMatchingAsync(year, new VoucherFilter(), MaxRows + 1, cancellationToken);
        const string Description = "Årets verifikationer rad för rad (serie, nummer, datum, konto, projektkod, debet, kredit), som i bokföringens SIE-fil";
        return new AnnualReportWorkbook.Appendix("Verifikationer", Description, sheet =>
        {
            sheet.Cell(1, 1).SetValue($"Verifikationer {year}");
            sheet.Cell(1, 1).Style.Font.Bold = true;
            if (lines.Count > MaxRows)
            {
                sheet.Cell(2, 1).SetValue(TooLarge + " Verifikationerna finns under Ekonomi → Verifikationer.");
                return;
            }

            // Title in row 1 and headers in row 2, as every sheet of the workbook (its print setup repeats both).
            TableWriter.WriteSheet(sheet, VoucherHeaders, VoucherRows(lines), VoucherWidths, headerRow: 2);
            sheet.Range(2, 1, lines.Count + 2, VoucherHeaders.Count).SetAutoFilter();
        });
    }

    private static readonly double[] VoucherWidths = [7, 12, 11, 36, 9, 28, 11, 30, 14, 14];

    private static IEnumerable<IReadOnlyList<object?>> VoucherRows(IEnumerable<VoucherLineRow> lines) => lines.Select(l => (IReadOnlyList<object?>)
        [l.Series, l.VoucherNumber, l.Date, l.VoucherText, l.Account, l.AccountName, l.ObjectCode, l.Text, l.Debit, l.Credit]);

    private static decimal Sum(IEnumerable<LedgerRow> rows, Func<LedgerRow, decimal?> amount) => rows.Sum(r => amount(r) ?? 0m);
}
