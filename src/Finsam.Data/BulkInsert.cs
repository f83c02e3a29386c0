using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Finsam.Data;

/// <summary>
/// Inserts many rows of one entity type with multi-row <c>INSERT … VALUES (…), (…)</c> statements on the context's
/// connection and current transaction, outside the change tracker: for large imports, where EF Core's per-row
/// bookkeeping costs far more than the database. Provider-neutral: table and column names, quoting and parameter
/// conversion come from the EF model and the provider's type mappings (SQLite and SQL Server alike). Store-generated
/// values (the key) are left to the database and not read back, unless the caller gives the keys
/// (<c>explicitKeys</c>: rows that others refer to, such as vouchers and their lines, see <see cref="NextIdAsync"/>).
/// Every full-size statement has the same text, so one command is reused and the database parses it once.
/// </summary>
public static class BulkInsert
{
    /// <summary>Parameters in one statement: well under SQL Server's limit of 2 100 (SQLite allows 32 766).</summary>
    public const int MaxParameters = 1_000;

    /// <summary>
    /// Parameters in one statement on SQLite. SQLite finds each named parameter by a linear search of the statement's
    /// names, so binding a statement of n parameters costs n² comparisons: a thousand parameters made binding, not
    /// writing, the larger part of an import. About a hundred keep both the binding and the number of statements small.
    /// </summary>
    public const int MaxSqliteParameters = 100;

