using Finsam.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Identity;

/// <summary>Creating and changing accounts: used by the user administration pages, the bootstrap and the demo seed.</summary>
public sealed class UserAccounts(UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>Makes sure every role of <see cref="Roles"/> exists.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    public async Task<IdentityResult> CreateAsync(string email, string displayName, string password, IEnumerable<string> roleNames)
    {
        var wanted = roleNames.Distinct().ToArray();
        if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            return IdentityResult.Failed(new SwedishIdentityErrorDescriber().InvalidRoleName(unknown));
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        return wanted.Length == 0 ? created : await users.AddToRolesAsync(user, wanted);
    }

    /// <summary>Sets exactly the given roles.</summary>
    public async Task<IdentityResult> SetRolesAsync(AppUser user, IEnumerable<string> roleNames)
    {
        var wanted = roleNames.Where(Roles.All.Contains).ToHashSet();
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Where(r => !wanted.Contains(r)));
        if (!removed.Succeeded)
        {
            return removed;
        }

        var added = await users.AddToRolesAsync(user, wanted.Where(r => !current.Contains(r)));
        if (added.Succeeded)
        {
            // Signs the user out everywhere, so the new roles take effect at once.
            await users.UpdateSecurityStampAsync(user);
        }

        return added;
    }

    public async Task<IdentityResult> SetActiveAsync(AppUser user, bool active)
    {
        user.IsActive = active;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && !active)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return result;
    }

    /// <summary>Sets a new password without knowing the old one (administrator reset, demo accounts).</summary>
    public async Task<IdentityResult> ResetPasswordAsync(AppUser user, string password)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        return result;
    }

    /// <summary>
    /// An administrator's reset of a user's two-factor sign-in (lost phone and recovery codes): turns it off, forgets
    /// the authenticator key and the recovery codes, and signs the user out everywhere. A role that requires
    /// two-factor sign-in is sent to enrolment at the next sign-in.
    /// </summary>
    public async Task<IdentityResult> ResetTwoFactorAsync(AppUser user)
    {
        var result = await users.SetTwoFactorEnabledAsync(user, enabled: false);
        foreach (var token in new[] { AuthenticatorKeyToken, RecoveryCodesToken })
        {
            if (result.Succeeded)
            {
                result = await users.RemoveAuthenticationTokenAsync(user, IdentityStoreProvider, token);
            }
        }

        return result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result;
    }

    // Where UserManager keeps the authenticator key and the recovery codes (AspNetUserTokens).
    private const string IdentityStoreProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyToken = "AuthenticatorKey";
    private const string RecoveryCodesToken = "RecoveryCodes";

    public async Task<bool> AnyAdministratorAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Administrator)).Any(u => u.IsActive);

    public Task<AppUser?> FindByEmailAsync(string email) => users.FindByEmailAsync(email);

    public Task<int> CountActiveAsync() => users.Users.CountAsync(u => u.IsActive);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
