using Finsam.Domain.Participants;

namespace Finsam.Web.Features.Participants;

/// <summary>The participant list's columns that sort.</summary>
public enum EnrolmentSortColumn
{
    /// <summary>Deltagar-nr.</summary>
    Participant = 1,

    /// <summary>Start date.</summary>
    Start = 2,

    /// <summary>The insats's code.</summary>
    Insats = 3,
}

/// <summary>
/// The order of the participant list, from the query string (<c>?sortera=deltagarnr|start|insats&amp;ordning=stigande|fallande</c>),
/// so a sorted list can be linked. Every order ends with the enrolment's id, so it is total and its exact reverse pages
/// from the other end (<see cref="Paging.PagedList.CreateByKeysAsync{TKey, T}"/>).
/// </summary>
public sealed record EnrolmentSort(EnrolmentSortColumn Column, bool Descending)
{
    public const string ColumnParameter = "sortera";

    public const string OrderParameter = "ordning";

    public const string UnknownMessage = "Listan kan sorteras på Deltagar-nr, Insats eller Start, stigande eller fallande.";

    /// <summary>Newest start first: the list as it always opened.</summary>
    public static readonly EnrolmentSort Default = new(EnrolmentSortColumn.Start, Descending: true);

    private static readonly Dictionary<string, EnrolmentSortColumn> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deltagarnr"] = EnrolmentSortColumn.Participant,
        ["start"] = EnrolmentSortColumn.Start,
        ["insats"] = EnrolmentSortColumn.Insats,
    };

    public string ColumnValue => Columns.Single(c => c.Value == Column).Key;

    public string OrderValue => Descending ? "fallande" : "stigande";

    /// <summary>A column in the order it first sorts in: newest start first, numbers and codes ascending.</summary>
    public static EnrolmentSort For(EnrolmentSortColumn column) => new(column, Descending: column == EnrolmentSortColumn.Start);

    /// <summary>The sort the query string asks for (none: <see cref="Default"/>), or null when a value is unknown.</summary>
    public static EnrolmentSort? Parse(string? column, string? order)
    {
        var sort = Default;
        if (!string.IsNullOrWhiteSpace(column))
        {
            if (!Columns.TryGetValue(column.Trim(), out var known))
            {
                return null;
            }

            sort = For(known);
        }

        return (order ?? "").Trim().ToLowerInvariant() switch
        {
            "" => sort,
            "stigande" => sort with { Descending = false },
            "fallande" => sort with { Descending = true },
            _ => null,
        };
    }

    /// <summary>The enrolments in this order, or in its exact reverse.</summary>
    public IOrderedQueryable<Enrolment> Apply(IQueryable<Enrolment> enrolments, bool reversed)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        var descending = Descending != reversed;
        return (Column, descending) switch
        {
            (EnrolmentSortColumn.Participant, false) => enrolments.OrderBy(e => e.ParticipantId).ThenBy(e => e.Id),
            (EnrolmentSortColumn.Participant, true) => enrolments.OrderByDescending(e => e.ParticipantId).ThenByDescending(e => e.Id),
            (EnrolmentSortColumn.Insats, false) => enrolments.OrderBy(e => e.Insats!.Code).ThenBy(e => e.StartDate).ThenBy(e => e.Id),
            (EnrolmentSortColumn.Insats, true) => enrolments.OrderByDescending(e => e.Insats!.Code).ThenByDescending(e => e.StartDate).ThenByDescending(e => e.Id),
            (_, false) => enrolments.OrderBy(e => e.StartDate).ThenBy(e => e.Id),
            (_, true) => enrolments.OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Id),
        };
    }

    /// <summary>For the audit log.</summary>
    public string Describe() => $"sortering={ColumnValue} {OrderValue}";
}
