using Finsam.Data.Identity;
using FluentValidation;

namespace Finsam.Web.Features.Admin.Users;

/// <summary>The form for creating a user or changing one's roles.</summary>
public sealed class UserInput
{
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Email).NotEmpty().WithMessage("Ange en e-postadress.")
            .EmailAddress().WithMessage("Ange en giltig e-postadress.")
            .MaximumLength(256).WithMessage("E-postadressen får vara högst 256 tecken.");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Ange ett namn.")
            .MaximumLength(200).WithMessage("Namnet får vara högst 200 tecken.");
        RuleFor(x => x.Roles).NotEmpty().WithMessage("Välj minst en roll.");
        RuleFor(x => x.Roles).Must(roles => roles.All(Data.Identity.Roles.All.Contains)).WithMessage("Välj bland rollerna i listan.");
    }
}
