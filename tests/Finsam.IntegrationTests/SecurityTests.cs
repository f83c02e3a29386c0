using System.Net;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Finsam.Web.Authorization;
using Finsam.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>Security headers on every response, antiforgery on every post, and the sign-in rate limit.</summary>
public sealed class SecurityTests(FinsamFactory factory) : IClassFixture<FinsamFactory>
{
    [Theory]
    [InlineData("/Konto/LoggaIn", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/Error?status=404", HttpStatusCode.OK)]
    [InlineData("/Deltagare", HttpStatusCode.Redirect)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        var response = await factory.AnonymousClient().GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
            string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", string.Join(",", response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_the_app_makes_is_kept_in_a_cache_but_the_stylesheet_may_be()
    {
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));
        foreach (var url in new[] { "/", "/Deltagare", "/Deltagare/Export?format=csv", "/Deltagare/Export?format=xlsx", "/Konto/LoggaIn", "/Error?status=404" })
        {
            var response = await chef.GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} answered {(int)response.StatusCode} without Cache-Control: no-store");
        }

        Assert.NotEqual(true, (await factory.AnonymousClient().GetAsync("/css/site.css")).Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_that_the_policy_would_block()
    {
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        foreach (var url in new[] { "/", "/Deltagare", "/Deltagare/Ny", "/Insatser", "/Oversikt", "/Ekonomi", "/Konto/TvaFaktor" })
        {
            // Parsed, not matched as text: page content (a two-factor secret such as "uudk onek") may contain anything.
            var document = Html.Parse(await kansli.GetStringAsync(url));
            Assert.All(document.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"{url}: inline <script>"));
            Assert.Empty(document.QuerySelectorAll("style"));
            var elements = document.All.ToList();
            Assert.Contains(elements, e => e.LocalName == "body");
            Assert.All(elements, e =>
            {
                Assert.False(e.HasAttribute("style"), $"{url}: <{e.LocalName}> has a style attribute");
                Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            });
        }
    }

    [Fact]
    public async Task Every_post_handler_refuses_a_post_without_antiforgery_token()
    {
        _ = factory.Server;
        var clients = new Dictionary<string, HttpClient>();
        async Task<HttpClient> ClientFor(string? role)
        {
            if (role is null)
            {
                return factory.AnonymousClient();
            }

            if (!clients.TryGetValue(role, out var client))
            {
                client = clients[role] = await factory.SignedInClientAsync(await factory.CreateUserAsync(role));
            }

            return client;
        }

        var loader = factory.Services.GetRequiredService<PageLoader>();
        var posts = new List<string>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var page = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
            var handlers = page.HandlerMethods.Where(h => h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase)).ToList();
            if (handlers.Count == 0 || page.ViewEnginePath == "/Error")
            {
                continue; // The error page re-executes failed posts and must answer them.
            }

            // A page may carry its folder's policy and a stricter one of its own: post as a role that satisfies all of them.
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var roles = anonymous || policies.Count == 0 ? [] : Roles.All.Where(r => policies.All(p => Policies.RolesByPolicy[p].Contains(r))).ToArray();
            var role = anonymous ? null : roles.Contains(Roles.Kansli) ? Roles.Kansli : roles[0];
            var client = await ClientFor(role);
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText ?? "", "\\{[^}]+\\}", "1");
            foreach (var handler in handlers)
            {
                var url = handler.Name is null ? path : $"{path}?handler={handler.Name}";
                var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} as {role ?? "anonymous"} without a token gave {(int)response.StatusCode}, not 400.");
                posts.Add(url);
            }
        }

        Assert.Contains("/Konto/LoggaIn", posts);
        Assert.Contains("/Deltagare/Import", posts);
        Assert.Contains("/Konto/TvaFaktor?handler=Enable", posts);
        Assert.True(posts.Count >= 20, $"Expected every post handler, found {posts.Count}: {string.Join(", ", posts)}");
    }

    [Fact]
    public async Task Sign_in_posts_from_one_address_are_limited_with_a_swedish_page()
    {
        await using var limited = new FinsamFactory { SignInPermitLimit = 3 };
        var user = await limited.CreateUserAsync(Roles.Kansli);
        var client = limited.AnonymousClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = "fel-losenord-123" };
        // Every spelling that reaches the page counts: the limit is on the page, not on the path's text.
        foreach (var spelling in new[] { "/Konto/LoggaIn", "/Konto/LoggaIn/", "/konto/loggain" })
        {
            var allowed = await client.PostFormAsync(spelling, fields);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await client.PostFormAsync("/KONTO/LoggaIn/", fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", string.Join(",", refused.Headers.GetValues("Retry-After")));
        Assert.Contains("För många försök", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The right password is refused too while the window lasts, and reading pages is not limited.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Konto/LoggaIn")).StatusCode);
        var pages = limited.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath).OfType<string>().ToHashSet();
        Assert.All(SignInRateLimit.Pages, page => Assert.Contains(page, pages));
    }
}
