using Finsam.Data.Identity;
using Finsam.Web.Identity;
using Finsam.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Account;

/// <summary>Changing one's password; required after signing in with a one-time password (<see cref="Security.RequiredPasswordChange"/>).</summary>
public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserAccounts accounts) : PageModel
{
    /// <summary>The user signed in with a one-time password and must choose a new one before anything else.</summary>
    public bool Required => Security.RequiredPasswordChange.IsRequired(User);

    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await new ChangePasswordInputValidator().ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await accounts.ChangeOwnPasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) && await accounts.FailedProofLocksAsync(user))
            {
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/SignIn");
            }

            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        Input = new ChangePasswordInput();
        Changed = true;
        return Page();
    }
}

public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Ange ditt nuvarande lösenord.");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Ange ett nytt lösenord.")
            .NotEqual(x => x.CurrentPassword, StringComparer.Ordinal).WithMessage("Välj ett nytt lösenord som skiljer sig från det nuvarande.");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("Lösenorden är inte lika.");
    }
}
