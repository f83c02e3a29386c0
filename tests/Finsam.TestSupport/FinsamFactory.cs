using Finsam.Data;
using Finsam.Data.Demo;
using Finsam.Data.Identity;
using Finsam.Web.Hosting;
using Finsam.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.TestSupport;

/// <summary>
/// Finsam.Web in memory on its own SQLite file in a temporary folder, migrated by the app's real start-up
/// (the real migrations). Each test class gets a fresh database.
/// </summary>
public class FinsamFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "finsam-tests", Guid.NewGuid().ToString("N"));

    public string DataDirectory => _dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Finsam:DataDirectory", _dataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Finsam", $"Data Source={Path.Combine(_dataDirectory, "finsam.db")}");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    /// <summary>Creates an account with the given roles and returns its e-mail and password.</summary>
    public async Task<TestUser> CreateUserAsync(params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var email = $"{string.Join("-", roles.Select(Slug))}-{Guid.NewGuid():N}@test.finsam.test";
        var password = PasswordGenerator.Generate();
        var result = await accounts.CreateAsync(email, "Test " + string.Join(" ", roles), password, roles);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return new TestUser(email, password, roles);
    }

    /// <summary>Fills the database with the demo förbund for the given last year.</summary>
    public async Task<DemoData?> SeedDemoAsync(int lastYear)
    {
        await using var scope = Services.CreateAsyncScope();
        return await DemoSeeder.SeedAsync(scope.ServiceProvider, lastYear);
    }

    public async Task<T> WithDbAsync<T>(Func<FinsamDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<FinsamDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be open; the temp folder is cleaned by the OS.
            }
        }
    }

    private static string Slug(string role) => role switch
    {
        Roles.Administrator => "admin",
        Roles.Director => "chef",
        _ => role.ToLowerInvariant(),
    };
}

public sealed record TestUser(string Email, string Password, IReadOnlyList<string> Roles);
