using Finsam.TestSupport;
using Finsam.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>Every endpoint the app exposes says explicitly who may use it.</summary>
public sealed class EndpointPolicyTests : IClassFixture<FinsamFactory>
{
    private readonly FinsamFactory _factory;

    public EndpointPolicyTests(FinsamFactory factory) => _factory = factory;

    [Fact]
    public void Every_endpoint_has_a_named_policy_or_is_explicitly_anonymous()
    {
        _ = _factory.Server; // Builds the host and its endpoints.
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count >= 15, $"Expected all pages to be enumerated, found {endpoints.Count}.");

        var anonymous = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymous.Add("/" + name.TrimStart('/'));
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Count > 0, $"Endpoint {name} has no authorisation metadata.");
            Assert.All(policies, p => Assert.True(p is not null && Policies.RolesByPolicy.ContainsKey(p), $"Endpoint {name} uses unknown policy '{p}'."));
        }

        Assert.Equal(["/Error", "/Konto/Aterstallningskod", "/Konto/LoggaIn", "/Konto/LoggaIn2FA", "/health"], anonymous.Order(StringComparer.Ordinal).ToArray());
    }
}
