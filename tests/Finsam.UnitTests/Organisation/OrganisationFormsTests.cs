using Finsam.Domain.Economy;
using Finsam.Domain.Organisation;
using Finsam.Web.Features.Organisation;

namespace Finsam.UnitTests.Organisation;

public sealed class OrganisationFormsTests
{
    private static Dictionary<string, string> Errors<T>(FluentValidation.IValidator<T> validator, T input) =>
        validator.Validate(input).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    [Fact]
    public void The_forbund_needs_a_name_a_valid_organisation_number_a_seat_and_a_first_year()
    {
        var errors = Errors(new FederationInputValidator(), new FederationInput { OrganisationNumber = "222000-0001" });
        Assert.Equal("Ange förbundets namn.", errors["Name"]);
        Assert.Equal("Organisationsnumret 222000-0001 är inte giltigt: kontrollsiffran (den sista) stämmer inte.", errors["OrganisationNumber"]);
        Assert.Equal("Ange förbundets säte (kommunen där styrelsen har sitt säte).", errors["Seat"]);
        Assert.Equal("Ange förbundets första verksamhetsår i Finsam.", errors["FirstFiscalYear"]);
        Assert.Equal("Ange förbundets organisationsnummer (NNNNNN-NNNN).",
            Errors(new FederationInputValidator(), new FederationInput())["OrganisationNumber"]);

        var svg = System.Text.Encoding.UTF8.GetBytes("<svg/>");
        Assert.Equal("Logotypen ska vara en PNG- eller JPEG-bild (SVG och andra format tas inte emot).",
            Errors(new FederationInputValidator(), new FederationInput { Logo = svg })["Logo"]);
        Assert.Empty(Errors(new FederationInputValidator(),
            new FederationInput { Name = "Samordningsförbundet Norrsund", OrganisationNumber = "2220000000", Seat = "Åkerby", FirstFiscalYear = 2024 }));
    }

    [Fact]
    public void A_member_may_lack_an_organisation_number_but_not_have_a_wrong_one_or_end_before_it_starts()
    {
        Assert.Empty(Errors(new MemberInputValidator(), new MemberInput { Name = "Åkerby kommun", Kind = MemberKind.Municipality }));
        var errors = Errors(new MemberInputValidator(), new MemberInput
        {
            Name = "Åkerby kommun", Kind = MemberKind.Municipality, OrganisationNumber = "212000-1018",
            MemberFrom = new DateOnly(2025, 1, 1), MemberTo = new DateOnly(2024, 12, 31),
        });
        Assert.Equal("Organisationsnumret 212000-1018 är inte giltigt: kontrollsiffran (den sista) stämmer inte.", errors["OrganisationNumber"]);
        Assert.Equal("Medlemskapet kan inte sluta före det börjar.", errors["MemberTo"]);
        Assert.Equal("Välj vilken sorts medlem det är.", Errors(new MemberInputValidator(), new MemberInput { Name = "X" })["Kind"]);
    }

    [Fact]
    public void The_split_form_names_the_line_that_is_not_a_number()
    {
        var errors = Errors(new ContributionSplitInputValidator(), new ContributionSplitInput
        {
            Total = "nio miljoner",
            RegionPercent = "30",
            MunicipalityPercent = "20",
            Shares = [new() { MemberId = 1, Name = "Åkerby kommun", Percent = "47,1234567" }, new() { MemberId = 2, Name = "Bergsjö kommun", Percent = "femtio" }],
        });
        Assert.Equal("Ange medlemsbidraget totalt som ett belopp i kronor, t.ex. 9 000 000.", errors["Total"]);
        Assert.Equal("Ange andelen för Bergsjö kommun i procent, t.ex. 47 eller 31,4159265.", errors["Shares[1]"]);
        Assert.Single(errors.Keys, k => k.StartsWith("Shares", StringComparison.Ordinal));

        var amounts = Errors(new ContributionSplitInputValidator(), new ContributionSplitInput
        {
            Mode = ContributionMode.Amount,
            Amounts = [new() { MemberId = 1, Name = "Försäkringskassan", Amount = "5 000 000" }, new() { MemberId = 2, Name = "Region Norrsund", Amount = "mycket" }],
        });
        Assert.Equal(["Amounts[1]"], amounts.Keys);
    }

    [Fact]
    public void A_board_term_needs_a_person_a_member_and_a_start()
    {
        var errors = Errors(new BoardAssignmentInputValidator(), new BoardAssignmentInput { TermFrom = new DateOnly(2025, 1, 1), TermTo = new DateOnly(2024, 1, 1) });
        Assert.Equal("Ange ledamotens eller ersättarens namn.", errors["Name"]);
        Assert.Equal("Välj vilken medlem personen företräder.", errors["MemberId"]);
        Assert.Equal("Mandatperioden slutar före den börjar.", errors["TermTo"]);
        Assert.Equal("Ange när mandatperioden börjar.", Errors(new AuditorInputValidator(), new AuditorInput { Name = "A", AppointedByMemberId = 1 })["TermFrom"]);
        Assert.Equal("Ange förbundschefens namn.", Errors(new DirectorInputValidator(), new DirectorInput { From = new DateOnly(2025, 1, 1) })["Name"]);
    }
}
