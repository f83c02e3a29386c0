using Microsoft.AspNetCore.Identity;

namespace Finsam.Web.Identity;

/// <summary>ASP.NET Core Identity's error messages in Swedish.</summary>
public sealed class SwedishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Ett okänt fel inträffade.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Någon annan har ändrat användaren under tiden. Ladda om sidan och försök igen.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Fel lösenord.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Ogiltig eller utgången kod.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"Användarnamnet {userName} är ogiltigt.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"E-postadressen {email} är ogiltig.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"Det finns redan en användare med e-postadressen {userName}.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), $"Det finns redan en användare med e-postadressen {email}.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"Rollen {role} finns inte.");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"Rollen {role} finns redan.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Användaren har redan rollen {role}.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Användaren har inte rollen {role}.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Kontospärr är inte aktiverad för användaren.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Användaren har redan ett lösenord.");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"Lösenordet måste ha minst {length} tecken.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Lösenordet måste innehålla minst {uniqueChars} olika tecken.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "Lösenordet måste innehålla minst ett specialtecken.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Lösenordet måste innehålla minst en siffra.");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Lösenordet måste innehålla minst en liten bokstav.");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Lösenordet måste innehålla minst en stor bokstav.");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Återställningskoden gick inte att använda.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
