using Finsam.Data.Identity;
using Finsam.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Account;

/// <summary>
/// Two-factor sign-in for the signed-in user: connect an authenticator app (QR code or key, then a code to prove it),
/// get recovery codes, make new ones, or turn it off (not for roles that require it).
/// </summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public const string Issuer = "Finsam";

    [BindProperty]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public string? SharedKey { get; private set; }

    public string? QrCode { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>New recovery codes: shown once, right after they are made.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }

        var code = TwoFactor.CleanCode(Code);
        Code = "";
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Ange koden som appen visar.");
            return await ShowAsync(user);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Koden stämmer inte. Kontrollera att telefonens klocka går rätt och ange den kod som visas nu.");
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, enabled: true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        Message = "Tvåstegsverifiering är aktiverad. Från nästa inloggning frågar Finsam efter en kod från appen.";
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }

        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount) ?? []];
        Message = "Nya återställningskoder är skapade. De gamla fungerar inte längre.";
        return await ShowAsync(user);
    }

    /// <summary>Forgets the app: a new key must be connected. For roles that require two-factor, at once.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, enabled: false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = TwoFactor.IsRequired(User) || (await users.GetRolesAsync(user)).Any(TwoFactor.RequiredForRoles.Contains);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = TwoFactor.FormatKey(key);
        QrCode = TwoFactor.QrCodeDataUri(TwoFactor.AuthenticatorUri(Issuer, user.Email ?? user.UserName ?? "", key));
        return Page();
    }
}
