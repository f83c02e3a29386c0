using System.Net;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>Two-factor sign-in: required for Administratör, optional for the others, with recovery codes that work once.</summary>
public sealed class TwoFactorTests(FinsamFactory factory) : IClassFixture<FinsamFactory>
{
    private Task<bool> EnabledInDatabaseAsync(TestUser user) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == user.Email).Select(u => u.TwoFactorEnabled).SingleAsync());

    /// <summary>A code the app would show an hour from now: well formed, but not valid now.</summary>
    private static string WrongCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow.AddHours(1));

    [Fact]
    public async Task An_administrator_without_two_factor_must_enrol_before_anything_else()
    {
        var admin = await factory.CreateUnenrolledUserAsync(Roles.Administrator);
        var client = factory.AnonymousClient();
        var signedIn = await client.PasswordStepAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // Every page but the enrolment (and changing the password, which a one-time password requires first).
        foreach (var url in new[] { "/", "/Admin/Anvandare", "/Admin/Granskningslogg", "/KomIgang" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Konto/TvaFaktor", response.Headers.Location!.OriginalString);
        }

        // The page makes a key only when asked.
        Assert.Null(Html.Parse(await client.GetStringAsync("/Konto/TvaFaktor")).QuerySelector("code.secret"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Konto/TvaFaktor?handler=Setup", [], getUrl: "/Konto/TvaFaktor")).StatusCode);
        var page = Html.Parse(await client.GetStringAsync("/Konto/TvaFaktor"));
        Assert.Contains("Som administratör måste du aktivera tvåstegsverifiering", Html.TextOf(page.Body!), StringComparison.Ordinal);
        const string svgData = "data:image/svg+xml;base64,";
        var qr = page.QuerySelector("img.qr-code")?.GetAttribute("src") ?? "";
        Assert.StartsWith(svgData, qr, StringComparison.Ordinal);
        var svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(qr[svgData.Length..]));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);

        // A wrong code is refused and changes nothing.
        var key = Html.TextOf(page.QuerySelector("code.secret")!);
        var wrong = await client.PostFormAsync("/Konto/TvaFaktor?handler=Enable", new Dictionary<string, string> { ["Code"] = WrongCode(key) }, getUrl: "/Konto/TvaFaktor");
        Assert.Contains("Koden stämmer inte.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await EnabledInDatabaseAsync(admin));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Admin/Anvandare")).StatusCode);

        var (enrolledKey, codes) = await client.EnrolTwoFactorAsync();
        Assert.Equal(key, enrolledKey);
        Assert.Equal(10, codes.Count);
        Assert.True(await EnabledInDatabaseAsync(admin));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Anvandare")).StatusCode);

        // The next sign-in asks for a code; the administrator may change app but not turn two-factor off.
        var next = await factory.AnonymousClient().PasswordStepAsync(admin);
        Assert.StartsWith("/Konto/LoggaIn2FA", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var settings = await client.GetStringAsync("/Konto/TvaFaktor");
        Assert.Contains("Koppla en ny app", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("Stäng av tvåstegsverifiering", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_right_code_signs_in()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrator);
        var client = factory.AnonymousClient();
        var step = await client.PasswordStepAsync(admin);
        Assert.Equal("/Konto/LoggaIn2FA", step.Headers.Location!.PathOnly());

        // Half signed in is not signed in.
        var before = await client.GetAsync("/Admin/Anvandare");
        Assert.Equal("/Konto/LoggaIn", before.Headers.Location!.AbsolutePath);

        var wrong = await client.PostFormAsync("/Konto/LoggaIn2FA", new Dictionary<string, string> { ["Code"] = WrongCode(admin.AuthenticatorKey!) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Koden stämmer inte.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Admin/Anvandare")).StatusCode);

        var right = await client.PostFormAsync("/Konto/LoggaIn2FA", new Dictionary<string, string> { ["Code"] = Totp.UnusedCode(admin.AuthenticatorKey!) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Anvandare")).StatusCode);
    }

    [Fact]
    public async Task The_code_page_without_the_password_step_sends_to_sign_in()
    {
        var response = await factory.AnonymousClient().GetAsync("/Konto/LoggaIn2FA");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Konto/LoggaIn", response.Headers.Location!.PathOnly());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var kansli = await factory.CreateUserAsync(Roles.Kansli);
        var (_, codes) = await (await factory.SignedInClientAsync(kansli)).EnrolTwoFactorAsync();

        var first = factory.AnonymousClient();
        await first.PasswordStepAsync(kansli);
        var used = await first.PostFormAsync("/Konto/Aterstallningskod", new Dictionary<string, string> { ["RecoveryCode"] = codes[3] });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Deltagare")).StatusCode);

        var second = factory.AnonymousClient();
        await second.PasswordStepAsync(kansli);
        var again = await second.PostFormAsync("/Konto/Aterstallningskod", new Dictionary<string, string> { ["RecoveryCode"] = codes[3] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Återställningskoden stämmer inte eller är redan använd.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Deltagare")).StatusCode);

        Assert.Contains("Du har 9 oanvända återställningskoder.", await first.GetStringAsync("/Konto/TvaFaktor"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Kansli)]
    [InlineData(Roles.Director)]
    [InlineData(Roles.Board)]
    [InlineData(Roles.Auditor)]
    public async Task Other_roles_work_without_two_factor_and_may_turn_it_on_and_off(string role)
    {
        var user = await factory.CreateUserAsync(role);
        Assert.Null(user.AuthenticatorKey);
        var client = await factory.SignedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Contains("Det är frivilligt för din roll", await client.GetStringAsync("/Konto/TvaFaktor"), StringComparison.Ordinal);

        var (key, _) = await client.EnrolTwoFactorAsync();
        var next = factory.AnonymousClient();
        var step = await next.PasswordStepAsync(user);
        Assert.Equal("/Konto/LoggaIn2FA", step.Headers.Location!.PathOnly());
        await factory.SignedInClientAsync(user with { AuthenticatorKey = key });

        var off = await client.PostFormAsync("/Konto/TvaFaktor?handler=Disable", new Dictionary<string, string> { ["Password"] = user.Password }, getUrl: "/Konto/TvaFaktor");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await EnabledInDatabaseAsync(user));
        Assert.Equal("/", (await factory.AnonymousClient().PasswordStepAsync(user)).Headers.Location!.OriginalString);
    }
}

internal static class UriPaths
{
    /// <summary>The path of a redirect's Location, relative or absolute.</summary>
    public static string PathOnly(this Uri location) =>
        location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
}
