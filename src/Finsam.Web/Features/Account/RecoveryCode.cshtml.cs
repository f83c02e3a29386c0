using Finsam.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Account;

/// <summary>The second step of signing in with one of the recovery codes instead of the app. Each code works once.</summary>
public class RecoveryCodeModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string RecoveryCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var code = new string((RecoveryCode ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Ange en återställningskod.");
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", SignInModel.LockedOutMessage);
            return Page();
        }

        if (!result.Succeeded)
        {
            RecoveryCode = "";
            ModelState.AddModelError(nameof(RecoveryCode), "Återställningskoden stämmer inte eller är redan använd.");
            return Page();
        }

        await SignInModel.RecordSignInAsync(users, user, clock);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
