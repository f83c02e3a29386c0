using Microsoft.AspNetCore.Identity;

namespace Finsam.Data.Identity;

/// <summary>A person who signs in to Finsam: kansli staff, förbundschef, board member, auditor or administrator.</summary>
public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>False when an administrator has deactivated the account; a deactivated user cannot sign in.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }

    /// <summary>
    /// The password was given by an administrator (a new account or a reset): it works once, and the user must choose
    /// a new one before anything else.
    /// </summary>
    public bool MustChangePassword { get; set; }
}
