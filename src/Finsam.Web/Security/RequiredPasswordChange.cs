using System.Security.Claims;

namespace Finsam.Web.Security;

/// <summary>
/// A one-time password (a new account's, or one an administrator reset) works for one sign-in: until the user has
/// chosen a password of their own, every page leads to the change-password page. The sign-in cookie carries
/// <see cref="Claim"/> while <see cref="Data.Identity.AppUser.MustChangePassword"/> is set.
/// </summary>
public static class RequiredPasswordChange
{
    public const string Claim = "finsam:must-change-password";

    public const string Page = "/Konto/BytLosenord";

    /// <summary>Pages a user with a one-time password may still open.</summary>
    private static readonly string[] Open = [Page, "/Konto/LoggaUt", "/Konto/AtkomstNekad", "/Error", "/health"];

    public static bool IsRequired(ClaimsPrincipal user) => user.HasClaim(Claim, "true");

    /// <summary>Sends a signed-in user with a one-time password to the change-password page.</summary>
    public static IApplicationBuilder UseRequiredPasswordChange(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && IsRequired(context.User)
            && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(Page);
            return;
        }

        await next(context);
    });
}
