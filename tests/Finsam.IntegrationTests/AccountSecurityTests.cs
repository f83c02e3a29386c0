using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.TestSupport;
using Finsam.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Finsam.IntegrationTests;

/// <summary>
/// Accounts and sessions: the administrator never reaches person data, every account change is in the audit log, an
/// administrator's password works once, the second factor cannot be replaced with a stolen session, a code works once,
/// a session ends at sign-out everywhere and after its lifetime, and failures never tell whether an account exists.
/// </summary>
public sealed class AccountSecurityTests
{
    private static readonly Uri Base = new("http://localhost");

    private static FinsamFactory NewFactory(TimeProvider? clock = null) => clock is null ? new FinsamFactory() : new FinsamFactory { Clock = clock };

    private static async Task<string> UserIdAsync(FinsamFactory factory, string email) =>
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<List<AuditEntry>> AccountAuditAsync(FinsamFactory factory, string userId) =>
        await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "User" && e.EntityId == userId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task The_administrator_cannot_give_itself_or_anyone_a_person_data_role_beside_administration()
    {
        await using var factory = NewFactory();
        var admin = await factory.CreateUserAsync(Roles.Administrator);
        var client = await factory.SignedInClientAsync(admin);
        var adminId = await UserIdAsync(factory, admin.Email);

        // Its own account: Administratör and Kansli together are refused at the roles field, and nothing changes.
        var own = $"/Admin/Anvandare/Redigera/{adminId}";
        var refused = Html.Parse(await (await client.PostFormAsync(own + "?handler=Roles",
            [new("Input.DisplayName", "Admin"), new("Input.Roles", Roles.Administrator), new("Input.Roles", Roles.Kansli)], getUrl: own)).Content.ReadAsStringAsync());
        Assert.Contains("kan inte vara både Administratör och Kansli", Html.TextOf(refused.QuerySelector(".error-summary")!), StringComparison.Ordinal);
        Assert.Equal([Roles.Administrator], await factory.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == adminId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Deltagare")).StatusCode);

        // A new account with both is refused too.
        var created = Html.Parse(await (await client.PostFormAsync("/Admin/Anvandare/Ny",
        [
            new("Input.DisplayName", "Dubbel"), new("Input.Email", "dubbel@test.finsam.test"),
            new("Input.Roles", Roles.Administrator), new("Input.Roles", Roles.Director),
        ])).Content.ReadAsStringAsync());
        Assert.Contains("kan inte vara både Administratör och Förbundschef", Html.TextOf(created.QuerySelector(".error-summary")!), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "dubbel@test.finsam.test")));
    }

    [Fact]
    public async Task Every_account_change_is_audit_logged_and_a_reset_password_works_once()
    {
        await using var factory = NewFactory();
        var admin = await factory.CreateUserAsync(Roles.Administrator);
        var client = await factory.SignedInClientAsync(admin);
        var adminId = await UserIdAsync(factory, admin.Email);

        // Create an account (its password is shown once), give it Kansli, reset its password, deactivate and activate it.
        var html = await (await client.PostFormAsync("/Admin/Anvandare/Ny",
            [new("Input.DisplayName", "Karin Kansli"), new("Input.Email", "karin@test.finsam.test"), new("Input.Roles", Roles.Board)])).Content.ReadAsStringAsync();
        Assert.NotNull(Html.Parse(html).QuerySelector("code.secret"));
        var id = await UserIdAsync(factory, "karin@test.finsam.test");
        var edit = $"/Admin/Anvandare/Redigera/{id}";
        await client.PostFormAsync(edit + "?handler=Roles", [new("Input.DisplayName", "Karin Kanslisson"), new("Input.Roles", Roles.Kansli)], getUrl: edit);
        var reset = Html.Parse(await (await client.PostFormAsync(edit + "?handler=ResetPassword", [], getUrl: edit)).Content.ReadAsStringAsync());
        var password = Html.TextOf(reset.QuerySelector("code.secret")!);
        await client.PostFormAsync(edit + "?handler=SetActive&active=false", [], getUrl: edit);
        await client.PostFormAsync(edit + "?handler=SetActive&active=true", [], getUrl: edit);

        var audit = await AccountAuditAsync(factory, id);
        Assert.Equal(
        [
            (AuditAction.Create, "konto karin@test.finsam.test skapat med rollen Styrelse; engångslösenord"),
            (AuditAction.Update, "karin@test.finsam.test: visningsnamn ändrat"),
            (AuditAction.Update, "karin@test.finsam.test: roller rollen Styrelse → rollen Kansli"),
            (AuditAction.Update, "karin@test.finsam.test: lösenordet återställt till ett engångslösenord, spärr hävd"),
            (AuditAction.Update, "karin@test.finsam.test: inaktiverat och utloggat"),
            (AuditAction.Update, "karin@test.finsam.test: aktiverat"),
        ], audit.Select(e => (e.Action, e.Details!)).ToList());
        Assert.All(audit, e => Assert.Equal(adminId, e.UserId));

        // The reset password signs in once, and leads to the change-password page whatever is asked for.
        var user = factory.AnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await user.PasswordStepAsync(new TestUser("karin@test.finsam.test", password, [Roles.Kansli]))).StatusCode);
        var anywhere = await user.GetAsync("/Deltagare");
        Assert.Equal(HttpStatusCode.Redirect, anywhere.StatusCode);
        Assert.Equal("/Konto/BytLosenord", anywhere.Headers.Location!.OriginalString);
        var same = Html.Parse(await (await user.PostFormAsync("/Konto/BytLosenord",
            [new("Input.CurrentPassword", password), new("Input.NewPassword", password), new("Input.ConfirmPassword", password)])).Content.ReadAsStringAsync());
        Assert.Contains("Välj ett nytt lösenord som skiljer sig från det nuvarande.", Html.TextOf(same.QuerySelector(".error-summary")!), StringComparison.Ordinal);
        var own = "Karins-egna-losenord-2026";
        var changed = await (await user.PostFormAsync("/Konto/BytLosenord",
            [new("Input.CurrentPassword", password), new("Input.NewPassword", own), new("Input.ConfirmPassword", own)])).Content.ReadAsStringAsync();
        Assert.Contains("Lösenordet är bytt.", changed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Deltagare")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.MustChangePassword).SingleAsync()));

        // The one-time password no longer works.
        Assert.Equal(HttpStatusCode.OK, (await factory.AnonymousClient().PasswordStepAsync(new TestUser("karin@test.finsam.test", password, [Roles.Kansli]))).StatusCode);
    }

    [Fact]
    public async Task The_second_factor_is_turned_off_only_with_the_password_or_a_current_code()
    {
        await using var factory = NewFactory();
        var user = await factory.CreateUserAsync(Roles.Director);
        var client = await factory.SignedInClientAsync(user);
        var (key, _) = await client.EnrolTwoFactorAsync();

        // A stolen session alone (no password, a wrong one) cannot turn it off or connect another app.
        foreach (var proof in new[] { "", "fel-losenord-123" })
        {
            var refused = Html.Parse(await (await client.PostFormAsync("/Konto/TvaFaktor?handler=Disable", [new("Password", proof)], getUrl: "/Konto/TvaFaktor")).Content.ReadAsStringAsync());
            Assert.Equal("Ange ditt lösenord eller den kod som appen visar nu.", Html.TextOf(refused.QuerySelector(".error-summary li")!));
        }

        var id = await UserIdAsync(factory, user.Email);
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.AccessFailedCount).SingleAsync()));

        // A current code from the app does it.
        var done = await client.PostFormAsync("/Konto/TvaFaktor?handler=Disable", [new("Password", Totp.UnusedCode(key))], getUrl: "/Konto/TvaFaktor");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // Viewing the page makes no new key (a key changes the security stamp and signed the user out a minute later).
        var stamp = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
        var page = Html.Parse(await client.GetStringAsync("/Konto/TvaFaktor"));
        Assert.Null(page.QuerySelector("code.secret"));
        Assert.Equal(stamp, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync()));
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once()
    {
        await using var factory = NewFactory();
        var admin = await factory.CreateUserAsync(Roles.Administrator);
        var code = Totp.UnusedCode(admin.AuthenticatorKey!);
        async Task<HttpResponseMessage> SignInWith(string totp)
        {
            var client = factory.AnonymousClient();
            var step = await client.PasswordStepAsync(admin);
            return await client.PostFormAsync(step.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = totp });
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SignInWith(code)).StatusCode);
        var again = await SignInWith(code);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Koden stämmer inte.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWith(Totp.UnusedCode(admin.AuthenticatorKey!))).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_a_copied_session_and_no_session_outlives_its_lifetime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero));
        await using var factory = NewFactory(clock);
        var user = await factory.CreateUserAsync(Roles.Kansli);

        async Task<(HttpClient Client, string Cookie)> SignInAsync()
        {
            var cookies = new CookieContainer();
            var client = factory.CreateDefaultClient(Base, new CookieContainerHandler(cookies));
            Assert.Equal(HttpStatusCode.Redirect, (await client.PasswordStepAsync(user)).StatusCode);
            return (client, cookies.GetCookieHeader(Base));
        }

        HttpClient Copied(string cookie)
        {
            var thief = factory.CreateDefaultClient(Base);
            thief.DefaultRequestHeaders.Add("Cookie", cookie);
            return thief;
        }

        // A cookie copied before signing out works until then, and not after (the security stamp is checked every minute).
        var (session, cookie) = await SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await Copied(cookie).GetAsync("/Deltagare")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/Konto/LoggaUt", [], getUrl: "/")).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(70));
        var after = await Copied(cookie).GetAsync("/Deltagare");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Konto/LoggaIn", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        // Active all day: the sliding expiry (8 h) would go on for ever, the lifetime (12 h) does not.
        var (active, _) = await SignInAsync();
        clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/Deltagare")).StatusCode);
        clock.Advance(TimeSpan.FromHours(4.5));
        Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/Deltagare")).StatusCode);
        clock.Advance(TimeSpan.FromHours(1));
        var expired = await active.GetAsync("/Deltagare");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/Konto/LoggaIn", expired.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_read_the_same_for_an_unknown_address_and_a_locked_account_and_wrong_current_passwords_lock()
    {
        await using var factory = NewFactory();
        var user = await factory.CreateUserAsync(Roles.Board);
        async Task<string> FailureAsync(string email, string password) =>
            Html.TextOf(Html.Parse(await (await factory.AnonymousClient().PostFormAsync("/Konto/LoggaIn",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password })).Content.ReadAsStringAsync()).QuerySelector(".error-summary")!);

        var unknown = await FailureAsync("ingen@test.finsam.test", "fel-losenord-123");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(unknown, await FailureAsync(user.Email, "fel-losenord-" + attempt));
        }

        Assert.Equal(unknown, await FailureAsync(user.Email, user.Password));
        Assert.Contains(SignInModel.FailedMessage, unknown, StringComparison.Ordinal);

        // Wrong current passwords on the change-password page count the same way: the fifth signs the session out.
        var other = await factory.CreateUserAsync(Roles.Kansli);
        var client = await factory.SignedInClientAsync(other);
        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await client.PostFormAsync("/Konto/BytLosenord",
                [new("Input.CurrentPassword", "fel-losenord-" + attempt), new("Input.NewPassword", "Ett-nytt-losenord-1"), new("Input.ConfirmPassword", "Ett-nytt-losenord-1")]);
        }

        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Deltagare")).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(other.Email))!));
    }
}
