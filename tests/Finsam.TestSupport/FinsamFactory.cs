using Finsam.Data;
using Finsam.Data.Demo;
using Finsam.Data.Identity;
using Finsam.Web.Hosting;
using Finsam.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Finsam.TestSupport;

/// <summary>
/// Finsam.Web in memory on its own SQLite file in a temporary folder, migrated by the app's real start-up
/// (the real migrations). Each test class gets a fresh database.
/// </summary>
public class FinsamFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// Test hosts never watch their files with inotify: every watcher takes one of the machine's inotify
    /// instances (128 per user by default), and a test run keeps dozens of hosts alive at once. With watching on, a run
    /// failed at random with "the configured user limit (128) on the number of inotify instances has been reached".
    /// </summary>
    static FinsamFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

        // The other file providers (static files, the content root) poll instead of taking an inotify instance each.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    /// <summary>The app's data folder (SQLite file, logs): a new temporary folder unless given. Deleted when the factory is disposed.</summary>
    public string DataDirectory { get; init; } = NewDataDirectory();

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "finsam-tests", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// A database of its own on the SQL Server named by <see cref="SqlServerTestDatabase.Variable"/>, instead of a SQLite
    /// file; dropped when the factory is disposed. Tests that use it are marked <see cref="SqlServerFactAttribute"/>.
    /// </summary>
    public SqlServerTestDatabase? SqlServer { get; init; }

    /// <summary>The SQLite database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "finsam.db");

    /// <summary>The app's clock: the tests' shared <see cref="TestClock.Provider"/> unless a test brings its own.</summary>
    public TimeProvider Clock { get; init; } = TestClock.Provider;

    /// <summary>Sign-in posts allowed per client address and minute; generous, so tests are not throttled.</summary>
    public int SignInPermitLimit { get; init; } = 100_000;

    /// <summary>
    /// Whether the app starts Chromium in the background at launch, as it does in production. Off by default: most tests
    /// make no PDF, and a browser per test class would load the machine for nothing.
    /// </summary>
    public bool StartChromiumAtLaunch { get; init; }

    /// <summary>
    /// A gate the worker passes before each background job; null: the app's open gate. A test that needs a job still
    /// running holds it closed (<see cref="TestJobGate"/>), so nothing depends on how fast the job is.
    /// </summary>
    public TestJobGate? JobGate { get; init; }

    /// <summary>More configuration for the app (e.g. "Bootstrap:AdminEmail"), applied last.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Finsam:DataDirectory", DataDirectory);
        if (SqlServer is { } server)
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("ConnectionStrings:Finsam", server.ConnectionString);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Finsam", $"Data Source={DatabasePath}");
        }

        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Pdf:StartAtLaunch", StartChromiumAtLaunch ? "true" : "false");
        builder.UseSetting("Security:SignInPermitLimit", SignInPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A job's page waits this long for the job to finish (bounded, never a sleep): a test that follows an import to
        // its job page reads the finished report, as the user of a small file does. Tests of the running state hold
        // the job with a JobGate instead.
        builder.UseSetting("Jobs:ShowResultWithin", JobGate is null ? "00:02:00" : "00:00:00");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Clock);
            if (JobGate is { } gate)
            {
                services.AddSingleton<Finsam.Web.Jobs.IJobGate>(gate);
            }
        });
    }

    /// <summary>
    /// Creates an account with the given roles and returns its e-mail and password. An Administratör gets
    /// two-factor sign-in turned on (as the app requires), with the authenticator key in <see cref="TestUser.AuthenticatorKey"/>.
    /// </summary>
    public async Task<TestUser> CreateUserAsync(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var user = await CreateUnenrolledUserAsync(roles);
        return roles.Contains(Roles.Administrator) ? await EnableTwoFactorAsync(user) : user;
    }

    /// <summary>Creates an account without two-factor sign-in, whatever its roles.</summary>
    public async Task<TestUser> CreateUnenrolledUserAsync(params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var email = $"{string.Join("-", roles.Select(Slug))}-{Guid.NewGuid():N}@test.finsam.test";
        var password = PasswordGenerator.Generate();
        var result = await accounts.CreateAsync(email, "Test " + string.Join(" ", roles), password, roles);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return new TestUser(email, password, roles);
    }

    /// <summary>Turns on two-factor sign-in with a new authenticator key, as the enrolment page does.</summary>
    public async Task<TestUser> EnableTwoFactorAsync(TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByEmailAsync(user.Email) ?? throw new InvalidOperationException($"No user {user.Email}.");
        Assert.True((await users.ResetAuthenticatorKeyAsync(account)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(account, enabled: true)).Succeeded);
        return user with { AuthenticatorKey = await users.GetAuthenticatorKeyAsync(account) };
    }

    /// <summary>
    /// Fills the database with the demo förbund for the given last year. Called before the app has started, it starts
    /// from a copy of the process's <see cref="DemoTemplate"/> (migrated and seeded once); afterwards it seeds through
    /// the app's real seeding path.
    /// </summary>
    public async Task<DemoData?> SeedDemoAsync(int lastYear)
    {
        if (SqlServer is null && !_hostCreated && !File.Exists(DatabasePath))
        {
            var data = await DemoTemplate.CopyToAsync(DataDirectory, lastYear);
            _ = Services;
            return data;
        }

        return await SeedDemoFromScratchAsync(lastYear);
    }

    /// <summary>Seeds the demo förbund through the app's real seeding path (<see cref="DemoSeeder"/>), whatever the database holds.</summary>
    public async Task<DemoData?> SeedDemoFromScratchAsync(int lastYear)
    {
        await using var scope = Services.CreateAsyncScope();
        return await DemoSeeder.SeedAsync(scope.ServiceProvider, lastYear);
    }

    private bool _hostCreated;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        _hostCreated = true;
        return base.CreateHost(builder);
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
            SqlServer?.Drop();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
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

/// <summary>A test account. <paramref name="AuthenticatorKey"/> is set when two-factor sign-in is on: tests compute codes from it with <see cref="Totp"/>.</summary>
public sealed record TestUser(string Email, string Password, IReadOnlyList<string> Roles, string? AuthenticatorKey = null);
