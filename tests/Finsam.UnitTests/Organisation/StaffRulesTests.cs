using Finsam.Domain.Organisation;
using Finsam.Web.Features.Organisation;

namespace Finsam.UnitTests.Organisation;

/// <summary>The kansli register: how the report words the year's kansli, the order, and what the form refuses.</summary>
public sealed class StaffRulesTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly DateOnly End = new(2025, 12, 31);

    [Fact]
    public void The_kansli_of_a_year_is_one_sentence_as_the_förbund_s_reports_word_it()
    {
        var staff = StaffRules.InOrder(
        [
            new StaffMember { Name = "Cilla", Title = "processledare", EmploymentPercent = 75m, From = new(2025, 3, 1) },
            new StaffMember { Name = "Bo", Title = "ekonom", EmploymentPercent = 12.5m, From = new(2020, 1, 1), To = new(2025, 6, 30) },
            new StaffMember { Name = "Anna", Title = "förbundschef", EmploymentPercent = 100m, From = new(2021, 1, 1) },
        ]);

        Assert.Equal(["Anna", "Bo", "Cilla"], staff.Select(s => s.Name));
        Assert.Equal("Kansliet har under 2025 bestått av förbundschef 100\u00a0%, ekonom 12,5\u00a0% (till 2025-06-30) och processledare 75\u00a0% (från 2025-03-01).",
            StaffRules.Sentence(2025, Start, End, staff));
        Assert.Null(StaffRules.Sentence(2025, Start, End, []));
    }

    [Fact]
    public void The_same_person_in_the_same_befattning_twice_at_once_is_refused()
    {
        var existing = new StaffMember { Id = 1, Name = "Anna Ek", Title = "ekonom", From = new(2024, 1, 1) };
        Assert.Equal(["Anna Ek är redan ekonom från 2024-01-01: perioderna överlappar."],
            StaffRules.Check(new StaffMember { Name = "anna ek", Title = "Ekonom", From = new(2025, 1, 1) }, [existing]));
        Assert.Empty(StaffRules.Check(new StaffMember { Name = "Anna Ek", Title = "processledare", From = new(2025, 1, 1) }, [existing]));
        Assert.Empty(StaffRules.Check(existing, [existing]));
    }

    [Theory]
    [InlineData("100", null)]
    [InlineData("12,5 %", null)]
    [InlineData("0", "Skriv tjänstgöringsgraden som ett tal större än 0 och högst 100 (procent), t.ex. 50 eller 12,5.")]
    [InlineData("120", "Skriv tjänstgöringsgraden som ett tal större än 0 och högst 100 (procent), t.ex. 50 eller 12,5.")]
    [InlineData("hälften", "Skriv tjänstgöringsgraden som ett tal större än 0 och högst 100 (procent), t.ex. 50 eller 12,5.")]
    [InlineData("", "Ange tjänstgöringsgraden i procent, t.ex. 100 eller 50.")]
    public void The_form_reads_the_tjänstgöringsgrad_in_percent(string percent, string? message)
    {
        var input = new StaffInput { Name = "Anna", Title = "ekonom", EmploymentPercent = percent, From = Start };
        var result = new StaffInputValidator().Validate(input);
        Assert.Equal(message is null ? [] : [(nameof(StaffInput.EmploymentPercent), message)],
            result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
    }
}
