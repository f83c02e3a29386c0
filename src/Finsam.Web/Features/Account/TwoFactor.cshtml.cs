using Finsam.Data.Identity;
using Finsam.Web.Identity;
using Finsam.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Account;

/// <summary>
/// Two-factor sign-in for the signed-in user: connect an authenticator app (QR code or key, then a code to prove it),
/// get recovery codes, make new ones, or turn it off (not for roles that require it).
/// </summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserAccounts accounts) : PageModel
{
    public const string Issuer = "Finsam";

    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public string? SharedKey { get; private set; }

    public string? QrCode { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>New recovery codes: shown once, right after they are made.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>For turning two-factor sign-in off or connecting a new app: the password, or a code from the current app.</summary>
    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : await ShowAsync(user);
    }

    /// <summary>
    /// Makes a key to connect an app with, when the user has none. Only on request: a key changes the security stamp, so making one on every
    /// view signed the user out a minute later. This session is renewed with the new stamp.
    /// </summary>
    public async Task<IActionResult> OnPostSetupAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.GetTwoFactorEnabledAsync(user) && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        return RedirectToPage();
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

        // Whoever holds the session must also know the password or hold the app: a stolen session alone cannot
        // replace the second factor.
        var proven = await accounts.ProvesIdentityAsync(user, Password ?? "");   // an empty field binds as null
        Password = "";
        if (!proven)
        {
            if (await accounts.FailedProofLocksAsync(user))
            {
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/SignIn");
            }

            ModelState.AddModelError(nameof(Password), "Ange ditt lösenord eller den kod som appen visar nu.");
            return await ShowAsync(user);
        }

        await accounts.TurnOffTwoFactorAsync(user);
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
            return Page();   // the page offers to make a key (OnPostSetup)
        }

        SharedKey = TwoFactor.FormatKey(key);
        QrCode = TwoFactor.QrCodeDataUri(TwoFactor.AuthenticatorUri(Issuer, user.Email ?? user.UserName ?? "", key));
        return Page();
    }
}
