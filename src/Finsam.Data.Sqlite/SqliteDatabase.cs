using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Finsam.Data.Sqlite;

/// <summary>Configures <see cref="FinsamDbContext"/> for SQLite with the migrations in this assembly.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder UseFinsamSqlite(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .UseSqlite(connectionString, sqlite =>
            {
                sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name);
                sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
            })
            .AddInterceptors(SqliteConnectionTuning.Instance);
    }
}

/// <summary>Used by dotnet-ef only, to add SQLite migrations without starting the web app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<FinsamDbContext>
{
    public FinsamDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FinsamDbContext>().UseFinsamSqlite("Data Source=design-time.db");
        return new FinsamDbContext((DbContextOptions<FinsamDbContext>)options.Options);
    }
}
