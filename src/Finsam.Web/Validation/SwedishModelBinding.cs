namespace Finsam.Web.Validation;

/// <summary>Model binding's own messages (a date or number that cannot be read) in Swedish.</summary>
public static class SwedishModelBinding
{
    public static void Configure(Microsoft.AspNetCore.Mvc.MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"\"{value}\" är inte ett giltigt värde för {field}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"\"{value}\" är inte ett giltigt värde.");
        messages.SetValueIsInvalidAccessor(value => $"\"{value}\" är inte ett giltigt värde.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} ska vara ett tal.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Värdet ska vara ett tal.");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field} saknas.");
        messages.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Formuläret är tomt.");
        messages.SetValueMustNotBeNullAccessor(value => $"Ett värde behövs för {value}.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Värdet för {field} är ogiltigt.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet är ogiltigt.");
    }
}
