using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Finsam.TestSupport;

/// <summary>Signs in through the real login form, antiforgery token and all, and returns a client that keeps the cookie.</summary>
public static class SignIn
{
    public static HttpClient AnonymousClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in with the password and, when the user has two-factor sign-in on, the code from the authenticator key.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> factory, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var client = factory.AnonymousClient();
        var response = await client.PasswordStepAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location?.OriginalString.StartsWith("/Konto/LoggaIn2FA", StringComparison.Ordinal) == true)
        {
            Assert.True(user.AuthenticatorKey is not null, $"{user.Email} has two-factor sign-in on but the test knows no authenticator key.");
            response = await client.PostFormAsync(response.Headers.Location.OriginalString, new Dictionary<string, string>
            {
                ["Code"] = Totp.UnusedCode(user.AuthenticatorKey),
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.DoesNotContain("/Konto/LoggaIn", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        return client;
    }

    /// <summary>Only the password step of the sign-in form; the response says where it leads (home, or the two-factor step).</summary>
    public static async Task<HttpResponseMessage> PasswordStepAsync(this HttpClient client, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await client.PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
    }

    /// <summary>
    /// Enrols the signed-in user in two-factor sign-in through the enrolment page, as a person would: asks for a key, reads the key
    /// the page shows, answers with the code, and returns the key and the recovery codes shown once.
    /// </summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolTwoFactorAsync(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        // The page makes a key only when asked (making one changes the security stamp).
        var setup = await client.PostFormAsync("/Konto/TvaFaktor?handler=Setup", new Dictionary<string, string>(), getUrl: "/Konto/TvaFaktor");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, setup.StatusCode);
        var page = Html.Parse(await client.GetStringAsync("/Konto/TvaFaktor"));
        var key = page.QuerySelector("code.secret")?.TextContent.Trim();
        Assert.True(key is not null, "The enrolment page shows no key.");
        var response = await client.PostFormAsync("/Konto/TvaFaktor?handler=Enable", new Dictionary<string, string>
        {
            ["Code"] = Totp.UnusedCode(key),
        }, getUrl: "/Konto/TvaFaktor");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tvåstegsverifiering är aktiverad", html, StringComparison.Ordinal);
        var codes = Html.Parse(html).QuerySelectorAll("li code.secret").Select(c => c.TextContent.Trim()).ToList();
        Assert.NotEmpty(codes);
        return (key, codes);
    }

    /// <summary>GETs the page to obtain its antiforgery token, then posts the form to it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? getUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(getUrl ?? url);
        var content = new List<KeyValuePair<string, string>>(fields)
        {
            new("__RequestVerificationToken", AntiforgeryToken(page)),
        };
        return await client.FollowJobAsync(await client.PostAsync(url, new FormUrlEncodedContent(content)));
    }

    /// <summary>Uploads a file to a form (multipart), with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, string field, string fileName, byte[] content, string? getUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = AntiforgeryToken(await client.GetStringAsync(getUrl ?? url));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), field, fileName },
        };
        return await client.FollowJobAsync(await client.PostAsync(url, form));
    }

    /// <summary>
    /// A post that started a background job (an import, a PDF) answers with a redirect to the job's page; this follows it,
    /// and the tests' app lets that page wait for the job to finish (FinsamFactory, "Jobs:ShowResultWithin"), so the
    /// answer is the finished job with its report, as the page showed it when the work ran inside the request. Any other
    /// answer is returned as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> FollowJobAsync(this HttpClient client, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location
            || !location.OriginalString.StartsWith(JobPagePrefix, StringComparison.Ordinal))
        {
            return response;
        }

        return await client.GetAsync(location);
    }

    /// <summary>Where a job's page is: /Jobb/{id}.</summary>
    public const string JobPagePrefix = "/Jobb/";

    public static string AntiforgeryToken(string html)
    {
        var token = Html.Parse(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.True(token is not null, "The page has no antiforgery token.");
        return token;
    }
}
