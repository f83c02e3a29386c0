using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Finsam.Web.Validation;

/// <summary>
/// The messages for a value that cannot be read (a date of "2026-13-45", a number of "tolv", a box ticked with a
/// forged value), in the user's words: what to write, never the C# property name or the value echoed back. Model
/// binding's own messages know neither the field's type nor its label, so this filter rewrites every error present
/// before the handler runs (only binding makes those: validation runs in the handlers) by the type of the field the
/// key names, with the field's <see cref="DisplayAttribute"/> name in front where the form has one. An error of a
/// handler parameter (e.g. <c>?active=</c>), which has no field on the page, goes to the summary without a link.
/// </summary>
public sealed class BindingMessages : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modelState = context.ModelState;
        if (modelState.IsValid)
        {
            return;
        }

        var rewritten = new List<(string Key, string Message)>();
        foreach (var (key, entry) in modelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
        {
            var (type, label, isParameter) = Resolve(context, key);
            var message = Message(type, label);
            rewritten.Add((isParameter ? "" : key, message));
            entry!.Errors.Clear();
        }

        foreach (var (key, message) in rewritten.Distinct())
        {
            modelState.AddModelError(key, message);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    /// <summary>The message for a value of <paramref name="type"/> that cannot be read.</summary>
    public static string Message(Type? type, string? label)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        var what = t switch
        {
            _ when t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) => "skriv datumet som åååå-mm-dd, t.ex. 2026-03-31.",
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => "skriv ett heltal med siffror.",
            _ when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => "skriv ett tal med siffror, t.ex. 1 234,50.",
            _ when t == typeof(bool) => "välj ja eller nej.",
            _ when t is { IsEnum: true } => "välj ett av alternativen.",
            _ when t == typeof(Guid) => "formuläret är inaktuellt. Ladda om sidan och försök igen.",
            _ => "värdet kan inte läsas. Kontrollera det och försök igen.",
        };
        return string.IsNullOrWhiteSpace(label) ? char.ToUpperInvariant(what[0]) + what[1..] : $"{label}: {what}";
    }

    /// <summary>The type and label of the field a model-state key names ("Input.Lines[2].Cost"), walking the page model.</summary>
    private static (Type? Type, string? Label, bool IsParameter) Resolve(PageHandlerExecutingContext context, string key)
    {
        var segments = key.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return (null, null, true);
        }

        var first = Name(segments[0]);
        var parameter = context.HandlerMethod?.Parameters.FirstOrDefault(p => string.Equals(p.Name, first, StringComparison.OrdinalIgnoreCase));
        var pageProperty = context.HandlerInstance.GetType().GetProperty(first, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (pageProperty is null && parameter is not null)
        {
            return (segments.Length == 1 ? parameter.ParameterType : null, null, true);
        }

        Type? type = context.HandlerInstance.GetType();
        PropertyInfo? property = null;
        foreach (var segment in segments)
        {
            property = type?.GetProperty(Name(segment), BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            type = property?.PropertyType;
            for (var i = 0; i < segment.Count(c => c == '['); i++)
            {
                type = ElementType(type);
            }
        }

        return (type, property?.GetCustomAttribute<DisplayAttribute>()?.GetName(), false);
    }

    private static string Name(string segment) => segment.Split('[')[0];

    private static Type? ElementType(Type? type) =>
        type is null ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
