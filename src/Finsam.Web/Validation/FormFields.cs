using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Finsam.Web.Validation;

/// <summary>
/// The errors of one form field, for showing the message at the field as well as in the error summary: the field's
/// element id (the model key as the input tag helper makes ids, as <c>_FormErrors</c> links to it) and the id of its message.
/// </summary>
public static class FieldErrors
{
    /// <summary>The messages for the field <paramref name="key"/> (e.g. "Input.OrganisationNumber").</summary>
    public static IReadOnlyList<string> Of(ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
    }

    /// <summary>The id of the field's message, for aria-describedby; null when the field has no error.</summary>
    public static string? MessageId(ModelStateDictionary modelState, string key) =>
        Of(modelState, key).Count == 0 ? null : ElementId(key) + "-fel";

    /// <summary>"true" when the field has an error, for aria-invalid; null otherwise.</summary>
    public static string? Invalid(ModelStateDictionary modelState, string key) => Of(modelState, key).Count == 0 ? null : "true";

    /// <summary>The field's element id, as the input tag helper makes it: "Input.Lines[2].Cost" → "Input_Lines_2__Cost".</summary>
    public static string ElementId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId(key, "_");
    }
}

/// <summary>A labelled input with its hint and its messages (<c>_InputField</c>): the model key, e.g. "NewAuditor.Name".</summary>
public sealed record InputField(string Key, string Label, string? Value, string Type = "text", string? Hint = null, bool Inline = false);

/// <summary>
/// The removal part of an edit page (<c>_RemoveForm</c>): what removing means (<paramref name="Hint"/>), the sentence the
/// user ticks to confirm, and the button. The page's Delete handler refuses a post without the tick
/// (<see cref="NotConfirmed"/>), so a slip of the mouse on a list never removes anything.
/// </summary>
public sealed record RemoveForm(Guid Version, string Hint, string Confirm, string Button)
{
    /// <summary>The confirmation checkbox's id and model key.</summary>
    public const string ConfirmField = "bekrafta";

    /// <summary>The message for a Delete post without the tick, at the confirmation box (the edit form's own messages cleared).</summary>
    public static void NotConfirmed(ModelStateDictionary modelState, string what)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        modelState.Clear();
        modelState.AddModelError(ConfirmField, $"Kryssa i rutan för att bekräfta att {what} ska tas bort.");
    }

    /// <summary>
    /// The Delete post of an edit page whose form is filled: without the tick, or when the handler refuses (a closed
    /// year, someone else's change), the page again with the reason; otherwise <paramref name="done"/> and the list.
    /// </summary>
    /// <param name="what">What is removed, for the message, e.g. "revisorn Eva Revisor".</param>
    public static async Task<Microsoft.AspNetCore.Mvc.IActionResult> DeleteAsync(
        Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, bool confirm, string what, Func<Task<ChangeResult>> remove, string done, string listPage)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(remove);
        if (!confirm)
        {
            NotConfirmed(page.ModelState, what);
            return page.Page();
        }

        var result = await remove();
        if (!result.Succeeded)
        {
            FieldErrorExtensions.AddTo(result.Errors, page.ModelState, prefix: "");
            return page.Page();
        }

        page.TempData["Meddelande"] = done;
        return page.RedirectToPage(listPage);
    }
}
