using Finsam.Data;
using Finsam.Data.Queries;
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

        var rows = lines.Select(l => (IReadOnlyList<object?>)
            [l.Series, l.VoucherNumber, l.Date, l.VoucherText, l.Account, l.AccountName, l.ObjectCode, l.Text, l.Debit, l.Credit]);
        return new ExportFile(TableWriter.WriteExcel($"Verifikationer {year}", VoucherHeaders, rows, [7, 12, 11, 36, 9, 28, 11, 30, 14, 14]), TableWriter.ExcelContentType, $"verifikationer-{year}.xlsx");
    }

    private static decimal Sum(IEnumerable<LedgerRow> rows, Func<LedgerRow, decimal?> amount) => rows.Sum(r => amount(r) ?? 0m);
}
