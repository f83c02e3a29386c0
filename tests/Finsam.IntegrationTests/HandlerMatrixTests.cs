using System.Net;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>
/// Every Razor page handler the app has, GET and POST, for every role and for anonymous visitors, against the
/// expected matrix (<see cref="PageMatrix"/>, the truth; the app's declaration is Authorization/PageAccess.cs). A POST without an
/// antiforgery token is refused with 400; with a valid token it is let through or refused as the matrix says.
/// </summary>
public sealed class HandlerMatrixTests(HandlerMatrixTests.Fixture fixture) : IClassFixture<HandlerMatrixTests.Fixture>
{
    private const string Admin = Roles.Administrator;
    private const string Kansli = Roles.Kansli;
    private const string Chef = Roles.Director;
    private const string Board = Roles.Board;
    private const string Auditor = Roles.Auditor;
    private const string Anonymous = PageMatrix.Anonymous;

    /// <summary>The expected access to every handler: <see cref="PageMatrix.Matrix"/>.</summary>
    public static IReadOnlyList<PageMatrix.Access> Matrix => PageMatrix.Matrix;

    private static readonly string[] Everyone = [Admin, Kansli, Chef, Board, Auditor, Anonymous];

    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public Dictionary<string, HttpClient> Clients { get; } = [];

        public Dictionary<string, string> Ids { get; } = [];

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(2025);
            await Factory.WithDbAsync(async db =>
            {
                foreach (var (key, value) in await PageMatrix.RecordIdsAsync(db))
                {
                    Ids[key] = value;
                }

                return 0;
            });
            var other = await Factory.CreateUserAsync(Roles.Kansli);
            Ids["{user}"] = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == other.Email).Select(u => u.Id).SingleAsync());
            foreach (var role in Roles.All)
            {
                Clients[role] = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(role));
            }

            Clients[Anonymous] = Factory.AnonymousClient();
        }

        public string Url(string template) => PageMatrix.Url(template, Ids);

        public async Task DisposeAsync() => await Factory.DisposeAsync();

    }

    /// <summary>Every handler of every Razor page, as "METHOD /Folder/Page?handler=Name", read from the app's endpoints.</summary>
    private async Task<List<string>> HandlersOfTheAppAsync()
    {
        _ = fixture.Factory.Server;
        var loader = fixture.Factory.Services.GetRequiredService<PageLoader>();
        var handlers = new List<string>();
        foreach (var endpoint in fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var page = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
            var methods = page.HandlerMethods.Select(h => $"{h.HttpMethod.ToUpperInvariant()} {page.ViewEnginePath}{(h.Name is null ? "" : "?handler=" + h.Name)}").ToList();
            handlers.AddRange(methods.Count == 0 ? [$"GET {page.ViewEnginePath}"] : methods);
        }

        return handlers.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task The_matrix_names_every_handler_of_the_app_and_nothing_else()
    {
        var app = await HandlersOfTheAppAsync();
        Assert.True(app.Count >= 100, $"Expected every page handler, found {app.Count}.");
        Assert.Equal(Matrix.Count, Matrix.Select(a => a.Handler).Distinct().Count());
        Assert.Equal(app, Matrix.Select(a => a.Handler).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Every_role_reaches_exactly_the_handlers_of_the_matrix_and_posts_need_the_antiforgery_token()
    {
        _ = fixture.Factory.Server;
        var failures = new List<string>();
        foreach (var access in Matrix.Where(a => a.Handler.StartsWith("GET ", StringComparison.Ordinal)))
        {
            foreach (var role in Everyone)
            {
                var response = await fixture.Clients[role].GetAsync(fixture.Url(access.Url));
                Check(failures, access, role, "GET", response, access.Allowed.Contains(role));
            }
        }

        // The posts after all the reads, since a post may change what a read finds.
        foreach (var access in Matrix.Where(a => a.Handler.StartsWith("POST ", StringComparison.Ordinal)))
        {
            foreach (var role in Everyone)
            {
                var client = fixture.Clients[role];
                var url = fixture.Url(access.Url);
                var withoutToken = await client.PostAsync(url, new FormUrlEncodedContent([]));
                // Without the token: 400, or (for a role the page refuses anyway) the authorisation refusal that comes first.
                var refusedWithoutToken = withoutToken.StatusCode == HttpStatusCode.BadRequest || (!access.Allowed.Contains(role) && Refused(withoutToken, role));
                if (access.NeedsToken && !refusedWithoutToken)
                {
                    failures.Add($"{role}: POST {url} without an antiforgery token gave {Describe(withoutToken)}, not 400.");
                }

                var form = await client.GetAsync(role == Anonymous ? "/Konto/LoggaIn" : "/Konto/TvaFaktor");   // open even to an administrator who turned two-factor off
                if (form.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{role}: after POST {url} without a token, the form with a token gave {Describe(form)}.");
                    continue;
                }

                var token = SignIn.AntiforgeryToken(await form.Content.ReadAsStringAsync());
                var response = await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                Check(failures, access, role, "POST", response, access.Allowed.Contains(role));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private void Check(List<string> failures, PageMatrix.Access access, string role, string method, HttpResponseMessage response, bool allowed)
    {
        var url = fixture.Url(access.Url);
        if (allowed)
        {
            if (Refused(response, role) || response.StatusCode == HttpStatusCode.BadRequest || (int)response.StatusCode >= 500)
            {
                failures.Add($"{role} should be let through {method} {url} ({access.Handler}) but got {Describe(response)}.");
            }
        }
        else
        {
            var expected = role == Anonymous ? "/Konto/LoggaIn" : "/Konto/AtkomstNekad";
            if (response.StatusCode != HttpStatusCode.Redirect || PathOf(response) != expected)
            {
                failures.Add($"{role} should be refused {method} {url} ({access.Handler}) with a redirect to {expected} but got {Describe(response)}.");
            }
        }
    }

    /// <summary>
    /// Refused by authorisation: 403 (other than the access-denied page's own), a redirect to the access-denied page, or
    /// (anonymous) the sign-in challenge, which carries the return address.
    /// </summary>
    private static bool Refused(HttpResponseMessage response, string role)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return response.RequestMessage?.RequestUri?.AbsolutePath != "/Konto/AtkomstNekad";
        }

        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location)
        {
            return false;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        return target.AbsolutePath == "/Konto/AtkomstNekad"
            || (role == Anonymous && target.AbsolutePath == "/Konto/LoggaIn" && target.Query.Contains("ReturnUrl", StringComparison.OrdinalIgnoreCase));
    }

    private static string? PathOf(HttpResponseMessage response) => response.Headers.Location is not { } location ? null
        : (location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location)).AbsolutePath;

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? " → " + location.OriginalString : "")}";
}
