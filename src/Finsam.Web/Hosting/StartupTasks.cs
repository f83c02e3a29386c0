using Finsam.Data;
using Finsam.Data.Demo;
using Finsam.Data.Identity;
using Finsam.Web.Features.Participants;
using Finsam.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Finsam.Web.Hosting;

/// <summary>What runs once at start-up before the app serves requests: migration, roles, first administrator, demo data.</summary>
public static partial class StartupTasks
{
    /// <summary>The demo accounts, one per role. The .test domain is reserved and never delivers mail.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string Role)> DemoAccounts =
    [
        ("admin@demo.finsam.test", "Alva Admin", Roles.Administrator),
        ("kansli@demo.finsam.test", "Karin Kansli", Roles.Kansli),
        ("chef@demo.finsam.test", "Fredrik Förbundschef", Roles.Director),
        ("styrelse@demo.finsam.test", "Sara Styrelse", Roles.Board),
        ("revisor@demo.finsam.test", "Rolf Revisor", Roles.Auditor),
    ];

    /// <summary>
    /// Prepares the database before the server listens: migrations (unless turned off), the personnummer key's check
    /// (<see cref="PersonKeyCheck"/>), roles, the first
    /// administrator from configuration, and with --seed-demo the demo förbund and accounts.
    /// </summary>
    public static async Task InitialiseAsync(IServiceProvider services, StartupCommand command, TextWriter console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(command);
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.MigrateOnStartup || command.SeedDemo)
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        await PersonKeyCheck.VerifyAsync(scope.ServiceProvider, cancellationToken);
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        await accounts.EnsureRolesAsync();
        await BootstrapAdministratorAsync(scope.ServiceProvider, accounts);
        if (command.SeedDemo)
        {
            await SeedDemoAsync(scope.ServiceProvider, accounts, console);
        }
    }

    /// <summary>Runs a command that ends the process (--migrate, --create-admin, --backup, --restore) and returns its exit code.</summary>
    public static async Task<int> RunCommandAsync(IServiceProvider services, StartupCommand command, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(console);
        if (command.BackupPath is not null || command.RestorePath is not null)
        {
            return await BackupOrRestoreAsync(services, command, console);
        }

        await DatabaseSetup.MigrateAsync(services);
        if (command.CreateAdminEmail is not { } email)
        {
            await console.WriteLineAsync("Databasen är migrerad.");
            return 0;
        }

        await using var scope = services.CreateAsyncScope();
        await PersonKeyCheck.VerifyAsync(scope.ServiceProvider);
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        await accounts.EnsureRolesAsync();
        return await CreateAdministratorAsync(accounts, email, console);
    }

    private static async Task<int> BackupOrRestoreAsync(IServiceProvider services, StartupCommand command, TextWriter console)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinsamDbContext>();
        if (!db.Database.IsSqlite() || db.Database.GetConnectionString() is not { } connectionString)
        {
            await console.WriteLineAsync("--backup och --restore gäller SQLite. Säkerhetskopiera SQL Server med databasens egna verktyg (se docs/operations.md).");
            return 1;
        }

        return command.BackupPath is { } backup
            ? await SqliteBackup.BackupAsync(connectionString, backup, console)
            : await SqliteBackup.RestoreAsync(connectionString, command.RestorePath!, console);
    }

    private static async Task<int> CreateAdministratorAsync(UserAccounts accounts, string email, TextWriter console)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("FINSAM_ADMIN_PASSWORD");
        var password = string.IsNullOrEmpty(fromEnvironment) ? PasswordGenerator.Generate() : fromEnvironment;
        var result = await accounts.CreateAsync(email, email, password, [Roles.Administrator]);
        if (!result.Succeeded)
        {
            await console.WriteLineAsync("Administratören kunde inte skapas: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await console.WriteLineAsync($"Administratören {email} är skapad.");
        if (string.IsNullOrEmpty(fromEnvironment))
        {
            await console.WriteLineAsync($"Lösenord (visas bara nu): {password}");
        }

        return 0;
    }

    private static async Task BootstrapAdministratorAsync(IServiceProvider services, UserAccounts accounts)
    {
        var bootstrap = services.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        if (string.IsNullOrWhiteSpace(bootstrap.AdminEmail) || await accounts.AnyAdministratorAsync())
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(bootstrap.AdminPassword))
        {
            throw new InvalidOperationException("Bootstrap:AdminEmail är satt men Bootstrap:AdminPassword saknas.");
        }

        var result = await accounts.CreateAsync(bootstrap.AdminEmail, bootstrap.AdminEmail, bootstrap.AdminPassword, [Roles.Administrator]);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Den första administratören kunde inte skapas: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        var logger = services.GetRequiredService<ILogger<WebApplication>>();
        LogAdministratorBootstrapped(logger);
    }

    private static async Task SeedDemoAsync(IServiceProvider services, UserAccounts accounts, TextWriter console)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var seeded = await DemoSeeder.SeedAsync(services, clock.GetLocalNow().Year);
        await console.WriteLineAsync(seeded is null
            ? "Databasen har redan ett förbund; demodata lades inte till."
            : $"Demodata: {seeded.Federation.Name} med {seeded.Insatser.Count} insatser, {seeded.Participants.Count} deltagare och {seeded.Enrolments.Count} deltaganden.");

        await console.WriteLineAsync("Demokonton (nya lösenord vid varje start med --seed-demo):");
        foreach (var (email, name, role) in DemoAccounts)
        {
            var password = PasswordGenerator.Generate();
            var user = await accounts.FindByEmailAsync(email);
            var result = user is null
                ? await accounts.CreateAsync(email, name, password, [role])
                : await accounts.ResetPasswordAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demokontot {email} kunde inte skapas: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            await console.WriteLineAsync($"  {role,-14} {email,-28} {password}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator from configuration")]
    private static partial void LogAdministratorBootstrapped(ILogger logger);
}
