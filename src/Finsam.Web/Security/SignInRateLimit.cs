using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Finsam.Web.Security;

/// <summary>
/// Limits how often one client address may post the sign-in forms (password, authenticator code, recovery code).
/// Together with Identity's lockout per account this stops guessing across many accounts as well as one.
/// The limit is per app instance; a refused post gets 429 and the Swedish error page.
/// </summary>
public static class SignInRateLimit
{
    /// <summary>The pages whose posts count towards the limit.</summary>
    public static readonly IReadOnlyList<string> Paths = ["/Konto/LoggaIn", "/Konto/LoggaIn2FA", "/Konto/Aterstallningskod"];

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter =
                    ((int)Math.Ceiling(options.SignInWindow.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "okänd",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = Math.Max(1, options.SignInPermitLimit),
                            Window = options.SignInWindow,
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && Paths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
