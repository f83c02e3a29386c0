using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>An administrator resets the two-factor sign-in of a user who lost both the phone and the recovery codes.</summary>
public sealed class TwoFactorResetTests(FinsamFactory factory) : IClassFixture<FinsamFactory>
{
    private Task<string> IdAsync(TestUser user) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == user.Email).Select(u => u.Id).SingleAsync());

    private Task<(bool Enabled, string? Stamp, int Tokens)> StateAsync(string id) =>
        factory.WithDbAsync(async db => (
            await db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync(),
            await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync(),
            await db.UserTokens.CountAsync(t => t.UserId == id)));

    [Fact]
    public async Task A_reset_turns_two_factor_off_and_the_old_app_no_longer_works()
    {
        var adminUser = await factory.CreateUserAsync(Roles.Administrator);
        var admin = await factory.SignedInClientAsync(adminUser);
        var target = await factory.CreateUserAsync(Roles.Administrator);
        var id = await IdAsync(target);
        var before = await StateAsync(id);
        Assert.True(before.Enabled);
        Assert.True(before.Tokens > 0);

        var edit = await admin.GetStringAsync($"/Admin/Anvandare/Redigera/{id}");
        Assert.Contains($"href=\"/Admin/Anvandare/TvaFaktor/{id}\"", edit, StringComparison.Ordinal);
        var confirm = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Anvandare/TvaFaktor/{id}"));
        Assert.Contains("Användaren har tvåstegsverifiering aktiverad.", confirm, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));

        var response = await admin.PostFormAsync($"/Admin/Anvandare/TvaFaktor/{id}", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tvåfaktorsinloggningen är återställd", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var after = await StateAsync(id);
        Assert.False(after.Enabled);
        Assert.Equal(0, after.Tokens);
        Assert.NotEqual(before.Stamp, after.Stamp);

        // The password alone signs in now, and the administrator is sent to connect a new app: the old one's code is refused.
        var client = factory.AnonymousClient();
        Assert.Equal("/", (await client.PasswordStepAsync(target)).Headers.Location!.OriginalString);
        var home = await client.GetAsync("/");
        Assert.Equal("/Konto/TvaFaktor", home.Headers.Location!.OriginalString);
        var enrolment = await client.GetStringAsync("/Konto/TvaFaktor");
        Assert.DoesNotContain(TwoFactorKey(target.AuthenticatorKey!), enrolment, StringComparison.Ordinal);
        var oldCode = await client.PostFormAsync("/Konto/TvaFaktor?handler=Enable",
            new Dictionary<string, string> { ["Code"] = Totp.UnusedCode(target.AuthenticatorKey!) }, getUrl: "/Konto/TvaFaktor");
        Assert.Contains("Koden stämmer inte.", await oldCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await StateAsync(id)).Enabled);

        var entry = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "User" && e.EntityId == id && e.Action == AuditAction.Update).SingleAsync());
        Assert.Equal(AuditAction.Update, entry.Action);
        Assert.Equal(adminUser.Email, entry.UserName);
        Assert.Contains("tvåfaktorsinloggning återställd", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_removes_the_recovery_codes()
    {
        var admin = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Administrator));
        var kansli = await factory.CreateUserAsync(Roles.Kansli);
        var (key, codes) = await (await factory.SignedInClientAsync(kansli)).EnrolTwoFactorAsync();
        var id = await IdAsync(kansli);

        await admin.PostFormAsync($"/Admin/Anvandare/TvaFaktor/{id}", []);

        // Two-factor is off, so the password alone signs in; turning it on again needs a new app and gives new codes.
        var client = factory.AnonymousClient();
        Assert.Equal("/", (await client.PasswordStepAsync(kansli)).Headers.Location!.OriginalString);
        Assert.Contains("Det är frivilligt för din roll", await client.GetStringAsync("/Konto/TvaFaktor"), StringComparison.Ordinal);
        var (newKey, newCodes) = await client.EnrolTwoFactorAsync();
        Assert.NotEqual(key, newKey);
        Assert.Empty(codes.Intersect(newCodes));
        var second = factory.AnonymousClient();
        await second.PasswordStepAsync(kansli);
        var old = await second.PostFormAsync("/Konto/Aterstallningskod", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        Assert.Contains("Återställningskoden stämmer inte eller är redan använd.", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_cannot_reset_their_own()
    {
        var adminUser = await factory.CreateUserAsync(Roles.Administrator);
        var admin = await factory.SignedInClientAsync(adminUser);
        var id = await IdAsync(adminUser);
        Assert.DoesNotContain("/Admin/Anvandare/TvaFaktor/", await admin.GetStringAsync($"/Admin/Anvandare/Redigera/{id}"), StringComparison.Ordinal);
        var before = await StateAsync(id);

        var response = await admin.PostFormAsync($"/Admin/Anvandare/TvaFaktor/{id}", []);
        Assert.Contains("Du kan inte återställa din egen tvåfaktorsinloggning.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "User" && e.EntityId == id && e.Action == AuditAction.Update)));
        Assert.StartsWith("/Konto/LoggaIn2FA", (await factory.AnonymousClient().PasswordStepAsync(adminUser)).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Kansli)]
    [InlineData(Roles.Director)]
    [InlineData(Roles.Board)]
    [InlineData(Roles.Auditor)]
    public async Task Other_roles_are_refused(string role)
    {
        var target = await factory.CreateUserAsync(Roles.Administrator);
        var id = await IdAsync(target);
        var before = await StateAsync(id);
        var client = await factory.SignedInClientAsync(await factory.CreateUserAsync(role));
        var token = SignIn.AntiforgeryToken(await client.GetStringAsync("/Konto/BytLosenord"));

        var response = await client.PostAsync($"/Admin/Anvandare/TvaFaktor/{id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Konto/AtkomstNekad", response.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(response.Headers.Location)).StatusCode);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var admin = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Administrator));
        var target = await factory.CreateUserAsync(Roles.Administrator);
        var id = await IdAsync(target);
        var response = await admin.PostAsync($"/Admin/Anvandare/TvaFaktor/{id}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await StateAsync(id)).Enabled);
    }

    /// <summary>The key as the enrolment page shows it.</summary>
    private static string TwoFactorKey(string key) => Finsam.Web.Security.TwoFactor.FormatKey(key);
}
