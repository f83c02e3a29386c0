namespace Finsam.Domain.Economy;

/// <summary>
/// The latest ledger file imported for a fiscal year: what was imported, when and by whom. A new import of the
/// same year replaces the whole ledger of that year.
/// </summary>
public class LedgerImport
{
    public int Id { get; set; }

    public int FiscalYearId { get; set; }

    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file as uploaded, hex.</summary>
    public required string Sha256 { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public string? ImportedBy { get; set; }

    public string? CompanyName { get; set; }

    public string? OrganisationNumber { get; set; }

    public int AccountCount { get; set; }

    public int VoucherCount { get; set; }

    public int TransactionCount { get; set; }

    /// <summary>The reader's warnings, one per line (e.g. unbalanced vouchers).</summary>
    public string? Warnings { get; set; }
}

/// <summary>An account of the chart of accounts as the year's ledger names it.</summary>
public class LedgerAccount
{
    public int Id { get; set; }

    public int FiscalYearId { get; set; }

    public required string Number { get; set; }

    public required string Name { get; set; }

    /// <summary>T tillgång, S skuld, K kostnad, I intäkt, when the file says.</summary>
    public char? Type { get; set; }
}

/// <summary>
/// A balance from the ledger file: opening or closing balance or result per account, optionally per object
/// (the insats code), or a period balance. <see cref="BalanceYear"/> is the calendar year the figure belongs to,
/// which for a file's previous-year figures is the year before the fiscal year it was imported with.
/// </summary>
public class LedgerBalance
{
    public long Id { get; set; }

    public int FiscalYearId { get; set; }

    public int BalanceYear { get; set; }

    public LedgerBalanceKind Kind { get; set; }

    public required string Account { get; set; }

    /// <summary>For period balances: the period as yyyyMM.</summary>
    public int? Period { get; set; }

    public int? ObjectDimension { get; set; }

    public string? ObjectCode { get; set; }

    public decimal Amount { get; set; }
}

public enum LedgerBalanceKind
{
    Opening = 1,
    Closing = 2,
    Result = 3,
    Period = 4,
}

/// <summary>A voucher (verifikation) of the ledger.</summary>
public class Voucher
{
    public long Id { get; set; }

    public int FiscalYearId { get; set; }

    public required string Series { get; set; }

    public required string Number { get; set; }

    public DateOnly Date { get; set; }

    public string? Text { get; set; }

    public List<VoucherLine> Lines { get; } = [];
}

/// <summary>One transaction of a voucher. <see cref="ObjectCode"/> is its object in the insats dimension, if any.</summary>
public class VoucherLine
{
    public long Id { get; set; }

    public long VoucherId { get; set; }

    public required string Account { get; set; }

    public string? ObjectCode { get; set; }

    public decimal Amount { get; set; }

    public DateOnly? Date { get; set; }

    public string? Text { get; set; }
}
