using System.Text.RegularExpressions;
using Finsam.Domain.Formatting;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using static Finsam.Data.Queries.LedgerQuery;

namespace Finsam.Web.Features.Economy;

/// <summary>
/// The voucher list's search as typed in the query string (each field by its Swedish name), read into a
/// <see cref="VoucherFilter"/>; every field that cannot be read gets a Swedish message at the field.
/// </summary>
public sealed partial class VoucherSearchInput
{
    public const string NumberKey = "nummer";
    public const string FromKey = "fran";
    public const string ToKey = "till";
    public const string AmountKey = "belopp";
    public const string AccountKey = "konto";
    public const string ObjectCodeKey = "projekt";

    public string? Number { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Amount { get; set; }

    public string? Account { get; set; }

    public string? ObjectCode { get; set; }

    public bool IsEmpty => new[] { Number, From, To, Amount, Account, ObjectCode }.All(string.IsNullOrWhiteSpace);

    /// <summary>The filter, or null with the messages added to <paramref name="errors"/> under the fields' names.</summary>
    public VoucherFilter? Read(ModelStateDictionary errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var valid = errors.ErrorCount;
        var number = Blank(Number);
        if (number is not null && (number.Length > 25 || !VoucherNumber().IsMatch(number)))
        {
            errors.AddModelError(NumberKey, "Ange verifikationsnumret med siffror, gärna med serien före, till exempel A12 eller 12.");
        }

        DateOnly? Date(string? text, string key, string label)
        {
            if (Blank(text) is not { } t)
            {
                return null;
            }

            if (SwedishFormat.TryParseDate(t, out var date))
            {
                return date;
            }

            errors.AddModelError(key, $"Ange {label} som ÅÅÅÅ-MM-DD, till exempel 2025-03-31.");
            return null;
        }

        var from = Date(From, FromKey, "från-datumet");
        var to = Date(To, ToKey, "till-datumet");
        if (from is { } f && to is { } t2 && f > t2)
        {
            errors.AddModelError(FromKey, "Från-datumet ligger efter till-datumet.");
        }

        decimal? amount = null;
        if (Blank(Amount) is { } amountText)
        {
            if (SwedishFormat.TryParseDecimal(amountText, out var a) && decimal.Round(a, 2) == a && Math.Abs(a) < 1_000_000_000_000m)
            {
                amount = Math.Abs(a);
            }
            else
            {
                errors.AddModelError(AmountKey, "Ange beloppet i kronor med högst två decimaler, till exempel 1 234,50.");
            }
        }

        var account = Blank(Account);
        if (account is not null && !AccountNumber().IsMatch(account))
        {
            errors.AddModelError(AccountKey, "Ange kontot med siffror, till exempel 1930, eller början av kontonumret, till exempel 30.");
        }

        var code = Blank(ObjectCode);
        if (code is not null && (code.Length > 50 || code.Any(char.IsControl)))
        {
            errors.AddModelError(ObjectCodeKey, "Ange projektkoden som den står i bokföringen, högst 50 tecken, till exempel P25.");
        }

        return errors.ErrorCount > valid ? null : new VoucherFilter(number, from, to, amount, account, code);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^[A-Za-zÅÄÖåäö]{0,10}[\s-]*\d{1,20}$")]
    private static partial Regex VoucherNumber();

    [GeneratedRegex(@"^\d{1,10}$")]
    private static partial Regex AccountNumber();
}
