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

        return new PagerLinks(Number, PageCount, Link(Number - 1), Link(Number + 1));
    }
}

public sealed record PagerLinks(int Number, int PageCount, string? Previous, string? Next);
