using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Finsam.Data.Sqlite;

/// <summary>
/// Reads the database file through memory-mapped I/O on every connection. SQLite's default page cache is 2 MB per
/// connection, so a query that touches more (the statistics read every enrolment of two years and their participants)
/// fetched its pages from the operating system again on every call; mapped pages are shared by all connections and
/// stay in the OS page cache. The size is an upper bound of the mapping, not memory taken (docs/performance.md).
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    /// <summary>256 MiB: more than a förbund's database for many years; a larger file is read normally beyond it.</summary>
    public const long MemoryMapBytes = 256L * 1024 * 1024;

    private const string Pragma = "PRAGMA mmap_size = 268435456;";

    public static SqliteConnectionTuning Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
