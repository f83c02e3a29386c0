using System.Globalization;
using System.Text;

namespace Finsam.Domain.Economy.Sie;

/// <summary>
/// Reads SIE files (the Swedish standard for exchanging accounting data, types 1–4, E and I): PC8 (code page 437)
/// or UTF-8 text, quoted fields with backslash escapes, object lists in braces, and vouchers with their transactions.
/// A malformed record stops the reading with the line number and the reason; records the standard allows but
/// Finsam does not use (#KSUMMA, #ADRESS, #SRU …) are skipped; an unbalanced voucher is a warning.
/// </summary>
public static class SieParser
{
    public const int MaxLineLength = 10_000;

    private static readonly Encoding Pc8 = LoadPc8();

    private static Encoding LoadPc8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(437, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }

    /// <summary>Reads raw bytes: UTF-8 when it has a byte-order mark or decodes cleanly, otherwise PC8 (CP437).</summary>
    public static SieDocument Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Parse(Decode(bytes));
    }

    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new SieFormatException(1, "filen är sparad som UTF-16. Exportera SIE-filen igen i PC8 (standard) eller UTF-8.");
        }

        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            throw new SieFormatException(1, "filen är en zip- eller Excel-fil, inte en SIE-textfil. Packa upp den eller exportera SIE-filen igen.");
        }

        if (bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            // A file that says #FORMAT PC8 is PC8 even when its bytes happen to be valid UTF-8 (pure ASCII is the same in both).
            return text.Contains("#FORMAT PC8", StringComparison.OrdinalIgnoreCase) && bytes.Any(b => b >= 0x80) ? Pc8.GetString(bytes) : text;
        }
        catch (DecoderFallbackException)
        {
            return Pc8.GetString(bytes);
        }
    }

    public static SieDocument Parse(string text)
    {
        var reader = new SieReader(text);
        while (reader.ReadVoucher(out var voucher))
        {
            reader.Document.Vouchers.Add(voucher);
        }

        return reader.Document;
    }

    /// <summary>
    /// Reads one line; returns the voucher it completes (the line "}"), if any. Everything else lands in the
    /// document. The reader's state (the open voucher) is passed by reference.
    /// </summary>
    internal static SieVoucher? ReadLine(SieDocument document, ReadOnlySpan<char> raw, int number, ref SieVoucher? voucher, ref bool inVoucher, SieStrings strings)
    {
        var line = raw.TrimEnd('\r');
        if (line.Length > MaxLineLength)
        {
            throw new SieFormatException(number, $"raden är längre än {MaxLineLength} tecken.");
        }

        if (line.Contains('\0'))
        {
            throw new SieFormatException(number, "raden innehåller ett nolltecken; filen är inte en SIE-textfil.");
        }

        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed is "{")
        {
            if (voucher is null || inVoucher)
            {
                throw new SieFormatException(number, "\"{\" utan föregående #VER.");
            }

            inVoucher = true;
            return null;
        }

        if (trimmed is "}")
        {
            if (!inVoucher || voucher is null)
            {
                throw new SieFormatException(number, "\"}\" utan öppnad verifikation.");
            }

            var done = voucher;
            CloseVoucher(document, done);
            voucher = null;
            inVoucher = false;
            return done;
        }

        if (trimmed[0] != '#')
        {
            throw new SieFormatException(number, "raden börjar inte med en etikett (#).");
        }

        // The common case, most of a large file: a #TRANS inside a voucher, read straight from the line.
        if (inVoucher && voucher is not null && TryReadTransactionFast(trimmed, number, strings, out var fast))
        {
            voucher.Transactions.Add(fast);
            return null;
        }

        if (voucher is null && !inVoucher && TryReadVoucherFast(trimmed, number, strings, out var opened))
        {
            voucher = opened;
            return null;
        }

        var fields = Tokenize(trimmed.ToString(), number);
        var label = fields[0].Text.ToUpperInvariant();
        if (voucher is not null && !inVoucher)
        {
            throw new SieFormatException(voucher.Line, "#VER saknar sina transaktioner inom { }.");
        }

        if (inVoucher)
        {
            switch (label)
            {
                case "#TRANS":
                    voucher!.Transactions.Add(ReadTransaction(fields, number));
                    break;
                case "#RTRANS" or "#BTRANS":
                    // Added and removed transactions: a #RTRANS is followed by the same #TRANS, so skipping keeps the sum right.
                    break;
                default:
                    throw new SieFormatException(number, $"{label} får inte stå inuti en verifikation.");
            }

            return null;
        }

        ReadRecord(document, label, fields, number, ref voucher);
        return null;
    }

    /// <summary>Reads a plain #VER line (series, number, date, optional text; no escapes or lists); false for anything else.</summary>
    private static bool TryReadVoucherFast(ReadOnlySpan<char> line, int number, SieStrings strings, out SieVoucher voucher)
    {
        voucher = null!;
        if (!line.StartsWith("#VER ") || line.Contains('\\') || line.Contains('{'))
        {
            return false;
        }

        var rest = line[5..];
        if (!NextField(ref rest, out var series) || !NextField(ref rest, out var verNumber) || !NextField(ref rest, out var dateText)
            || !DateOnly.TryParseExact(dateText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        string? text = null;
        if (!rest.TrimStart(' ').IsEmpty)
        {
            // A text (anything after it, the registration date and signature, is not used); a malformed one goes the general way.
            if (!NextField(ref rest, out var textField))
            {
                return false;
            }

            text = textField.ToString();
        }

        voucher = new SieVoucher(strings.Get(series), verNumber.ToString(), date, text, number);
        return true;
    }

    /// <summary>The next field of a plain line: a word, or "quoted text" without escapes; false at the end or on anything unusual.</summary>
    private static bool NextField(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> field)
    {
        rest = rest.TrimStart(' ');
        field = default;
        if (rest.Length == 0)
        {
            return false;
        }

        if (rest[0] == '"')
        {
            var close = rest[1..].IndexOf('"');
            if (close < 0)
            {
                return false;
            }

            field = rest.Slice(1, close);
            rest = rest[(close + 2)..];
            return rest.Length == 0 || rest[0] == ' ';
        }

        var end = rest.IndexOfAny(' ', '\t', '"');
        if (end >= 0 && rest[end] != ' ')
        {
            return false;
        }

        field = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[end..];
        return true;
    }

    /// <summary>
    /// Reads a plain #TRANS line (account, object list, amount, optional date and text, no escapes) without
    /// splitting it into fields first; false for anything else, which then goes the general way (and gets its message).
    /// </summary>
    private static bool TryReadTransactionFast(ReadOnlySpan<char> line, int number, SieStrings strings, out SieTransaction transaction)
    {
        transaction = null!;
        if (!line.StartsWith("#TRANS ") || line.Contains('\\'))
        {
            return false;
        }

        var rest = line[7..].TrimStart(' ');
        var accountEnd = rest.IndexOfAny(' ', '\t');
        if (accountEnd is <= 0 or > 10 || rest[..accountEnd].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var account = strings.Get(rest[..accountEnd]);
        rest = rest[accountEnd..].TrimStart(' ');
        if (rest.Length == 0 || rest[0] != '{')
        {
            return false;
        }

        var close = rest.IndexOf('}');
        if (close < 0)
        {
            return false;
        }

        var objects = strings.Objects(rest[1..close]);
        if (objects is null)
        {
            return false;
        }

        rest = rest[(close + 1)..].TrimStart(' ');
        var amountEnd = rest.IndexOfAny(' ', '\t');
        var amountText = amountEnd < 0 ? rest : rest[..amountEnd];
        if (amountText.Length is 0 or > 30
            || !decimal.TryParse(amountText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        DateOnly? date = null;
        string? text = null;
        if (amountEnd >= 0)
        {
            rest = rest[amountEnd..].TrimStart(' ');
            if (rest.Length > 0 && rest[0] != '"')
            {
                var dateEnd = rest.IndexOfAny(' ', '\t');
                var dateText = dateEnd < 0 ? rest : rest[..dateEnd];
                if (!DateOnly.TryParseExact(dateText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return false;
                }

                date = d;
                rest = dateEnd < 0 ? [] : rest[dateEnd..].TrimStart(' ');
            }
            else if (rest.StartsWith("\"\""))
            {
                rest = rest[2..].TrimStart(' ');
            }
            else if (rest.Length > 0)
            {
                // A quoted date, or a text where the date should be: the general way decides.
                return false;
            }

            if (rest.Length > 0)
            {
                // A text: one quoted field; anything after it (quantity, signature) is not used.
                if (rest[0] != '"')
                {
                    return false;
                }

                var textEnd = rest[1..].IndexOf('"');
                if (textEnd < 0)
                {
                    return false;
                }

                text = textEnd == 0 ? null : rest.Slice(1, textEnd).ToString();
            }
        }

        transaction = new SieTransaction(account, objects, amount, date, text, number);
        return true;
    }

    private static void ReadRecord(SieDocument document, string label, List<Token> f, int line, ref SieVoucher? voucher)
    {
        switch (label)
        {
            case "#FLAGGA":
                document.Flag = Field(f, 1, line, "flagga") switch
                {
                    "0" => false,
                    "1" => true,
                    var other => throw new SieFormatException(line, $"#FLAGGA ska vara 0 eller 1, inte \"{other}\"."),
                };
                break;
            case "#FORMAT":
                document.Format = Field(f, 1, line, "format");
                break;
            case "#SIETYP":
                document.SieType = Field(f, 1, line, "SIE-typ");
                if (document.SieType is not ("1" or "2" or "3" or "4"))
                {
                    throw new SieFormatException(line, $"SIE-typ \"{document.SieType}\" stöds inte; typ 1–4 (E och I) kan läsas.");
                }

                break;
            case "#PROGRAM":
                document.ProgramName = Field(f, 1, line, "programnamn");
                break;
            case "#FNAMN":
                document.CompanyName = Field(f, 1, line, "företagsnamn");
                break;
            case "#ORGNR":
                document.OrganisationNumber = Field(f, 1, line, "organisationsnummer");
                break;
            case "#RAR":
                var index = Int(f, 1, line, "årsnummer");
                var start = Date(f, 2, line, "startdatum");
                var end = Date(f, 3, line, "slutdatum");
                if (end < start)
                {
                    throw new SieFormatException(line, "räkenskapsårets slut ligger före dess start.");
                }

                document.FiscalYears[index] = new SieFiscalYear(index, start, end);
                break;
            case "#KONTO":
                var account = Account(f, 1, line);
                document.Accounts[account] = new SieAccount(account, Field(f, 2, line, "kontonamn"))
                {
                    Type = document.Accounts.GetValueOrDefault(account)?.Type,
                };
                break;
            case "#KTYP":
                var typed = Account(f, 1, line);
                var type = Field(f, 2, line, "kontotyp").ToUpperInvariant();
                if (type is not ("T" or "S" or "K" or "I"))
                {
                    throw new SieFormatException(line, $"kontotypen ska vara T, S, K eller I, inte \"{type}\".");
                }

                document.Accounts[typed] = (document.Accounts.GetValueOrDefault(typed) ?? new SieAccount(typed, "")) with { Type = type[0] };
                break;
            case "#DIM":
                document.Dimensions[Int(f, 1, line, "dimensionsnummer")] = Field(f, 2, line, "dimensionsnamn");
                break;
            case "#OBJEKT":
                document.Objects[(Int(f, 1, line, "dimensionsnummer"), Field(f, 2, line, "objektkod"))] = Field(f, 3, line, "objektnamn");
                break;
            case "#IB":
                document.OpeningBalances.Add(new SieBalance(Int(f, 1, line, "årsnummer"), Account(f, 2, line), Amount(f, 3, line), line));
                break;
            case "#UB":
                document.ClosingBalances.Add(new SieBalance(Int(f, 1, line, "årsnummer"), Account(f, 2, line), Amount(f, 3, line), line));
                break;
            case "#RES":
                document.Results.Add(new SieBalance(Int(f, 1, line, "årsnummer"), Account(f, 2, line), Amount(f, 3, line), line));
                break;
            case "#OIB" or "#OUB":
                var objects = Objects(f, 3, line);
                if (objects.Count != 1)
                {
                    throw new SieFormatException(line, $"{label} ska ange exakt ett objekt, t.ex. {{6 \"P25\"}}.");
                }

                var balance = new SieObjectBalance(Int(f, 1, line, "årsnummer"), Account(f, 2, line), objects[0].Dimension, objects[0].Code, Amount(f, 4, line), line);
                (label == "#OIB" ? document.ObjectOpeningBalances : document.ObjectClosingBalances).Add(balance);
                break;
            case "#PSALDO" or "#PBUDGET":
                if (label == "#PSALDO")
                {
                    var period = Int(f, 2, line, "period");
                    if (period % 100 is < 1 or > 12)
                    {
                        throw new SieFormatException(line, $"perioden {period} är inte ÅÅÅÅMM.");
                    }

                    document.PeriodBalances.Add(new SiePeriodBalance(Int(f, 1, line, "årsnummer"), period, Account(f, 3, line), Objects(f, 4, line), Amount(f, 5, line), line));
                }

                break;
            case "#KPTYP":
                document.ChartType = Field(f, 1, line, "kontoplanstyp");
                break;
            case "#VER":
                var series = f.Count > 1 ? f[1].Text : "";
                var verNumber = f.Count > 2 ? f[2].Text : "";
                voucher = new SieVoucher(series, verNumber, Date(f, 3, line, "verifikationsdatum"), f.Count > 4 ? f[4].Text : null, line);
                break;
            case "#TRANS":
                throw new SieFormatException(line, "#TRANS utanför en verifikation.");
            default:
                // #KSUMMA, #ADRESS, #GEN, #VALUTA, #SRU, #TAXAR, #OMFATTN, #BKOD, #ENHET, #PROSA, #UNDERDIM … are not used by Finsam.
                break;
        }
    }

    private static SieTransaction ReadTransaction(List<Token> f, int line)
    {
        var account = Account(f, 1, line);
        var objects = Objects(f, 2, line);
        var amount = Amount(f, 3, line);
        DateOnly? date = f.Count > 4 && f[4].Text.Length > 0 ? Date(f, 4, line, "transaktionsdatum") : null;
        var text = f.Count > 5 && f[5].Text.Length > 0 ? f[5].Text : null;
        return new SieTransaction(account, objects, amount, date, text, line);
    }

    internal static void CloseVoucher(SieDocument document, SieVoucher voucher)
    {
        if (voucher.Transactions.Count == 0)
        {
            document.Warnings.Add($"Rad {voucher.Line}: verifikation {voucher.Series} {voucher.Number} saknar transaktioner.");
        }
        else if (voucher.Sum != 0m)
        {
            document.Warnings.Add(
                $"Rad {voucher.Line}: verifikation {voucher.Series} {voucher.Number} balanserar inte (summa {voucher.Sum.ToString("0.00", CultureInfo.InvariantCulture)}).");
        }

    }

    private readonly record struct Token(string Text, bool IsList, bool Quoted);

    /// <summary>
    /// Splits a record into fields: words separated by spaces or tabs, "quoted text" with \" and \\ escapes,
    /// and {object lists} kept whole.
    /// </summary>
    private static List<Token> Tokenize(string line, int number)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                i++;
                continue;
            }

            if (c == '"')
            {
                var text = new StringBuilder();
                i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
                    {
                        text.Append(line[i + 1]);
                        i += 2;
                    }
                    else if (line[i] == '"')
                    {
                        closed = true;
                        i++;
                        break;
                    }
                    else
                    {
                        text.Append(line[i++]);
                    }
                }

                if (!closed)
                {
                    throw new SieFormatException(number, "ett citattecken (\") avslutas aldrig.");
                }

                tokens.Add(new Token(text.ToString(), false, true));
            }
            else if (c == '{')
            {
                var end = FindListEnd(line, i, number);
                tokens.Add(new Token(line[(i + 1)..end], true, false));
                i = end + 1;
            }
            else if (c == '}')
            {
                throw new SieFormatException(number, "\"}\" utan \"{\".");
            }
            else
            {
                var start = i;
                while (i < line.Length && line[i] is not (' ' or '\t' or '"' or '{'))
                {
                    i++;
                }

                tokens.Add(new Token(line[start..i], false, false));
            }
        }

        return tokens;
    }

    private static int FindListEnd(string line, int open, int number)
    {
        var quoted = false;
        for (var i = open + 1; i < line.Length; i++)
        {
            if (quoted && line[i] == '\\' && i + 1 < line.Length)
            {
                i++;
            }
            else if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && line[i] == '}')
            {
                return i;
            }
            else if (!quoted && line[i] == '{')
            {
                throw new SieFormatException(number, "en objektlista får inte innehålla en annan lista.");
            }
        }

        throw new SieFormatException(number, "objektlistan avslutas aldrig med \"}\".");
    }

    private static string Field(List<Token> f, int index, int line, string what)
    {
        if (index >= f.Count || f[index].IsList)
        {
            throw new SieFormatException(line, $"{f[0].Text} saknar {what}.");
        }

        return f[index].Text;
    }

    private static int Int(List<Token> f, int index, int line, string what)
    {
        var text = Field(f, index, line, what);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SieFormatException(line, $"{what} \"{text}\" är inte ett heltal.");
    }

    private static string Account(List<Token> f, int index, int line)
    {
        var text = Field(f, index, line, "kontonummer");
        return text.Length is > 0 and <= 10 && text.All(char.IsAsciiDigit)
            ? text
            : throw new SieFormatException(line, $"kontonumret \"{text}\" är inte ett nummer.");
    }

    private static decimal Amount(List<Token> f, int index, int line)
    {
        var text = Field(f, index, line, "belopp");
        return text.Length <= 30 && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SieFormatException(line, $"beloppet \"{text}\" är inte ett tal (decimalpunkt, t.ex. -1234.50).");
    }

    private static DateOnly Date(List<Token> f, int index, int line, string what)
    {
        var text = Field(f, index, line, what);
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new SieFormatException(line, $"{what} \"{text}\" är inte ett datum ÅÅÅÅMMDD.");
    }

    private static List<SieObjectRef> Objects(List<Token> f, int index, int line)
    {
        if (index >= f.Count || !f[index].IsList)
        {
            throw new SieFormatException(line, $"{f[0].Text} saknar objektlista {{…}}.");
        }

        var inner = Tokenize(f[index].Text, line);
        if (inner.Count % 2 != 0)
        {
            throw new SieFormatException(line, "objektlistan ska bestå av par: dimension och objekt.");
        }

        var result = new List<SieObjectRef>(inner.Count / 2);
        for (var i = 0; i < inner.Count; i += 2)
        {
            if (inner[i].IsList || !int.TryParse(inner[i].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var dimension))
            {
                throw new SieFormatException(line, $"dimensionen \"{inner[i].Text}\" i objektlistan är inte ett heltal.");
            }

            result.Add(new SieObjectRef(dimension, inner[i + 1].Text));
        }

        return result;
    }
}
