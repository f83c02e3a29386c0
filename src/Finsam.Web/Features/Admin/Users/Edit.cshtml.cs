using Finsam.Data.Identity;
using Finsam.Web.Identity;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Admin.Users;

public class EditModel(UserManager<AppUser> users, UserAccounts accounts) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public bool IsActive { get; private set; }

    /// <summary>The administrator is looking at their own account, which they may not deactivate or demote.</summary>
    public bool IsSelf { get; private set; }

    public string? Message { get; private set; }

    public string? NewPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        Input.Email = user.Email ?? "";
        var valid = await new UserInputValidator().ValidateIntoAsync(Input, ModelState);
        if (user.Id == users.GetUserId(User) && !Input.Roles.Contains(Roles.Administrator))
        {
            ModelState.AddModelError("Input.Roles", "Du kan inte ta bort din egen administratörsroll.");
            valid = false;
        }

        if (!valid)
        {
            IsActive = user.IsActive;
            IsSelf = user.Id == users.GetUserId(User);
            return Page();
        }

        var result = await accounts.UpdateAccountAsync(user, Input.DisplayName, Input.Roles);

        AddErrors(result);
        await LoadAsync(user);
        Message = result.Succeeded ? "Ändringarna är sparade." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var password = PasswordGenerator.Generate();
        var result = await accounts.ResetPasswordAsync(user, password, oneTimePassword: true);
        AddErrors(result);
        await LoadAsync(user);
        if (result.Succeeded)
        {
            Message = "Lösenordet är ändrat och eventuell spärr är hävd. Det gäller en gång: användaren väljer ett nytt vid nästa inloggning.";
            NewPassword = password;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSetActiveAsync(string id, bool active)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            ModelState.AddModelError("", "Du kan inte inaktivera ditt eget konto.");
        }
        else
        {
            AddErrors(await accounts.SetActiveAsync(user, active));
        }

        await LoadAsync(user);
        Message = ModelState.IsValid ? (active ? "Kontot är aktiverat." : "Kontot är inaktiverat och utloggat.") : null;
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        Input = new UserInput
        {
            Email = user.Email ?? "",
            DisplayName = user.DisplayName,
            Roles = [.. await users.GetRolesAsync(user)],
        };
        IsActive = user.IsActive;
        IsSelf = user.Id == users.GetUserId(User);
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code == nameof(Roles.SeparationOfDutiesError) ? "Input.Roles" : "", error.Description);
        }
    }
}
