using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Finsam.Web.Security;

/// <summary>
/// Forwarded headers from the reverse proxies of <see cref="SecurityOptions.TrustedProxies"/>: behind a proxy that
/// ends TLS, the app sees the original scheme and client address, so cookies are Secure, HSTS is sent and the
/// sign-in limit counts the real client. Nothing is read when no proxy is configured.
/// </summary>
public static class ReverseProxy
{
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        if (security.TrustedProxies.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in security.TrustedProxies.Where(p => p != "*"))
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }

        // With both lists empty ("*"), ASP.NET Core believes every sender.
        return app.UseForwardedHeaders(options);
    }
}
