namespace Finsam.Domain.Economy.Sie;

/// <summary>An object of the insats dimension that is no insats's project code, with its transactions' net amount (debit positive).</summary>
public sealed record UnmatchedObject(int Dimension, string Code, string? Name, decimal Amount, int Transactions)
{
    public string Describe() =>
        $"Objektet {Code}{(string.IsNullOrEmpty(Name) ? "" : $" ({Name})")} på dimension {Dimension} är ingen insats projektkod: {Transactions} transaktioner, netto {Money.Kr(Amount)}. Beloppen hamnar under \"Ej fördelat på insats\" i driftsredovisningen tills en insats får koden.";
}

/// <summary>How many of a dimension's objects in the file are insats codes.</summary>
public sealed record DimensionMatch(int Dimension, string? Name, int Objects, int InsatsCodes);

/// <summary>
/// Which SIE dimension carries the insatser's project codes. The förbund's setting says which; the file's
/// transactions show which dimension's objects actually are insats codes. When another dimension matches more
/// insats codes than the set one, it is proposed.
/// </summary>
public sealed class InsatsDimensionUsage
{
    private readonly Dictionary<(int Dimension, string Code), (decimal Amount, int Count)> _objects = [];

    /// <summary>Counts a transaction's objects.</summary>
    public void Add(IReadOnlyList<SieObjectRef> objects, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var o in objects)
        {
            var key = (o.Dimension, o.Code);
            _objects[key] = _objects.TryGetValue(key, out var seen) ? (seen.Amount + amount, seen.Count + 1) : (amount, 1);
        }
    }

    /// <summary>Each dimension used by a transaction, with how many of its objects are insats codes; the best match first.</summary>
    public IReadOnlyList<DimensionMatch> Matches(IReadOnlySet<string> insatsCodes, IReadOnlyDictionary<int, string> dimensionNames)
    {
        ArgumentNullException.ThrowIfNull(insatsCodes);
        ArgumentNullException.ThrowIfNull(dimensionNames);
        return _objects.Keys.GroupBy(k => k.Dimension)
            .Select(g => new DimensionMatch(g.Key, dimensionNames.GetValueOrDefault(g.Key), g.Count(), g.Count(k => insatsCodes.Contains(k.Code.Trim()))))
            .OrderByDescending(m => m.InsatsCodes).ThenBy(m => m.Dimension)
            .ToList();
    }

    /// <summary>
    /// The dimension to propose instead of <paramref name="current"/>, or null: another dimension is proposed when
    /// more of its objects are insats codes than of the current one's.
    /// </summary>
    public int? Propose(int current, IReadOnlySet<string> insatsCodes)
    {
        var matches = Matches(insatsCodes, new Dictionary<int, string>());
        var best = matches.Count == 0 ? null : matches[0];
        var currentMatches = matches.FirstOrDefault(m => m.Dimension == current)?.InsatsCodes ?? 0;
        return best is not null && best.Dimension != current && best.InsatsCodes > currentMatches ? best.Dimension : null;
    }

    /// <summary>The objects on <paramref name="dimension"/> that are no insats code, in code order.</summary>
    public IReadOnlyList<UnmatchedObject> Unmatched(int dimension, IReadOnlySet<string> insatsCodes, IReadOnlyDictionary<(int Dimension, string Code), string> names)
    {
        ArgumentNullException.ThrowIfNull(insatsCodes);
        ArgumentNullException.ThrowIfNull(names);
        return _objects.Where(o => o.Key.Dimension == dimension && !insatsCodes.Contains(o.Key.Code.Trim()))
            .Select(o => new UnmatchedObject(dimension, o.Key.Code, names.GetValueOrDefault(o.Key), o.Value.Amount, o.Value.Count))
            .OrderBy(o => o.Code, StringComparer.Ordinal)
            .ToList();
    }
}
