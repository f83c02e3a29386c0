using System.Net;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Finsam.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

public sealed class SignInTests(FinsamFactory factory) : IClassFixture<FinsamFactory>
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_a_swedish_message()
    {
        var user = await factory.CreateUserAsync(Roles.Kansli);
        var client = factory.AnonymousClient();
        var response = await client.PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = "fel-losenord-123",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fel e-postadress eller lösenord.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error_summary()
    {
        var response = await factory.AnonymousClient().PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_Email\">Ange din e-postadress.</a>", html);
        Assert.Contains("<a href=\"#Input_Password\">Ange ditt lösenord.</a>", html);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        var user = await factory.CreateUserAsync(Roles.Board);
        var client = factory.AnonymousClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email,
                ["Input.Password"] = "fel-losenord-" + attempt,
            });
        }

        var response = await client.PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Efter fem misslyckade försök i rad spärras kontot i 15 minuter.", await response.Content.ReadAsStringAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(user.Email))!));
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in()
    {
        var user = await factory.CreateUserAsync(Roles.Auditor);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            Assert.True((await accounts.SetActiveAsync((await users.FindByEmailAsync(user.Email))!, active: false)).Succeeded);
        }

        var response = await factory.AnonymousClient().PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fel e-postadress eller lösenord.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var response = await client.PostFormAsync("/Konto/LoggaUt", new Dictionary<string, string>(), getUrl: "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/Konto/LoggaIn", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_rejected()
    {
        var user = await factory.CreateUserAsync(Roles.Kansli);
        var client = factory.AnonymousClient();
        var response = await client.PostAsync("/Konto/LoggaIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_short_new_password_is_refused_by_the_password_policy()
    {
        var user = await factory.CreateUserAsync(Roles.Kansli);
        var client = await factory.SignedInClientAsync(user);
        var response = await client.PostFormAsync("/Konto/BytLosenord", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "kort123",
            ["Input.ConfirmPassword"] = "kort123",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Lösenordet måste ha minst 12 tecken.", html);
        Assert.DoesNotContain("Lösenordet är bytt.", html);
    }

    [Fact]
    public async Task A_user_can_change_their_password()
    {
        var user = await factory.CreateUserAsync(Roles.Director);
        var client = await factory.SignedInClientAsync(user);
        var newPassword = PasswordGenerator.Generate();
        var response = await client.PostFormAsync("/Konto/BytLosenord", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Contains("Lösenordet är bytt.", await response.Content.ReadAsStringAsync());

        await factory.SignedInClientAsync(user with { Password = newPassword });
    }
}
