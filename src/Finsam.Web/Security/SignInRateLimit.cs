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
    /// <summary>
    /// The pages whose posts count towards the limit (password, authenticator code, recovery code, change of password),
    /// by the page the request was routed to: "/Konto/LoggaIn/", "/konto/loggain" and every other spelling that reaches
    /// the page count alike.
    /// </summary>
    public static readonly IReadOnlyList<string> Pages = ["/Account/SignIn", "/Account/SignInTwoFactor", "/Account/RecoveryCode", "/Account/ChangePassword"];

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
                IsSignInPost(context)
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

    /// <summary>A post routed to one of <see cref="Pages"/> (the limiter runs after routing).</summary>
    private static bool IsSignInPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page
        && Pages.Contains(page.ViewEnginePath, StringComparer.Ordinal);
}
