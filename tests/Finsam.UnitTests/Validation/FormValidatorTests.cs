using Finsam.Data.Identity;
using Finsam.Web.Features.Admin.Users;
using Finsam.Web.Features.Participants;
using Finsam.Web.Features.Account;

namespace Finsam.UnitTests.Validation;

public sealed class FormValidatorTests
{
    [Fact]
    public void A_valid_user_passes()
    {
        var result = new UserInputValidator().Validate(new UserInput { Email = "a@b.se", DisplayName = "Anna", Roles = [Roles.Kansli] });
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Each_user_field_gets_its_own_swedish_message()
    {
        var result = new UserInputValidator().Validate(new UserInput { Email = "", DisplayName = "", Roles = ["Superuser"] });
        var messages = result.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Equal("Ange en e-postadress.", messages["Email"]);
        Assert.Equal("Ange ett namn.", messages["DisplayName"]);
        Assert.Equal("Välj bland rollerna i listan.", messages["Roles"]);
    }

    [Fact]
    public void New_passwords_must_match()
    {
        var result = new ChangePasswordInputValidator().Validate(new ChangePasswordInput
        {
            CurrentPassword = "gammalt-losenord",
            NewPassword = "nytt-langt-losenord",
            ConfirmPassword = "nytt-langt-losenord2",
        });
        Assert.Equal("Lösenorden är inte lika.", Assert.Single(result.Errors).ErrorMessage);
    }

    [Theory]
    [InlineData(2003, false)]
    [InlineData(2025, true)]
    [InlineData(null, true)]
    public void Enrolment_filters_are_checked(int? year, bool valid) =>
        Assert.Equal(valid, new EnrolmentQueryValidator().Validate(new EnrolmentQuery { Year = year }).IsValid);

    [Fact]
    public void An_unknown_status_in_the_query_is_refused() =>
        Assert.False(new EnrolmentQueryValidator().Validate(new EnrolmentQuery { Status = (EnrolmentStatus)9 }).IsValid);

    [Fact]
    public void A_correction_of_gender_or_birth_year_needs_a_reason_and_a_plausible_year()
    {
        var validator = new IdentityCorrectionInputValidator(new FixedClock());
        var good = new IdentityCorrectionInput { Gender = Finsam.Domain.Participants.Gender.Man, BirthYear = 1980, Reason = "Felregistrerad." };
        Assert.True(validator.Validate(good).IsValid);

        var messages = validator.Validate(new IdentityCorrectionInput { Gender = null, BirthYear = 2020, Reason = "  " }).Errors
            .ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Equal("Välj kön.", messages["Gender"]);
        Assert.Equal("Födelseåret ska vara mellan 1926 och 2012.", messages["BirthYear"]);
        Assert.Equal("Skriv varför uppgifterna rättas.", messages["Reason"]);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    }
}
