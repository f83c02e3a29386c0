using Finsam.Data.Identity;
using Finsam.Web.Identity;
using Finsam.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Admin.Users;

/// <summary>
/// Resets another user's two-factor sign-in when they have lost both the phone and the recovery codes: a confirmation
/// page, then a post that turns it off, forgets the key and the codes and signs the user out everywhere. An
/// administrator cannot reset their own (another administrator must), so a stolen session cannot remove the second factor.
/// </summary>
public class ResetTwoFactorModel(UserManager<AppUser> users, UserAccounts accounts) : PageModel
{
    public const string SelfRefusal = "Du kan inte återställa din egen tvåfaktorsinloggning. Be en annan administratör göra det.";

    public string UserId { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool Enabled { get; private set; }

    /// <summary>The user's role requires two-factor sign-in, so they must enrol again at the next sign-in.</summary>
    public bool Required { get; private set; }

    public bool IsSelf { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) =>
        await users.FindByIdAsync(id) is { } user ? await ShowAsync(user) : NotFound();

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            ModelState.AddModelError("", SelfRefusal);
            return await ShowAsync(user);
        }

        var result = await accounts.ResetTwoFactorAsync(user);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Description);
        }

        Done = result.Succeeded;   // audit-logged by UserAccounts

        return await ShowAsync(user);
    }

    private async Task<IActionResult> ShowAsync(AppUser user)
    {
        UserId = user.Id;
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = (await users.GetRolesAsync(user)).Any(TwoFactor.RequiredForRoles.Contains);
        IsSelf = user.Id == users.GetUserId(User);
        return Page();
    }
}
