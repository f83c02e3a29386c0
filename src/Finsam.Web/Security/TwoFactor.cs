using System.Security.Claims;
using System.Text;
using Finsam.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Finsam.Web.Security;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238, Identity's built-in authenticator token provider).
/// Optional for every role, required for Administratör: an administrator without it is sent to the enrolment page
/// on every request until enrolled.
/// </summary>
public static class TwoFactor
{
    /// <summary>A claim the sign-in cookie carries when the account has two-factor sign-in turned on.</summary>
    public const string EnabledClaim = "finsam:2fa";

    public const string EnrolmentPage = "/Konto/TvaFaktor";

    /// <summary>How many recovery codes a user gets at a time.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>Pages an administrator without two-factor sign-in may still open.</summary>
    private static readonly string[] OpenWithoutEnrolment = [EnrolmentPage, RequiredPasswordChange.Page, "/Konto/LoggaUt", "/Konto/AtkomstNekad", "/Error", "/health"];

    /// <summary>Roles that must use two-factor sign-in.</summary>
    public static readonly IReadOnlyList<string> RequiredForRoles = [Roles.Administrator];

    public static bool IsRequired(ClaimsPrincipal user) => RequiredForRoles.Any(user.IsInRole);

    public static bool IsEnabled(ClaimsPrincipal user) => user.HasClaim(EnabledClaim, "true");

    /// <summary>Sends a signed-in administrator without two-factor sign-in to the enrolment page.</summary>
    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && IsRequired(user) && !IsEnabled(user)
            && !OpenWithoutEnrolment.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(EnrolmentPage);
            return;
        }

        await next(context);
    });

    /// <summary>The key as people type it: groups of four lower-case characters.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth URI an authenticator app reads from the QR code.</summary>
    public static string AuthenticatorUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";

    /// <summary>The QR code of <paramref name="text"/> as an SVG data URI for an img element (rendered on the server, no script).</summary>
    public static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>Codes typed with spaces or dashes are accepted.</summary>
    public static string CleanCode(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}

/// <summary>Adds <see cref="TwoFactor.EnabledClaim"/> and <see cref="RequiredPasswordChange.Claim"/> to the sign-in cookie; renewed whenever the security stamp is checked.</summary>
public sealed class FinsamClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(new Claim(TwoFactor.EnabledClaim, "true"));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(RequiredPasswordChange.Claim, "true"));
        }

        return identity;
    }
}
