using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.Web.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Identity;

/// <summary>
/// Creating and changing accounts: used by the user administration pages, the bootstrap and the demo seed. Every change
/// is written to the audit log with who made it (saved with the change's own save), and the separation of duties holds
/// (<see cref="Roles.SeparationOfDutiesError"/>).
/// </summary>
public sealed class UserAccounts(UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, AuditLog audit)
{
    /// <summary>The audit log's entity type for accounts.</summary>
    public const string AuditEntity = "User";

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

    /// <param name="oneTimePassword">The password was made for the user by someone else: it must be changed at the first sign-in.</param>
    public async Task<IdentityResult> CreateAsync(string email, string displayName, string password, IEnumerable<string> roleNames, bool oneTimePassword = false)
    {
        var wanted = roleNames.Distinct().ToArray();
        if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            return IdentityResult.Failed(new SwedishIdentityErrorDescriber().InvalidRoleName(unknown));
        }

        if (Roles.SeparationOfDutiesError(wanted) is { } conflict)
        {
            return IdentityResult.Failed(new IdentityError { Code = nameof(Roles.SeparationOfDutiesError), Description = conflict });
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
            MustChangePassword = oneTimePassword,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        audit.Add(AuditAction.Create, AuditEntity, user.Id, $"konto {email} skapat med {RoleText(wanted)}{(oneTimePassword ? "; engångslösenord" : "")}");
        return wanted.Length == 0 ? await users.UpdateAsync(user) : await users.AddToRolesAsync(user, wanted);
    }

    private static string RoleText(IReadOnlyCollection<string> roleNames) =>
        roleNames.Count == 0 ? "ingen roll" : (roleNames.Count == 1 ? "rollen " : "rollerna ") + string.Join(", ", roleNames.Order(StringComparer.Ordinal));

    /// <summary>
    /// The administrator's edit of an account: its display name and exactly the given roles (audited, and the user is
    /// signed out everywhere when the roles change). The name is saved even when the roles are refused.
    /// </summary>
    public async Task<IdentityResult> UpdateAccountAsync(AppUser user, string displayName, IEnumerable<string> roleNames)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = displayName.Trim();
        if (user.DisplayName != name)
        {
            audit.Add(AuditAction.Update, AuditEntity, user.Id, $"{user.Email}: visningsnamn ändrat");
            user.DisplayName = name;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return updated;
            }
        }

        return await SetRolesAsync(user, roleNames);
    }

    /// <summary>Ends every session of the signed-in user (a new security stamp), as signing out does.</summary>
    public async Task EndSessionsAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }

    /// <summary>Sets exactly the given roles.</summary>
    public async Task<IdentityResult> SetRolesAsync(AppUser user, IEnumerable<string> roleNames)
    {
        ArgumentNullException.ThrowIfNull(user);
        var wanted = roleNames.Where(Roles.All.Contains).ToHashSet();
        if (Roles.SeparationOfDutiesError(wanted) is { } conflict)
        {
            return IdentityResult.Failed(new IdentityError { Code = nameof(Roles.SeparationOfDutiesError), Description = conflict });
        }

        var current = await users.GetRolesAsync(user);
        if (wanted.SetEquals(current))
        {
            return IdentityResult.Success;
        }

        var removed = await users.RemoveFromRolesAsync(user, current.Where(r => !wanted.Contains(r)));
        if (!removed.Succeeded)
        {
            return removed;
        }

        var added = await users.AddToRolesAsync(user, wanted.Where(r => !current.Contains(r)));
        if (!added.Succeeded)
        {
            return added;
        }

        // Signs the user out everywhere, so the new roles take effect at once; saved with the audit entry.
        audit.Add(AuditAction.Update, AuditEntity, user.Id, $"{user.Email}: roller {RoleText([.. current])} → {RoleText(wanted)}");
        return await users.UpdateSecurityStampAsync(user);
    }

    public async Task<IdentityResult> SetActiveAsync(AppUser user, bool active)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsActive == active)
        {
            return IdentityResult.Success;
        }

        user.IsActive = active;
        audit.Add(AuditAction.Update, AuditEntity, user.Id, $"{user.Email}: {(active ? "aktiverat" : "inaktiverat och utloggat")}");
        return active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>
    /// Sets a new password without knowing the old one (administrator reset, demo accounts), lifts a lockout and signs
    /// the user out everywhere. A <paramref name="oneTimePassword"/> must be changed at the next sign-in.
    /// </summary>
    public async Task<IdentityResult> ResetPasswordAsync(AppUser user, string password, bool oneTimePassword = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result;
        }

        user.MustChangePassword = oneTimePassword;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        audit.Add(AuditAction.Update, AuditEntity, user.Id, $"{user.Email}: lösenordet återställt{(oneTimePassword ? " till ett engångslösenord" : "")}, spärr hävd");
        return await users.UpdateAsync(user);
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

        if (!result.Succeeded)
        {
            return result;
        }

        audit.Add(AuditAction.Update, AuditEntity, user.Id, "tvåfaktorsinloggning återställd; nyckel och återställningskoder borttagna, utloggad");
        return await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>
    /// A signed-in user's own change of password: on success the one-time password is spent and failed attempts are
    /// forgotten (the new security stamp ends every other session). A wrong current password is the caller's to count
    /// (<see cref="FailedProofLocksAsync"/>).
    /// </summary>
    public async Task<IdentityResult> ChangeOwnPasswordAsync(AppUser user, string currentPassword, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return result;
        }

        user.MustChangePassword = false;
        user.AccessFailedCount = 0;
        return await users.UpdateAsync(user);
    }

    /// <summary>Whether <paramref name="proof"/> is the user's password or a current code from their authenticator app.</summary>
    public async Task<bool> ProvesIdentityAsync(AppUser user, string proof)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(proof);
        var code = Security.TwoFactor.CleanCode(proof);
        return code.Length is 6 && code.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : proof.Length > 0 && await users.CheckPasswordAsync(user, proof);
    }

    /// <summary>
    /// A wrong proof (current password, code) from a signed-in user counts towards the lockout as at sign-in, so a
    /// stolen session cannot guess it: true when the account is now locked, with every session ended (new security stamp).
    /// </summary>
    public async Task<bool> FailedProofLocksAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await users.AccessFailedAsync(user);
        if (!await users.IsLockedOutAsync(user))
        {
            return false;
        }

        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    /// <summary>The user's own turning off of two-factor sign-in (after <see cref="ProvesIdentityAsync"/>): the key is forgotten.</summary>
    public async Task<IdentityResult> TurnOffTwoFactorAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await users.ResetAccessFailedCountAsync(user);
        if (result.Succeeded)
        {
            result = await users.SetTwoFactorEnabledAsync(user, enabled: false);
        }

        return result.Succeeded ? await users.RemoveAuthenticationTokenAsync(user, IdentityStoreProvider, AuthenticatorKeyToken) : result;
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
