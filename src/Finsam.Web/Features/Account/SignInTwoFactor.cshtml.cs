using Finsam.Data.Identity;
using Finsam.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Account;

/// <summary>The second step of signing in: the six-digit code from the authenticator app.</summary>
public class SignInTwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

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

        var code = TwoFactor.CleanCode(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Ange koden från autentiseringsappen.");
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", SignInModel.LockedOutMessage);
            return Page();
        }

        if (!result.Succeeded)
        {
            Code = "";
            ModelState.AddModelError(nameof(Code), "Koden stämmer inte. Ange den kod som appen visar nu.");
            return Page();
        }

        await SignInModel.RecordSignInAsync(users, user, clock);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
