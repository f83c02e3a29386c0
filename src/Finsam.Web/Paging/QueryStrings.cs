using Microsoft.AspNetCore.Http.Extensions;

namespace Finsam.Web.Paging;

/// <summary>Links that keep the current filters of a page.</summary>
public static class QueryStrings
{
    /// <summary>The query string without the <paramref name="drop"/> keys, with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public static string With(IQueryCollection query, string key, string value, params string[] drop)
    {
        ArgumentNullException.ThrowIfNull(query);
        var builder = new QueryBuilder(query
            .Where(q => q.Key != key && !drop.Contains(q.Key))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
        {
            { key, value },
        };
        return builder.ToQueryString().Value ?? "";
    }
}
