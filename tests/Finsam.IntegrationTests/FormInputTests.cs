using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Finsam.Data.Identity;
using Finsam.TestSupport;

namespace Finsam.IntegrationTests;

/// <summary>
/// Every form of every page, posted empty and posted with junk, as a user who may use it: the answer is never a
/// server error or a refused request, and what it says is Swedish in the user's words: no English framework message
/// ("The … field is required", "The value 'x' is not valid …") and no C# property name ("BirthYear", "MinAge").
/// When the answer shows the form's error summary, the page title starts with "Fel:" and every link of the error summary leads to a
/// field on the page, which is marked invalid and described by its message at the field. The pages are those of <see cref="HandlerMatrixTests.Matrix"/>, so a new page is covered as
/// soon as it is declared there.
/// </summary>
public sealed partial class FormInputTests(HandlerMatrixTests.Fixture fixture) : IClassFixture<HandlerMatrixTests.Fixture>
{
    /// <summary>Forms not posted: signing out ends the session the test runs in.</summary>
    private static readonly string[] NotPosted = ["/Konto/LoggaUt"];

    /// <summary>Pages whose forms belong to anonymous visitors (signing in); posted without a session.</summary>
    private static readonly string[] AnonymousPages = ["/Konto/LoggaIn", "/Konto/LoggaIn2FA", "/Konto/Aterstallningskod"];

    /// <summary>The role that uses a page, in this order of preference.</summary>
    private static readonly string[] RoleOrder = [Roles.Kansli, Roles.Director, Roles.Administrator, Roles.Auditor, Roles.Board];

    /// <summary>Phrases of ASP.NET Core's and FluentValidation's English default messages.</summary>
    private static readonly string[] EnglishPhrases =
    [
        "field is required", "is not valid", "is invalid", "The value", "must be", "must not", "is required",
        "not a valid", "should not", "Exception", "The field", "cannot be", "is not a", "An error occurred",
    ];

    [Fact]
    public async Task Every_form_posted_empty_or_with_junk_answers_in_Swedish_at_the_field()
    {
        var failures = new List<string>();
        var posted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var access in HandlerMatrixTests.Matrix.Where(a => a.Handler.StartsWith("GET ", StringComparison.Ordinal) && !a.Url.Contains("handler=", StringComparison.Ordinal)))
        {
            var url = fixture.Url(access.Url);
            var anonymous = AnonymousPages.Contains(url);
            var role = anonymous ? "anonym" : RoleOrder.FirstOrDefault(access.Allowed.Contains);
            if (role is null)
            {
                continue;
            }

            var client = anonymous ? fixture.Factory.AnonymousClient() : fixture.Clients[role];
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form").Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
                if (NotPosted.Any(p => action.StartsWith(p, StringComparison.Ordinal)) || !posted.Add(action))
                {
                    continue;
                }

                if (form.QuerySelector($"input[name={Finsam.Web.Validation.OnceOnlyForms.Field}]") is null)
                {
                    failures.Add($"formuläret till {action} (från {url}) saknar engångsnyckeln mot dubbla inskick");
                }

                foreach (var junk in new[] { false, true })
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                    var answer = await client.PostAsync(action, Content(form, junk), timeout.Token);
                    var what = $"{(junk ? "skräp" : "tomt")} till {action} (från {url}, som {role})";
                    failures.AddRange((await ProblemsAsync(answer)).Select(p => $"{what}: {p}"));
                }
            }
        }

        Assert.True(posted.Count > 40, $"Only {posted.Count} forms were found; the pages did not load as expected.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>What is wrong with the answer to a post, if anything.</summary>
    private static async Task<List<string>> ProblemsAsync(HttpResponseMessage answer)
    {
        var problems = new List<string>();
        if ((int)answer.StatusCode >= 500 || answer.StatusCode == HttpStatusCode.BadRequest)
        {
            problems.Add($"svarade {(int)answer.StatusCode}");
            return problems;
        }

        if (answer.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return problems;
        }

        var page = Html.Parse(await answer.Content.ReadAsStringAsync());
        var text = page.Body?.TextContent ?? "";
        problems.AddRange(EnglishPhrases.Where(p => text.Contains(p, StringComparison.Ordinal)).Select(p => $"engelsk text \"{p}\""));
        var messages = string.Join(" ", page.QuerySelectorAll(".error-summary li, .field-error").Select(e => e.TextContent));
        problems.AddRange(CodeName().Matches(messages).Select(m => m.Value).Distinct().Select(n => $"kodnamn \"{n}\" i felmeddelandet"));
        if (page.GetElementById("felrubrik") is not null)
        {
            if (!page.Title!.StartsWith("Fel:", StringComparison.Ordinal))
            {
                problems.Add($"sidtiteln \"{page.Title}\" börjar inte med \"Fel:\"");
            }

            foreach (var link in page.QuerySelectorAll(".error-summary a[href^='#']"))
            {
                var id = link.GetAttribute("href")![1..];
                if (page.GetElementById(id) is null)
                {
                    problems.Add($"felsammanfattningens länk #{id} ({link.TextContent.Trim()}) leder inte till något fält");
                }
                else if (page.GetElementById(id) is { LocalName: "input" or "select" or "textarea" } field)
                {
                    // The error at the field too: marked invalid and described by a message on the page.
                    var described = (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (field.GetAttribute("aria-invalid") != "true" || !described.Any(d => page.GetElementById(d)?.ClassList.Contains("field-error") == true))
                    {
                        problems.Add($"fältet #{id} ({link.TextContent.Trim()}) saknar aria-invalid eller sitt meddelande vid fältet");
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>The form's fields: hidden ones as the page gave them; the others empty or with junk.</summary>
    private static HttpContent Content(IHtmlFormElement form, bool junk)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var files = new List<string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "hidden" } when name == Finsam.Web.Validation.OnceOnlyForms.Field:
                    fields.Add(new(name, Guid.NewGuid().ToString("N")));   // each post a send of its own
                    break;
                case IHtmlInputElement { Type: "hidden" } hidden:
                    fields.Add(new(name, hidden.Value));
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "reset" or "image" }:
                    break;
                case IHtmlInputElement { Type: "file" }:
                    files.Add(name);
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" }:
                    if (junk)
                    {
                        fields.Add(new(name, "kanske"));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, junk ? Junk(input.Type) : ""));
                    break;
                case IHtmlSelectElement:
                    fields.Add(new(name, junk ? "999999" : ""));
                    break;
                case IHtmlTextAreaElement:
                    fields.Add(new(name, junk ? string.Concat(Enumerable.Repeat("<b>skräp</b> ' \" ; -- ", 400)) : ""));
                    break;
                case IHtmlButtonElement button when button.Type == "submit" && !string.IsNullOrEmpty(button.Value):
                    fields.Add(new(name, button.Value));
                    break;
            }
        }

        if (!(form.Enctype ?? "").Contains("multipart", StringComparison.OrdinalIgnoreCase))
        {
            return new FormUrlEncodedContent(fields);
        }

        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var name in files.Where(_ => junk))
        {
            multipart.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("inte;en;riktig\nfil;\u0000;x\n")), name, "skräp.csv");
        }

        return multipart;
    }

    private static string Junk(string type) => type switch
    {
        "number" => "inte ett tal",
        "date" => "2026-13-45",
        "month" => "2026-13",
        "email" => "inte-en-adress",
        "password" => "x",
        _ => "<script>x</script>' \"; -- " + new string('å', 300),
    };

    /// <summary>A C# identifier written as in code: two or more capitalised words run together ("BirthYear", "MinAge").</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b")]
    private static partial Regex CodeName();
}
