namespace Finsam.Web.Security;

/// <summary>
/// Response headers that tell the browser what the pages may do: only the app's own scripts, styles and images
/// (no inline script or style), never inside a frame, no referrer to other sites, no powerful browser features.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "no-referrer",
        ["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    /// <summary>
    /// What may be kept in a cache: nothing the app makes (pages, exports, reports, JSON can hold person data or a
    /// year's figures that must not linger in a shared or browser cache); the static files under /css and /mallar may
    /// be kept, as they are the same for everyone.
    /// </summary>
    public const string NoStore = "no-store";

    private static readonly string[] Cacheable = ["/css", "/mallar"];

    /// <summary>Adds the headers to every response, error pages and static files included.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            foreach (var (name, value) in All)
            {
                context.Response.Headers[name] = value;
            }

            if (!Cacheable.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Headers.CacheControl = NoStore;
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
