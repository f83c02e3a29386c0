using Finsam.Data.Identity;
using Finsam.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Account;

public class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await new SignInInputValidator().ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl });
        }

        if (!result.Succeeded)
        {
            // The same words for a wrong password, an unknown address and a locked account: the page never tells
            // whether an account exists.
            ModelState.AddModelError("", FailedMessage);
            return Page();
        }

        await RecordSignInAsync(users, await users.FindByEmailAsync(Input.Email.Trim()), clock);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public const string FailedMessage =
        "Fel e-postadress eller lösenord. Efter fem misslyckade försök i rad spärras kontot i 15 minuter.";

    /// <summary>For the later steps (code, recovery code), where the password has already shown that the account exists.</summary>
    public const string LockedOutMessage = "Kontot är tillfälligt spärrat efter för många misslyckade inloggningar. Försök igen om 15 minuter.";

    /// <summary>Notes when the user last signed in (shown in the user administration).</summary>
    public static async Task RecordSignInAsync(UserManager<AppUser> users, AppUser? user, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(clock);
        if (user is not null)
        {
            user.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
        }
    }
}

public sealed class SignInInput
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";
}

public sealed class SignInInputValidator : AbstractValidator<SignInInput>
{
    public SignInInputValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Email).NotEmpty().WithMessage("Ange din e-postadress.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Ange ditt lösenord.");
    }
}
