using Finsam.Web.Features.Economy;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Finsam.UnitTests.Economy;

/// <summary>The voucher list's search as typed: read into a filter, or a Swedish message at each field that cannot be read.</summary>
public sealed class VoucherSearchInputTests
{
    [Fact]
    public void Readable_input_becomes_the_filter()
    {
        var errors = new ModelStateDictionary();
        var filter = new VoucherSearchInput { Number = " A 12 ", From = "2025-01-01", To = "2025-01-31", Amount = "−1 234,50", Account = "30", ObjectCode = "p25" }.Read(errors);
        Assert.True(errors.IsValid);
        Assert.NotNull(filter);
        Assert.Equal("A 12", filter.Number);
        Assert.Equal(new DateOnly(2025, 1, 1), filter.From);
        Assert.Equal(new DateOnly(2025, 1, 31), filter.To);
        Assert.Equal(1234.50m, filter.Amount);
        Assert.Equal("30", filter.Account);
        Assert.Equal("p25", filter.ObjectCode);
    }

    [Fact]
    public void Empty_input_is_no_filter_at_all()
    {
        var input = new VoucherSearchInput { Number = " ", ObjectCode = "" };
        Assert.True(input.IsEmpty);
        Assert.Equal(new Finsam.Data.Queries.LedgerQuery.VoucherFilter(), input.Read(new ModelStateDictionary()));
    }

    [Theory]
    [InlineData("nummer", "<script>")]
    [InlineData("nummer", "12a")]
    [InlineData("fran", "2025-02-30")]
    [InlineData("fran", "30/1/2025")]
    [InlineData("till", "igår")]
    [InlineData("belopp", "12abc")]
    [InlineData("belopp", "1,005")]
    [InlineData("konto", "19x")]
    [InlineData("konto", "12345678901")]
    [InlineData("projekt", "P\u0001")]
    public void Unreadable_input_gets_a_Swedish_message_at_its_field(string field, string value)
    {
        var input = new VoucherSearchInput();
        switch (field)
        {
            case "nummer": input.Number = value; break;
            case "fran": input.From = value; break;
            case "till": input.To = value; break;
            case "belopp": input.Amount = value; break;
            case "konto": input.Account = value; break;
            default: input.ObjectCode = value; break;
        }

        var errors = new ModelStateDictionary();
        Assert.Null(input.Read(errors));
        var message = Assert.Single(Assert.Single(errors, e => e.Key == field).Value!.Errors).ErrorMessage;
        Assert.StartsWith("Ange ", message, StringComparison.Ordinal);
        Assert.Equal(1, errors.ErrorCount);
    }

    [Fact]
    public void A_from_date_after_the_to_date_is_refused_at_the_from_date()
    {
        var errors = new ModelStateDictionary();
        Assert.Null(new VoucherSearchInput { From = "2025-05-01", To = "2025-04-01" }.Read(errors));
        Assert.Equal("Från-datumet ligger efter till-datumet.", errors["fran"]!.Errors.Single().ErrorMessage);
    }
}
