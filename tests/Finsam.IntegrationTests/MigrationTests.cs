using Finsam.Data;
using Finsam.Data.Sqlite;
using Finsam.Data.SqlServer;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>
/// Both providers' migrations describe the current model. SQL Server cannot run here, so its migrations are
/// checked by comparing them with the model and by generating the idempotent deployment script.
/// </summary>
public sealed class MigrationTests
{
    private static FinsamDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<FinsamDbContext>()
            .UseFinsamSqlServer("Server=127.0.0.1,1;Database=Finsam;User Id=sa;Password=unused;TrustServerCertificate=true")
            .Options as DbContextOptions<FinsamDbContext> ?? throw new InvalidOperationException());

    [Fact]
    public void Sql_server_migrations_have_no_pending_model_changes()
    {
        using var db = SqlServerContext();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: dotnet ef migrations add NAME --project src/Finsam.Data.SqlServer");
    }

    [Fact]
    public void Sql_server_idempotent_script_generates_and_creates_every_table()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script, StringComparison.Ordinal);
        foreach (var migration in db.Database.GetMigrations())
        {
            // Idempotent: each migration is guarded by a look-up in the history table.
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        }

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sqlite_migrations_have_no_pending_model_changes_and_create_the_schema()
    {
        await using var factory = new FinsamFactory();
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinsamDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add NAME --project src/Finsam.Data.Sqlite");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Insatser.CountAsync());
        Assert.True(db.Database.IsSqlite());
        var journal = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
        Assert.Equal("wal", journal);
    }
}
