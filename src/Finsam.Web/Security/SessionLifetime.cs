using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Finsam.Web.Security;

/// <summary>
/// The absolute lifetime of a sign-in (<see cref="SecurityOptions.SessionLifetime"/>): the time of signing in is kept in
/// the cookie's properties, which sliding renewal and security-stamp refreshes carry over unchanged; a cookie older
/// than the lifetime is rejected, whatever its sliding expiry says. The security stamp itself is checked as before, so
/// signing out, a changed password or a deactivated account ends every session of the user.
/// </summary>
public static class SessionLifetime
{
    private const string SignedInAtKey = "finsam.signedInAt";

    /// <summary>Hooks the lifetime into the Identity cookie's events, before the security stamp check.</summary>
    public static void Apply(CookieAuthenticationEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var validateStamp = events.OnValidatePrincipal;
        events.OnSigningIn = context =>
        {
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            context.Properties.Items.TryAdd(SignedInAtKey, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        };
        events.OnValidatePrincipal = async context =>
        {
            var services = context.HttpContext.RequestServices;
            var lifetime = services.GetRequiredService<IOptions<SecurityOptions>>().Value.SessionLifetime;
            if (Expired(context.Properties, services.GetRequiredService<TimeProvider>().GetUtcNow(), lifetime))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await validateStamp(context);
        };
    }

    /// <summary>Whether the sign-in the properties belong to is older than the lifetime (or carries no time: an old cookie).</summary>
    public static bool Expired(AuthenticationProperties properties, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return !properties.Items.TryGetValue(SignedInAtKey, out var value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            || now - signedInAt > lifetime;
    }
}
