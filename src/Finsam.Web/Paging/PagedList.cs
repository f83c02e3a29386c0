using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Paging;

/// <summary>Creates <see cref="PagedList{T}"/>s.</summary>
public static class PagedList
{
    public static PagedList<T> Empty<T>() => new([], 1, 1, 0);

    /// <summary>Counts the query's rows and reads the requested page; a page number out of range reads the nearest page.</summary>
    public static async Task<PagedList<T>> CreateAsync<T>(IQueryable<T> query, int number, int size, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var total = await query.CountAsync(cancellationToken);
        var last = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(number, 1, last);
        var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedList<T>(rows, page, size, total);
    }

    /// <summary>
    /// Like <see cref="CreateAsync{T}"/> for a large table: counts and pages over the rows' keys only (a narrow projection
    /// an index can answer), then reads the full rows of the page's keys. A page in the second half is read from the other
    /// end of the order (<paramref name="keysReversed"/>), so the last page costs what the first does. Both key queries
    /// must be the same rows in exactly opposite orders (a total order: the key last). A row removed between the
    /// queries is left out of the page.
    /// </summary>
    public static async Task<PagedList<T>> CreateByKeysAsync<TKey, T>(
        IQueryable<TKey> keys,
        IQueryable<TKey> keysReversed,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<List<T>>> rowsOf,
        Func<T, TKey> keyOf,
        int number,
        int size,
        CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(rowsOf);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var total = await keys.CountAsync(cancellationToken);
        var (page, skip, take, fromEnd) = Window(total, number, size);
        if (take == 0)
        {
            return new PagedList<T>([], page, size, total);
        }

        var pageKeys = fromEnd
            ? (await keysReversed.Skip(skip).Take(take).ToListAsync(cancellationToken)).AsEnumerable().Reverse().ToList()
            : await keys.Skip(skip).Take(take).ToListAsync(cancellationToken);
        var byKey = (await rowsOf(pageKeys, cancellationToken)).ToDictionary(keyOf);
        var rows = pageKeys.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList();
        return new PagedList<T>(rows, page, size, total);
    }

    /// <summary>
    /// Like <see cref="CreateByKeysAsync{TKey, T}"/> for an order that goes segment by segment (the participant list by
    /// insats: every enrolment of the first insats, then of the next), where no index holds the whole order: each
    /// segment's count is known, so a page reads only the segments it covers, each from its nearer end
    /// (<c>keys(skip, take, reversed, …)</c> returns the segment's keys in its order, skipping from its end when reversed).
    /// </summary>
    public static async Task<PagedList<T>> CreateBySegmentsAsync<TKey, T>(
        IReadOnlyList<(int Count, Func<int, int, bool, CancellationToken, Task<List<TKey>>> Keys)> segments,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<List<T>>> rowsOf,
        Func<T, TKey> keyOf,
        int number,
        int size,
        CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(rowsOf);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var total = segments.Sum(s => s.Count);
        var (page, _, take, _) = Window(total, number, size);
        var start = (page - 1) * size;
        var end = start + take;
        var pageKeys = new List<TKey>();
        var offset = 0;
        foreach (var (count, keys) in segments)
        {
            var from = Math.Max(start, offset) - offset;
            var to = Math.Min(end, offset + count) - offset;
            if (from < to)
            {
                var fromEnd = from > count - to;
                var read = await keys(fromEnd ? count - to : from, to - from, fromEnd, cancellationToken);
                if (fromEnd)
                {
                    read.Reverse();
                }

                pageKeys.AddRange(read);
            }

            offset += count;
            if (offset >= end)
            {
                break;
            }
        }

        var byKey = (await rowsOf(pageKeys, cancellationToken)).ToDictionary(keyOf);
        return new PagedList<T>(pageKeys.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList(), page, size, total);
    }

    /// <summary>
    /// Which rows page <paramref name="number"/> (clamped to the pages there are) covers: skip and take in the query's
    /// order, or, when <paramref name="FromEnd"/>, skip and take in the reversed order (the page is then read reversed).
    /// </summary>
    public static (int Page, int Skip, int Take, bool FromEnd) Window(int total, int number, int size)
    {
        var last = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(number, 1, last);
        var start = (page - 1) * size;
        var end = Math.Min(start + size, total);
        var take = Math.Max(0, end - start);
        return start <= total - end ? (page, start, take, false) : (page, total - end, take, true);
    }
}

/// <summary>One page of a query's rows, with the total count. Page numbers start at 1.</summary>
public sealed class PagedList<T>
{
    internal PagedList(IReadOnlyList<T> rows, int number, int size, int total)
    {
        Rows = rows;
        Number = number;
        Size = size;
        Total = total;
    }

    public IReadOnlyList<T> Rows { get; }

    public int Number { get; }

    public int Size { get; }

    public int Total { get; }

    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>Links to the previous and next page that keep the rest of the query string.</summary>
    public PagerLinks Links(IQueryCollection query, string parameter = "sida")
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Link(int page)
        {
            if (page < 1 || page > PageCount || page == Number)
            {
                return null;
            }

            return QueryStrings.With(query, parameter, page.ToString(CultureInfo.InvariantCulture));
        }

        var kept = query.Where(q => q.Key != parameter)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")))
            .ToList();
        return new PagerLinks(Number, PageCount, Link(Number - 1), Link(Number + 1), parameter, kept);
    }
}

/// <summary>
/// The pager: previous and next page, and the page jump (a GET form that sends <paramref name="Parameter"/> together
/// with the rest of the query string, <paramref name="Kept"/>, so filters and sort stay).
/// </summary>
public sealed record PagerLinks(int Number, int PageCount, string? Previous, string? Next, string Parameter = "sida", IReadOnlyList<KeyValuePair<string, string>>? Kept = null);
