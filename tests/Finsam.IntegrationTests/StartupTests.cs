using System.Net;
using System.Text.RegularExpressions;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Finsam.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>The first administrator, the one-time command and the demo seed.</summary>
public sealed partial class StartupTests
{
    private sealed class BootstrapFactory(string email, string? password) : FinsamFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Bootstrap:AdminEmail", email);
            if (password is not null)
            {
                builder.UseSetting("Bootstrap:AdminPassword", password);
            }
        }
    }

    [Fact]
    public async Task The_first_administrator_comes_from_configuration_and_can_sign_in()
    {
        const string email = "forsta.admin@test.finsam.test";
        var password = Finsam.Web.Identity.PasswordGenerator.Generate();
        await using var factory = new BootstrapFactory(email, password);

        var client = await factory.SignedInClientAsync(new TestUser(email, password, [Roles.Administrator]));
        var before = await client.GetAsync("/Admin/Anvandare");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal("/Konto/TvaFaktor", before.Headers.Location!.OriginalString);
        await client.EnrolTwoFactorAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Anvandare")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_email_without_password_stops_the_start_with_a_clear_message()
    {
        await using var factory = new BootstrapFactory("utan.losenord@test.finsam.test", password: null);
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("Bootstrap:AdminPassword saknas", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_create_admin_command_creates_an_administrator_with_a_password_shown_once()
    {
        await using var factory = new FinsamFactory();
        _ = factory.Server;
        using var output = new StringWriter();

        var exit = await StartupTasks.RunCommandAsync(factory.Services, new StartupCommand(false, "kommando@test.finsam.test", false), output);

        Assert.Equal(0, exit);
        Assert.Contains("Administratören kommando@test.finsam.test är skapad.", output.ToString(), StringComparison.Ordinal);
        var shown = ShownPassword().Match(output.ToString());
        var password = shown.Success ? shown.Groups[1].Value : Environment.GetEnvironmentVariable("FINSAM_ADMIN_PASSWORD")!;
        var client = await factory.SignedInClientAsync(new TestUser("kommando@test.finsam.test", password, [Roles.Administrator]));
        await client.EnrolTwoFactorAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Anvandare")).StatusCode);

        using var again = new StringWriter();
        Assert.Equal(1, await StartupTasks.RunCommandAsync(factory.Services, new StartupCommand(false, "kommando@test.finsam.test", false), again));
        Assert.Contains("Det finns redan en användare med e-postadressen kommando@test.finsam.test.", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeding_the_demo_twice_adds_data_once_and_renews_the_demo_passwords()
    {
        await using var factory = new FinsamFactory();
        _ = factory.Server;
        var command = new StartupCommand(SeedDemo: true, CreateAdminEmail: null, MigrateOnly: false);

        using var first = new StringWriter();
        await StartupTasks.InitialiseAsync(factory.Services, command, first, CancellationToken.None);
        var counts = await factory.WithDbAsync(async db => (await db.Participants.CountAsync(), await db.Enrolments.CountAsync()));
        Assert.Contains("Demodata: Samordningsförbundet Norrsund", first.ToString(), StringComparison.Ordinal);

        using var second = new StringWriter();
        await StartupTasks.InitialiseAsync(factory.Services, command, second, CancellationToken.None);
        Assert.Contains("Databasen har redan ett förbund; demodata lades inte till.", second.ToString(), StringComparison.Ordinal);
        Assert.Equal(counts, await factory.WithDbAsync(async db => (await db.Participants.CountAsync(), await db.Enrolments.CountAsync())));

        // Each demo account works with the password printed last, and has exactly its role.
        foreach (var (email, _, role) in StartupTasks.DemoAccounts)
        {
            var line = second.ToString().Split('\n').Single(l => l.Contains(email, StringComparison.Ordinal));
            var password = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            var firstPassword = first.ToString().Split('\n').Single(l => l.Contains(email, StringComparison.Ordinal)).Trim().Split(' ')[^1];
            Assert.NotEqual(firstPassword, password);
            await factory.SignedInClientAsync(new TestUser(email, password, [role]));
            await using var scope = factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.Equal([role], await users.GetRolesAsync((await users.FindByEmailAsync(email))!));
        }
    }

    [GeneratedRegex("Lösenord \\(visas bara nu\\): (\\S+)")]
    private static partial Regex ShownPassword();
}
