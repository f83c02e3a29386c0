using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Finsam.Web.Validation;

/// <summary>Runs a FluentValidation validator on a form's input and copies its errors to ModelState under the input's prefix.</summary>
public static class ValidationExtensions
{
    public static async Task<bool> ValidateIntoAsync<T>(
        this IValidator<T> validator,
        T input,
        ModelStateDictionary modelState,
        string prefix = "Input",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(modelState);
        var result = await validator.ValidateAsync(input, cancellationToken);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }

        return result.IsValid && modelState.IsValid;
    }
}
