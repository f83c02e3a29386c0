using Finsam.Data;
using Finsam.Data.Sqlite;
using Finsam.Data.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Hosting;

/// <summary>Registers the database for the configured provider and migrates it.</summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "Finsam";

    public static IServiceCollection AddFinsamDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, dataDirectory);
                services.AddDbContext<FinsamDbContext>(o => o.UseFinsamSqlite(sqlite));
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider är SqlServer men ConnectionStrings:Finsam saknas.");
                }

                services.AddDbContext<FinsamDbContext>(o => o.UseFinsamSqlServer(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Okänd databas: {options.Provider}. Välj Sqlite eller SqlServer.");
        }

        return services;
    }

    /// <summary>The configured SQLite connection string, or a file finsam.db in the data folder.</summary>
    public static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(dataDirectory, "finsam.db")}" : configured)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinsamDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers and a writer work at once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            if (db.Database.GetDbConnection().DataSource is { Length: > 0 } file)
            {
                PrivateFiles.Database(Path.GetFullPath(file));
            }
        }
    }
}
