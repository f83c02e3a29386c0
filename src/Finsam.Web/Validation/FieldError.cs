using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Finsam.Web.Validation;

/// <summary>A problem with one form field, found by a service rather than by the form's validator.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The outcome of a change made by a service: done, or refused with the reasons.</summary>
public sealed record ChangeResult(IReadOnlyList<FieldError> Errors)
{
    public static ChangeResult Done { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static ChangeResult Refused(string field, string message) => new([new FieldError(field, message)]);
}

public static class FieldErrorExtensions
{
    /// <summary>Copies the errors to ModelState under the form's prefix ("Input.StartDate"); an empty prefix keeps the field's name.</summary>
    public static void AddTo(this IEnumerable<FieldError> errors, ModelStateDictionary modelState, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in errors)
        {
            var key = error.Field.Length == 0 || prefix.Length == 0 ? error.Field
                : error.Field.StartsWith('[') ? prefix + error.Field : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, error.Message);
        }
    }
}
