using Finsam.Domain.Formatting;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Finsam.Domain.Participants;
using Finsam.Domain.Participants.Import;
using F = Finsam.Domain.Participants.Import.EnrolmentFileFormat;

namespace Finsam.UnitTests.Participants;

public sealed class EnrolmentRowParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonKeyHasher Hasher = new(new byte[32]);

    private static readonly EnrolmentRowParser Parser = new(
        [new Insats { Id = 1, Code = "P31", Name = "Team", Kind = InsatsKind.Individual, StartDate = new(2020, 1, 1) }],
        [new Member { Id = 4, Name = "Försäkringskassan", Kind = MemberKind.SocialInsuranceAgency }],
        [new EndReasonCode { Id = 1, Name = "Subventionerad anställning", EndReason = EndReason.Work }],
        Hasher,
        Today);

    private static Dictionary<string, string> GoodRow() => new()
    {
        [F.PersonalIdentityNumber] = "19900315-1231",
        [F.ConsentDate] = "2025-01-10",
        [F.Gender] = "kvinna",
        [F.BirthYear] = "1990",
        [F.HomeMunicipality] = "Åkerby",
        [F.Education] = "Gymnasial",
        [F.Insats] = "p31",
        [F.StartDate] = "2025-01-10",
        [F.ReferringMember] = "Försäkringskassan",
        [F.SupportAtStart] = "Sjukpenning, Försörjningsstöd",
        [F.TimeInSupport] = "2–5 år",
        [F.EndDate] = "2025-09-30",
        [F.EndReason] = "Arbete",
        [F.EndReasonSubCode] = "subventionerad anställning",
        [F.SupportAtEnd] = "Lön",
        [F.FollowUp] = "",
    };

    private static (EnrolmentRow? Row, List<RowError> Errors) Parse(Dictionary<string, string> values)
    {
        var errors = new List<RowError>();
        var row = Parser.Parse(12, c => values.GetValueOrDefault(c, "").Trim(), errors);
        return (row, errors);
    }

    [Fact]
    public void Empty_optional_attributes_of_the_start_are_read_as_not_given_so_an_existing_enrolment_keeps_its_own()
    {
        var values = GoodRow();
        values[F.HomeMunicipality] = values[F.Education] = values[F.ReferringMember] = values[F.SupportAtStart] = values[F.TimeInSupport] = "";
        var (row, errors) = Parse(values);

        Assert.Empty(errors);
        Assert.NotNull(row);
        Assert.Null(row.HomeMunicipality);
        Assert.Null(row.Education);
        Assert.Null(row.ReferringMember);
        Assert.Null(row.SupportAtStart);
        Assert.Null(row.TimeInSupportBeforeStart);
        Assert.Equal((EducationLevel.UpperSecondary, IncomeSupport.SicknessBenefit | IncomeSupport.MeansTestedAllowance), (Parse(GoodRow()).Row!.Education, Parse(GoodRow()).Row!.SupportAtStart));
    }

    [Fact]
    public void A_good_row_is_read_into_typed_values_and_the_number_into_its_hash()
    {
        var values = GoodRow();
        values[F.BirthYear] = "1999";
        values[F.PersonalIdentityNumber] = "";
        values[F.ConsentDate] = "";
        var (row, errors) = Parse(values);

        Assert.Empty(errors);
        Assert.NotNull(row);
        Assert.Equal(Gender.Woman, row.Gender);
        Assert.Equal("P31", row.Insats.Code);
        Assert.Equal(IncomeSupport.SicknessBenefit | IncomeSupport.MeansTestedAllowance, row.SupportAtStart);
        Assert.Equal(TimeInSupport.TwoToFiveYears, row.TimeInSupportBeforeStart);
        Assert.Equal(EndReason.Work, row.EndReason);
        Assert.Equal("Subventionerad anställning", row.EndReasonSubCode);
        Assert.Equal(4, row.ReferringMember?.Id);
        Assert.Null(row.PersonKeyHash);
    }

    [Fact]
    public void An_identified_row_keeps_only_the_hash()
    {
        var (row, errors) = Parse(GoodRow());
        Assert.Empty(errors);
        Assert.Equal(Hasher.Hash(PersonalIdentityNumber.Parse("900315-1231", Today, out _)!), row!.PersonKeyHash);
        Assert.Equal(new DateOnly(2025, 1, 10), row.ConsentDate);
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_with_line_and_column()
    {
        var values = GoodRow();
        values[F.PersonalIdentityNumber] = "19900315-1232";
        values[F.Gender] = "Okänt";
        values[F.Insats] = "P99";
        values[F.StartDate] = "10/1/2025";
        values[F.ReferringMember] = "Skatteverket";
        values[F.SupportAtStart] = "Sjukpenning, Bidrag";
        var (row, errors) = Parse(values);

        Assert.Null(row);
        Assert.All(errors, e => Assert.Equal(12, e.Line));
        var byColumn = errors.ToDictionary(e => e.Column, e => e.Message);
        Assert.Equal("Kontrollsiffran i personnumret stämmer inte.", byColumn[F.PersonalIdentityNumber]);
        Assert.StartsWith("\"Okänt\" är inget giltigt värde. Välj bland: Kvinna, Man, Annat/ej angivet", byColumn[F.Gender], StringComparison.Ordinal);
        Assert.StartsWith("Insatsen \"P99\" finns inte.", byColumn[F.Insats], StringComparison.Ordinal);
        Assert.Equal("\"10/1/2025\" är inte ett datum. Skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-14.", byColumn[F.StartDate]);
        Assert.StartsWith("Medlemmen \"Skatteverket\" finns inte.", byColumn[F.ReferringMember], StringComparison.Ordinal);
        Assert.StartsWith("\"Bidrag\" är ingen känd försörjning.", byColumn[F.SupportAtStart], StringComparison.Ordinal);
        Assert.Equal("Rad 12, Insats: Insatsen \"P99\" finns inte. Ange insatsens kod, t.ex. P31.", errors.Single(e => e.Column == F.Insats).ToString());
    }

    [Fact]
    public void A_personnummer_needs_consent_and_must_match_the_birth_year()
    {
        var values = GoodRow();
        values[F.ConsentDate] = "";
        values[F.BirthYear] = "1991";
        var (_, errors) = Parse(values);
        Assert.Contains(errors, e => e.Column == F.ConsentDate && e.Message.StartsWith("Personnummer får bara registreras med samtycke", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Column == F.BirthYear && e.Message == "Födelseåret stämmer inte med personnumret.");
    }

    [Fact]
    public void Enrolment_rules_are_reported_against_the_file_columns()
    {
        var values = GoodRow();
        values[F.EndDate] = "2024-12-31";
        var (_, errors) = Parse(values);
        Assert.Equal((F.EndDate, "Slutdatumet ligger före startdatumet."), (Assert.Single(errors).Column, errors[0].Message));
    }

    [Fact]
    public void Required_fields_are_named_when_missing()
    {
        var (_, errors) = Parse(new Dictionary<string, string>());
        Assert.Equal([F.Gender, F.BirthYear, F.Insats, F.StartDate], errors.Select(e => e.Column));
    }

    [Fact]
    public void Every_enumeration_reads_back_from_its_swedish_name()
    {
        AssertRoundTrip<Gender>();
        AssertRoundTrip<EducationLevel>();
        AssertRoundTrip<EndReason>();
        AssertRoundTrip<TimeInSupport>();
        AssertRoundTrip<FollowUpResult>();
        foreach (var support in Enum.GetValues<IncomeSupport>().Where(s => s != IncomeSupport.None))
        {
            Assert.True(SwedishNames.TryParseSupport(SwedishNames.Of(support), out var read, out _));
            Assert.Equal(support, read);
        }

        var all = Enum.GetValues<IncomeSupport>().Aggregate((a, b) => a | b);
        Assert.True(SwedishNames.TryParseSupport(SwedishNames.Of(all), out var allRead, out _));
        Assert.Equal(all, allRead);
    }

    private static void AssertRoundTrip<T>()
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var name = value switch
            {
                Gender g => SwedishNames.Of(g),
                EducationLevel e => SwedishNames.Of(e),
                EndReason r => SwedishNames.Of(r),
                TimeInSupport t => SwedishNames.Of(t),
                FollowUpResult f => SwedishNames.Of(f),
                _ => throw new InvalidOperationException(),
            };
            Assert.True(SwedishNames.TryParse<T>(name.ToUpperInvariant(), out var read), name);
            Assert.Equal(value, read);
        }
    }
}
