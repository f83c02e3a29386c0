using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Finsam.Web.Validation;

/// <summary>
/// Model binding in the user's words. Its own messages are Swedish, and <see cref="BindingMessages"/> rewrites them by
/// the field's type. Nothing is required implicitly: a non-nullable string is not "required" by the framework (whose
/// message is English and names the property), it binds an empty field as "" and the feature's validator says what
/// is missing. A nullable string (an optional field) still binds an empty field as null.
/// </summary>
public static class SwedishModelBinding
{
    public static void Configure(Microsoft.AspNetCore.Mvc.MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        options.ModelMetadataDetailsProviders.Add(new EmptyStringStaysEmpty());
        options.Filters.Add<BindingMessages>();
        options.Filters.Add<OnceOnlyFormFilter>();
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => "Värdet kan inte läsas.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Värdet kan inte läsas.");
        messages.SetValueIsInvalidAccessor(_ => "Värdet kan inte läsas.");
        messages.SetValueMustBeANumberAccessor(_ => "Skriv ett tal med siffror.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Skriv ett tal med siffror.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Ett värde saknas.");
        messages.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Formuläret är tomt.");
        messages.SetValueMustNotBeNullAccessor(_ => "Ett värde saknas.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Värdet kan inte läsas.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet kan inte läsas.");
    }

    /// <summary>A non-nullable string property binds an empty field as "", never as null.</summary>
    private sealed class EmptyStringStaysEmpty : IDisplayMetadataProvider
    {
        private readonly NullabilityInfoContext _nullability = new();

        public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
        {
            if (context.Key.ModelType != typeof(string) || context.Key.PropertyInfo is not { } property)
            {
                return;
            }

            lock (_nullability)
            {
                if (_nullability.Create(property).WriteState == NullabilityState.NotNull)
                {
                    context.DisplayMetadata.ConvertEmptyStringToNull = false;
                }
            }
        }
    }
}
