namespace Finsam.Domain.Economy.Sie;

/// <summary>
/// What a SIE file (types 1–4, E and I) says, as read by <see cref="SieParser"/>: the company, its fiscal years,
/// accounts and objects, the balances per account and per object, and the vouchers. Amounts are kronor.
/// Year index 0 is the file's current year, -1 the year before (as in #RAR).
/// </summary>
public sealed class SieDocument
{
    public bool? Flag { get; internal set; }

    public string? Format { get; internal set; }

    public string? SieType { get; internal set; }

    public string? ProgramName { get; internal set; }

    public string? CompanyName { get; internal set; }

    public string? OrganisationNumber { get; internal set; }

    /// <summary>The chart of accounts the file says it uses (#KPTYP), e.g. "BAS2014" or "KB13"; null when not stated.</summary>
    public string? ChartType { get; internal set; }

    public Dictionary<int, SieFiscalYear> FiscalYears { get; } = [];

    public Dictionary<string, SieAccount> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Dimension number → name, e.g. 6 → "Projekt".</summary>
    public Dictionary<int, string> Dimensions { get; } = [];

    /// <summary>(dimension, object code) → object name, e.g. (6, "P25") → "Samverkansteam".</summary>
    public Dictionary<(int Dimension, string Code), string> Objects { get; } = [];

    public List<SieBalance> OpeningBalances { get; } = [];

    public List<SieBalance> ClosingBalances { get; } = [];

    public List<SieBalance> Results { get; } = [];

    public List<SieObjectBalance> ObjectOpeningBalances { get; } = [];

    public List<SieObjectBalance> ObjectClosingBalances { get; } = [];

    public List<SiePeriodBalance> PeriodBalances { get; } = [];

    /// <summary>The vouchers, when the whole file was read with <see cref="SieParser.Parse(string)"/>; empty when read voucher by voucher with <see cref="SieReader"/>.</summary>
    public List<SieVoucher> Vouchers { get; } = [];

    /// <summary>Things that are allowed but worth telling, such as an unbalanced voucher. Swedish, with line numbers.</summary>
    public List<string> Warnings { get; } = [];
}

public sealed record SieFiscalYear(int Index, DateOnly Start, DateOnly End);

/// <summary>An account: number, name and type (T tillgång, S skuld, K kostnad, I intäkt) when #KTYP gives it.</summary>
public sealed record SieAccount(string Number, string Name)
{
    public char? Type { get; init; }
}

public sealed record SieBalance(int YearIndex, string Account, decimal Amount, int Line);

public sealed record SieObjectBalance(int YearIndex, string Account, int Dimension, string ObjectCode, decimal Amount, int Line);

public sealed record SiePeriodBalance(int YearIndex, int Period, string Account, IReadOnlyList<SieObjectRef> Objects, decimal Amount, int Line);

public sealed record SieObjectRef(int Dimension, string Code);

public sealed record SieVoucher(string Series, string Number, DateOnly Date, string? Text, int Line)
{
    public List<SieTransaction> Transactions { get; } = [];

    public decimal Sum => Transactions.Sum(t => t.Amount);
}

public sealed record SieTransaction(string Account, IReadOnlyList<SieObjectRef> Objects, decimal Amount, DateOnly? Date, string? Text, int Line);

/// <summary>A SIE file that cannot be read. The message is Swedish and starts with the line number.</summary>
public sealed class SieFormatException : Exception
{
    public SieFormatException(int line, string reason)
        : base($"Rad {line}: {reason}")
    {
        Line = line;
        Reason = reason;
    }

    public SieFormatException()
    {
        Reason = "";
    }

    public SieFormatException(string message)
        : base(message)
    {
        Reason = message;
    }

    public SieFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public int Line { get; }

    public string Reason { get; }
}