    private const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <param name="db">The context; its current transaction, if any, is used.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="explicitKeys">Whether the rows' store-generated key values are inserted as they are (they must be unique and free).</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    public static async Task InsertAsync<T>(this FinsamDbContext db, IReadOnlyList<T> rows, bool explicitKeys = false, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entity.FindPrimaryKey()?.Properties ?? [];
        var stored = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never || (explicitKeys && key.Contains(p))).ToList();
        if (stored.FirstOrDefault(p => p.PropertyInfo is null) is { } shadow)
        {
            // A shadow property (a foreign key without a CLR property, say) has no value to read here: refuse rather than store nulls.
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property; BulkInsert needs every stored column as a CLR property.");
        }

        var columns = stored
            .Select(p => new Column(p, Getter<T>(p.PropertyInfo!), p.GetRelationalTypeMapping()))
            .ToList();
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var head = $"INSERT INTO {tableName} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ";
        var identityInsert = explicitKeys && db.Database.ProviderName == SqlServerProvider;
        var (before, after) = identityInsert ? ($"SET IDENTITY_INSERT {tableName} ON; ", $"; SET IDENTITY_INSERT {tableName} OFF;") : ("", "");
        var maxParameters = db.Database.ProviderName == SqliteProvider ? MaxSqliteParameters : MaxParameters;
        var rowsPerStatement = Math.Max(1, maxParameters / columns.Count);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            DbCommand? full = null;
            try
            {
                for (var start = 0; start < rows.Count; start += rowsPerStatement)
                {
                    var count = Math.Min(rowsPerStatement, rows.Count - start);
                    var reuse = count == rowsPerStatement;
                    var command = reuse && full is not null ? full : connection.CreateCommand();
                    try
                    {
                        command.Transaction = transaction;
                        if (command == full)
                        {
                            // The same statement again: only the parameters' values change (no new parameters, names or text).
                            SetValues(command, rows, start, count, columns);
                        }
                        else
                        {
                            command.CommandText = before + Statement(command, head, rows, start, count, columns, sql) + after;
                        }

                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    finally
                    {
                        if (reuse)
                        {
                            full = command;
                        }
                        else
                        {
                            await command.DisposeAsync();
                        }
                    }
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync();
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The first free value of a table's long key, for rows whose keys the caller gives (<c>explicitKeys</c>). Call it
    /// inside the transaction that inserts them: SQLite's write transaction (BEGIN IMMEDIATE) is already exclusive; on
    /// SQL Server the table is locked until the transaction ends, so two imports cannot take the same keys.
    /// </summary>
    public static async Task<long> NextIdAsync<T>(this FinsamDbContext db, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("NextIdAsync needs the transaction that inserts the rows.");
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var key = entity.FindPrimaryKey()?.Properties.SingleOrDefault() ?? throw new InvalidOperationException($"{typeof(T).Name} has no single-column key.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var lockHint = db.Database.ProviderName == SqlServerProvider ? " WITH (TABLOCKX, HOLDLOCK)" : "";
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction.GetDbTransaction();
            var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
            command.CommandText = $"SELECT MAX({sql.DelimitIdentifier(key.GetColumnName(table)!)}) FROM {tableName}{lockHint}";
            var max = await command.ExecuteScalarAsync(cancellationToken);
            var next = max is null or DBNull ? 1 : Convert.ToInt64(max, System.Globalization.CultureInfo.InvariantCulture) + 1;

            // The database's own counter, when it keeps one, may be past the largest key (rows deleted since): an id
            // is never handed out twice, as the database's own key generation would not (a removed participant's
            // number stays his in the audit log). SQLite keeps it for AUTOINCREMENT tables, SQL Server for IDENTITY.
            command.CommandText = db.Database.ProviderName switch
            {
                SqliteProvider => "SELECT seq FROM sqlite_sequence WHERE name = " + Literal(table.Name),
                SqlServerProvider => $"SELECT IDENT_CURRENT({Literal(tableName)})",
                _ => "",
            };
            if (command.CommandText.Length > 0)
            {
                var counter = await command.ExecuteScalarAsync(cancellationToken);
                if (counter is not null and not DBNull)
                {
                    next = Math.Max(next, Convert.ToInt64(counter, System.Globalization.CultureInfo.InvariantCulture) + 1);
                }
            }

            return next;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A stored column: its property, a compiled getter of its value, and its type mapping (for parameters and conversion).</summary>
    private sealed record Column(IProperty Property, Func<object, object?> Get, RelationalTypeMapping Mapping)
    {
        /// <summary>The value as the provider stores it: what <see cref="RelationalTypeMapping.CreateParameter"/> puts in a parameter.</summary>
        public object ProviderValue(object row)
        {
            var value = Get(row);
            if (Mapping.Converter is { } converter && value is not null)
            {
                value = converter.ConvertToProvider(value);
            }

            return value ?? DBNull.Value;
        }
    }

    /// <summary>SQLite's page cache (KiB) while a large import writes: the default 2 MB makes a write of hundreds of thousands of indexed rows spill and re-read pages.</summary>
    public const int LargeWriteCacheKiB = 64 * 1024;

    /// <summary>
    /// On SQLite, enlarges the connection's page cache for a large write inside the current transaction, so the
    /// indexes being filled stay in memory until the commit; disposing restores the previous size (the connection is
    /// pooled). Nothing on other providers.
    /// </summary>
    public static async Task<IAsyncDisposable> LargeWriteAsync(this FinsamDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.ProviderName != SqliteProvider || db.Database.CurrentTransaction is null)
        {
            return new Restore(null);
        }

        var connection = db.Database.GetDbConnection();
        var before = Convert.ToInt64(await PragmaAsync(db, "PRAGMA cache_size;", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await PragmaAsync(db, $"PRAGMA cache_size = -{LargeWriteCacheKiB};", cancellationToken);
        return new Restore(async () =>
        {
            // Restored on the same connection while it is still open (before the commit or the rollback closes it).
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await PragmaAsync(db, $"PRAGMA cache_size = {before};", CancellationToken.None);
            }
        });
    }

    private static async Task<object?> PragmaAsync(FinsamDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Runs its restore once, on the first dispose.</summary>
    private sealed class Restore(Func<Task>? restore) : IAsyncDisposable
    {
        private Func<Task>? _restore = restore;

        public async ValueTask DisposeAsync()
        {
            var restore = Interlocked.Exchange(ref _restore, null);
            if (restore is not null)
            {
                await restore();
            }
        }
    }

    private static Func<object, object?> Getter<T>(System.Reflection.PropertyInfo property)
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(object), "row");
        var body = System.Linq.Expressions.Expression.Convert(
            System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(row, typeof(T)), property), typeof(object));
        return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(body, row).Compile();
    }

    private static string Statement<T>(
        DbCommand command,
        string head,
        IReadOnlyList<T> rows,
        int start,
        int count,
        List<Column> columns,
        ISqlGenerationHelper sql)
        where T : class
    {
        command.Parameters.Clear();
        var text = new StringBuilder(head, head.Length + (count * columns.Count * 8));
        for (var r = 0; r < count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var name = sql.GenerateParameterName($"p{(r * columns.Count) + c}");
                command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Get(rows[start + r]), column.Property.IsNullable));
                text.Append(c == 0 ? "" : ", ").Append(name);
            }

            text.Append(')');
        }

        return text.ToString();
    }

    /// <summary>Puts the next rows' values in a reused statement's parameters, in the order <see cref="Statement"/> created them.</summary>
    private static void SetValues<T>(DbCommand command, IReadOnlyList<T> rows, int start, int count, List<Column> columns)
        where T : class
    {
        var parameters = command.Parameters;
        var i = 0;
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            for (var c = 0; c < columns.Count; c++)
            {
                parameters[i++].Value = columns[c].ProviderValue(row);
            }
        }
    }
}
