using Finsam.Web.Identity;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Admin.Users;

public class NewModel(UserAccounts accounts) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    /// <summary>The generated first password, shown once after creation.</summary>
    public string? CreatedPassword { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await new UserInputValidator().ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var password = PasswordGenerator.Generate();
        var result = await accounts.CreateAsync(Input.Email.Trim(), Input.DisplayName.Trim(), password, Input.Roles, oneTimePassword: true);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(Data.Identity.Roles.SeparationOfDutiesError) ? "Input.Roles" : "Input.Email", error.Description);
            }

            return Page();
        }

        CreatedPassword = password;
        return Page();
    }
}
