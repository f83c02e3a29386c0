using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Finsam.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Finsam.Web.Security;

/// <summary>
/// Identity's authenticator (TOTP) codes, each accepted once: a code seen over someone's shoulder, or replayed from a
/// captured request, does not sign in a second time while it is still valid. The last accepted code is kept (as a
/// hash, with the time) among the user's tokens; the same code is refused until it can no longer be valid anyway.
/// </summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<AppUser>
{
    private const string LoginProvider = "Finsam";
    private const string TokenName = "LastAuthenticatorCode";

    /// <summary>How long a code can be valid: Identity accepts the steps of 30 s from two before to two after now.</summary>
    private static readonly TimeSpan Validity = TimeSpan.FromSeconds(5 * 30);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (!await base.ValidateAsync(purpose, token, manager, user))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id + ":" + token)));
        if (await manager.GetAuthenticationTokenAsync(user, LoginProvider, TokenName) is { } last
            && last.Split('|') is [var lastHash, var lastAt]
            && lastHash == hash
            && DateTimeOffset.TryParse(lastAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            && now - at < Validity)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, LoginProvider, TokenName, hash + "|" + now.ToString("O", CultureInfo.InvariantCulture));
        return true;
    }
}
