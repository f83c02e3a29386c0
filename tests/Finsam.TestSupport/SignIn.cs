using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Finsam.TestSupport;

/// <summary>Signs in through the real login form, antiforgery token and all, and returns a client that keeps the cookie.</summary>
public static partial class SignIn
{
    public static HttpClient AnonymousClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> factory, TestUser user)
    {
        var client = factory.AnonymousClient();
        var response = await client.PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
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
        return await client.PostAsync(url, new FormUrlEncodedContent(content));
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
        return await client.PostAsync(url, form);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
