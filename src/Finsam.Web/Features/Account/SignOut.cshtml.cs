using Finsam.Data.Identity;
using Finsam.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Account;

/// <summary>Signs out, and ends every other session of the user too: a copied cookie stops working (new security stamp).</summary>
public class SignOutModel(SignInManager<AppUser> signIn, UserAccounts accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await accounts.EndSessionsAsync(User);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
