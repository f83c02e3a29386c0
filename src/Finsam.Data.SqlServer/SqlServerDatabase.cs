using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Finsam.Data.SqlServer;

/// <summary>Configures <see cref="FinsamDbContext"/> for SQL Server with the migrations in this assembly.</summary>
public static class SqlServerDatabase
{
    public static DbContextOptionsBuilder UseFinsamSqlServer(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseSqlServer(connectionString, sql =>
        {
            sql.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.GetName().Name);
            sql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
            sql.EnableRetryOnFailure();
        });
    }
}

/// <summary>Used by dotnet-ef only: builds the model for SQL Server without a running server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<FinsamDbContext>
{
    public FinsamDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FinsamDbContext>()
            .UseFinsamSqlServer("Server=localhost;Database=Finsam;Integrated Security=true;TrustServerCertificate=true");
        return new FinsamDbContext((DbContextOptions<FinsamDbContext>)options.Options);
    }
}
