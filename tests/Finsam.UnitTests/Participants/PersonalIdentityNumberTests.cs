using Finsam.Domain.Participants;

namespace Finsam.UnitTests.Participants;

public sealed class PersonalIdentityNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("19121212-1212", "191212121212", false)]
    [InlineData("191212121212", "191212121212", false)]
    [InlineData("121212-1212", "201212121212", false)]
    [InlineData("121212+1212", "191212121212", false)]
    [InlineData("701063-2391", "197010632391", true)]
    [InlineData(" 19701063-2391 ", "197010632391", true)]
    public void Valid_numbers_are_normalised_to_twelve_digits(string text, string normalised, bool coordination)
    {
        var number = PersonalIdentityNumber.Parse(text, Today, out var error);
        Assert.Null(error);
        Assert.NotNull(number);
        Assert.Equal(normalised, number.Normalised);
        Assert.Equal(coordination, number.IsCoordinationNumber);
    }

    [Fact]
    public void A_coordination_number_gives_the_real_birth_date() =>
        Assert.Equal(new DateOnly(1970, 10, 3), PersonalIdentityNumber.Parse("701063-2391", Today, out _)!.BirthDate);

    [Theory]
    [InlineData("19121212-1213", "Kontrollsiffran i personnumret stämmer inte.")]
    [InlineData("19990230-1234", "Datumet i personnumret finns inte.")]
    [InlineData("19991301-1234", "Datumet i personnumret finns inte.")]
    [InlineData("20301212-1212", "Datumet i personnumret ligger i framtiden.")]
    [InlineData("1212121212121", "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.")]
    [InlineData("19121212-12a2", "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.")]
    [InlineData("1912-1212-1212", "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.")]
    [InlineData("19121212+1212", "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.")]
    [InlineData("", "Personnumret saknas.")]
    public void Invalid_numbers_are_refused_with_the_reason(string text, string expected)
    {
        Assert.Null(PersonalIdentityNumber.Parse(text, Today, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void The_number_never_shows_in_its_text_form()
    {
        var number = PersonalIdentityNumber.Parse("19121212-1212", Today, out _)!;
        Assert.DoesNotContain("1212", number.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_recognises_the_person_in_any_written_form_and_depends_on_the_key()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var hasher = new PersonKeyHasher(key);
        var a = hasher.Hash(PersonalIdentityNumber.Parse("19121212-1212", Today, out _)!);
        var b = hasher.Hash(PersonalIdentityNumber.Parse("121212+1212", Today, out _)!);
        var other = new PersonKeyHasher(key.Select(x => (byte)(x + 1)).ToArray()).Hash(PersonalIdentityNumber.Parse("19121212-1212", Today, out _)!);

        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.NotEqual(a, other);
        Assert.DoesNotContain("121212", a, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_key_is_refused() => Assert.Throws<ArgumentException>(() => new PersonKeyHasher(new byte[16]));
}
