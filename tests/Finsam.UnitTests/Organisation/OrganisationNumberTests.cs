using Finsam.Domain.Organisation;

namespace Finsam.UnitTests.Organisation;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("202100-5521", "202100-5521")]   // Försäkringskassan
    [InlineData("2021005521", "202100-5521")]
    [InlineData(" 202100 2114 ", "202100-2114")] // Arbetsförmedlingen
    [InlineData("222000-0000", "222000-0000")]
    [InlineData("212000-1017", "212000-1017")]
    [InlineData("232100\u22120016", "232100-0016")]
    public void A_valid_number_is_stored_as_NNNNNN_NNNN(string input, string expected)
    {
        Assert.Equal(expected, OrganisationNumber.Normalise(input, out var problem));
        Assert.Null(problem);
        Assert.True(OrganisationNumber.IsValid(input));
    }

    [Fact]
    public void A_wrong_check_digit_is_refused_in_swedish()
    {
        Assert.Null(OrganisationNumber.Normalise("202100-5522", out var problem));
        Assert.Equal("Organisationsnumret 202100-5522 är inte giltigt: kontrollsiffran (den sista) stämmer inte.", problem);
    }

    [Theory]
    [InlineData("20210-05521")]
    [InlineData("202100-552")]
    [InlineData("20210055211")]
    [InlineData("abcdef-ghij")]
    [InlineData("")]
    public void A_number_without_ten_digits_is_refused_in_swedish(string input)
    {
        Assert.Null(OrganisationNumber.Normalise(input, out var problem));
        Assert.StartsWith("Organisationsnumret ska ha tio siffror", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("556036079", 3)]   // 556036-0793
    [InlineData("202100552", 1)]
    [InlineData("212000101", 7)]
    public void The_check_digit_is_luhn(string nine, int check) => Assert.Equal(check, OrganisationNumber.CheckDigit(nine));

    [Fact]
    public void Only_png_and_jpeg_logos_within_the_size_limit_are_accepted()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0];
        var svg = System.Text.Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        Assert.Equal(FederationLogo.Png, FederationLogo.Check(png, out _));
        Assert.Equal(FederationLogo.Jpeg, FederationLogo.Check(jpeg, out _));
        Assert.Null(FederationLogo.Check(svg, out var problem));
        Assert.Equal("Logotypen ska vara en PNG- eller JPEG-bild (SVG och andra format tas inte emot).", problem);
        var large = new byte[FederationLogo.MaxBytes + 1];
        png.CopyTo(large, 0);
        Assert.Null(FederationLogo.Check(large, out problem));
        Assert.Equal("Logotypen får vara högst 512 kB, den är 513 kB.", problem);
    }
}
