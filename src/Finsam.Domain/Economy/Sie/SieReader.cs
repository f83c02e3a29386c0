using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Finsam.Domain.Economy.Sie;

/// <summary>
/// Reads a SIE file one voucher at a time, so a large ledger can be stored while it is read instead of being held
/// whole: <see cref="ReadVoucher"/> returns the next voucher (not added to <see cref="Document"/>), and everything
/// else (company, years, accounts, balances, objects, warnings) collects in <see cref="Document"/>. After the last
/// voucher the rest of the file has been read, so the document is complete once <see cref="ReadVoucher"/> returns
/// false. A malformed record throws <see cref="SieFormatException"/> with its line number.
/// </summary>
public sealed class SieReader
{
    private readonly string _text;
    private readonly SieStrings _strings = new();
    private int _position;
    private int _number;
    private SieVoucher? _voucher;
    private bool _inVoucher;

    public SieReader(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    /// <summary>Reads raw bytes: UTF-8 when it has a byte-order mark or decodes cleanly, otherwise PC8 (CP437).</summary>
    public SieReader(byte[] bytes)
        : this(SieParser.Decode(bytes))
    {
    }

    public SieDocument Document { get; } = new();

    /// <summary>The number of the last line read.</summary>
    public int LineNumber => _number;

    /// <summary>How much of the file's text has been read, and its length (for progress).</summary>
    public (int Read, int Length) Position => (Math.Min(_position, _text.Length), _text.Length);

    /// <summary>The next voucher, or false at the end of the file.</summary>
    public bool ReadVoucher([NotNullWhen(true)] out SieVoucher? voucher)
    {
        var text = _text.AsSpan();
        while (_position <= text.Length)
        {
            var rest = text[_position..];
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            _position += end < 0 ? rest.Length + 1 : end + 1;
            _number++;
            if (SieParser.ReadLine(Document, line, _number, ref _voucher, ref _inVoucher, _strings) is { } done)
            {
                voucher = done;
                return true;
            }
        }

        if (_voucher is not null)
        {
            throw new SieFormatException(_voucher.Line, "verifikationen avslutas aldrig med \"}\".");
        }

        voucher = null;
        return false;
    }
}

/// <summary>
/// The strings a large file repeats on every line (account numbers, object codes, whole object lists), kept once:
/// 200 000 transactions on a few dozen accounts then share a few dozen strings.
/// </summary>
internal sealed class SieStrings
{
    private const int MaxKept = 10_000;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<SieObjectRef>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private readonly Dictionary<string, IReadOnlyList<SieObjectRef>>.AlternateLookup<ReadOnlySpan<char>> _listLookup;

    public SieStrings()
    {
        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _listLookup = _lists.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(ReadOnlySpan<char> text)
    {
        if (_stringLookup.TryGetValue(text, out var kept))
        {
            return kept;
        }

        var made = text.ToString();
        if (_strings.Count < MaxKept)
        {
            _strings[made] = made;
        }

        return made;
    }

    /// <summary>The objects of a list's inside (e.g. <c>6 "P25" 1 "K3"</c>); null when it is not a plain list of pairs.</summary>
    public IReadOnlyList<SieObjectRef>? Objects(ReadOnlySpan<char> inside)
    {
        if (_listLookup.TryGetValue(inside, out var kept))
        {
            return kept;
        }

        var list = new List<SieObjectRef>();
        var rest = inside.Trim(' ');
        while (rest.Length > 0)
        {
            var dimensionEnd = rest.IndexOf(' ');
            if (dimensionEnd <= 0 || !int.TryParse(rest[..dimensionEnd], NumberStyles.None, CultureInfo.InvariantCulture, out var dimension))
            {
                return null;
            }

            rest = rest[dimensionEnd..].TrimStart(' ');
            ReadOnlySpan<char> code;
            if (rest.Length > 0 && rest[0] == '"')
            {
                var close = rest[1..].IndexOf('"');
                if (close < 0)
                {
                    return null;
                }

                code = rest.Slice(1, close);
                rest = rest[(close + 2)..].TrimStart(' ');
            }
            else
            {
                var codeEnd = rest.IndexOf(' ');
                code = codeEnd < 0 ? rest : rest[..codeEnd];
                rest = codeEnd < 0 ? [] : rest[codeEnd..].TrimStart(' ');
                if (code.Length == 0 || code.Contains('{') || code.Contains('"'))
                {
                    return null;
                }
            }

            list.Add(new SieObjectRef(dimension, Get(code)));
        }

        IReadOnlyList<SieObjectRef> objects = list.Count == 0 ? [] : list.ToArray();
        if (_lists.Count < MaxKept)
        {
            _lists[inside.ToString()] = objects;
        }

        return objects;
    }
}
