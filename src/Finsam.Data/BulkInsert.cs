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
/// values (the key) are left to the database and not read back.
/// </summary>
public static class BulkInsert
{
    /// <summary>Parameters in one statement: well under SQL Server's limit of 2 100 (SQLite allows 32 766).</summary>
    public const int MaxParameters = 1_000;

    public static async Task InsertAsync<T>(this FinsamDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default)
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
        var stored = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        if (stored.FirstOrDefault(p => p.PropertyInfo is null) is { } shadow)
        {
            // A shadow property (a foreign key without a CLR property, say) has no value to read here: refuse rather than store nulls.
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property; BulkInsert needs every stored column as a CLR property.");
        }

        var columns = stored
            .Select(p => (Property: p, Getter: p.PropertyInfo!, Mapping: p.GetRelationalTypeMapping()))
            .ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ";
        var rowsPerStatement = Math.Max(1, MaxParameters / columns.Count);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = Statement(command, head, rows, start, Math.Min(rowsPerStatement, rows.Count - start), columns, sql);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Statement<T>(
        DbCommand command,
        string head,
        IReadOnlyList<T> rows,
        int start,
        int count,
        List<(IProperty Property, System.Reflection.PropertyInfo Getter, RelationalTypeMapping Mapping)> columns,
        ISqlGenerationHelper sql)
    {
        var text = new StringBuilder(head, head.Length + (count * columns.Count * 8));
        for (var r = 0; r < count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var (property, getter, mapping) = columns[c];
                var name = sql.GenerateParameterName($"p{(r * columns.Count) + c}");
                command.Parameters.Add(mapping.CreateParameter(command, name, getter.GetValue(rows[start + r]), property.IsNullable));
                text.Append(c == 0 ? "" : ", ").Append(name);
            }

            text.Append(')');
        }

        return text.ToString();
    }
}
