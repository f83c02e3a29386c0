using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Finsam.Web.Authorization;

/// <summary>
/// Who may use each page and each of its handlers, GET and POST: the one declaration of page access. A handler's
/// policies are every <see cref="Pages"/> entry whose folder or page contains it, plus its own <see cref="Handlers"/>
/// entry; all must pass. A page no entry covers gets the fallback policy (a signed-in user with a role).
/// <see cref="PageAccessConvention"/> applies the table when the pages are built; the role matrix test in
/// tests/Finsam.IntegrationTests/HandlerMatrixTests.cs checks every handler against the expected roles.
/// </summary>
public static class PageAccess
{
    /// <summary>Open to everyone, signed in or not.</summary>
    public const string Anonymous = "(anonym)";

    /// <summary>A folder or a page (view engine path) and the policy of every handler in it.</summary>
    public static readonly IReadOnlyList<(string Path, string Policy)> Pages =
    [
        ("/Index", Policies.SignedIn),
        ("/Error", Anonymous),
        ("/Account", Policies.SignedIn),
        ("/Account/SignIn", Anonymous),
        ("/Account/SignInTwoFactor", Anonymous),
        ("/Account/RecoveryCode", Anonymous),
        ("/Admin", Policies.Administration),
        ("/Insatser", Policies.Registration),
        ("/Participants", Policies.ParticipantData),
        ("/Participants/Correct", Policies.ParticipantData), // "Rätta uppgifter": Kansli, Förbundschef (stated for the record; the folder already says it)
        ("/Participants/Search", Policies.ParticipantData), // the header's search: Kansli, Förbundschef; never Styrelse, Revisor, Administratör
        ("/Worklist", Policies.ParticipantData), // "Att göra": lists of enrolments, so person-level data
        ("/Overview", Policies.Overview),
        ("/Overview/InsatsGoals", Policies.Overview), // the board's drill-down to an insats's goals: aggregates only (stated for the record; the folder already says it)
        ("/Economy", Policies.Economy),
        ("/Economy/Import", Policies.EconomyImport),
        // The auditor's ledger views (huvudbok, verifikationslista, a voucher, a statement line's accounts): ledger data,
        // not participant data; read by the saldobalans's roles (stated for the record; the folder already says it).
        ("/Economy/Ledger", Policies.Economy),
        ("/Economy/Vouchers", Policies.Economy),
        ("/Economy/Voucher", Policies.Economy),
        ("/Economy/StatementLine", Policies.Economy),
        ("/Goals", Policies.GoalManagement),
        ("/AnnualReport", Policies.Report),
        ("/AnnualReport/Text", Policies.ReportAuthor),
        ("/AnnualReport/Sections", Policies.ReportAuthor),
        ("/AnnualReport/Signatories", Policies.ReportAuthor),
        ("/AnnualReport/Adopt", Policies.ReportAuthor),
        ("/AnnualReport/Reopen", Policies.ReportAuthor),
        // Background jobs ("Mina jobb"): every signed-in user has their own; the page itself shows a job only to the user
        // who started it and to the förbundschef (Jobs/JobAccess), since that depends on the job, not on the role alone.
        ("/Jobs", Policies.SignedIn),
        ("/Setup", Policies.Setup),
        ("/Organisation", Policies.Setup),
    ];

    /// <summary>Handlers that need more than their page: the page, the HTTP method, the handler's name (null: the unnamed one) and the policy.</summary>
    public static readonly IReadOnlyList<(string Page, string Method, string? Handler, string Policy)> Handlers =
    [
        ("/Economy/AccountMapping", "POST", "Save", Policies.EconomyImport),
        ("/Economy/AccountMapping", "POST", "Remove", Policies.EconomyImport),
        ("/Economy/MemberContributions", "POST", null, Policies.EconomyImport),
        ("/Economy/Budget", "POST", null, Policies.EconomyImport),
        ("/Economy/Budget", "POST", "Import", Policies.EconomyImport),
        ("/Economy/Statements", "POST", "Ceiling", Policies.EconomyImport),
        ("/Economy/Statements", "POST", "Balanskrav", Policies.EconomyImport),
        ("/Economy/Ledger", "GET", "Excel", Policies.Economy),
        ("/Economy/Vouchers", "GET", "Excel", Policies.Economy),
    ];

    /// <summary>The policies of a page's handler, page entries first; empty: the fallback policy.</summary>
    public static IReadOnlyList<string> PoliciesOf(string page, string method, string? handler)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(method);
        return Pages.Where(p => Contains(p.Path, page)).Select(p => p.Policy)
            .Concat(Handlers.Where(h => h.Page == page && string.Equals(h.Method, method, StringComparison.OrdinalIgnoreCase) && h.Handler == handler).Select(h => h.Policy))
            .ToList();
    }

    /// <summary>Whether the user may use a page's handler: for showing a form or a link only to those who may post it.</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string page, string method, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var policies = PoliciesOf(page, method, handler);
        if (policies.Contains(Anonymous))
        {
            return true;
        }

        foreach (var policy in policies.DefaultIfEmpty(Policies.SignedIn))
        {
            if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a table path (a folder or a page) covers a page: "/Account" covers "/Account/SignIn", "/Economy/Index" only itself.</summary>
    public static bool Contains(string path, string page)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(page);
        return page == path || page.StartsWith(path + "/", StringComparison.Ordinal);
    }
}

/// <summary>
/// Applies <see cref="PageAccess"/> to every page as it is built: the page's policies become its endpoint's
/// authorisation metadata, and a page with handler entries gets a <see cref="HandlerPolicyFilter"/>. A handler entry
/// that names no handler of its page stops the start, so a typo can never leave a handler open.
/// </summary>
public sealed class PageAccessConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var page = model.ViewEnginePath;
        foreach (var (_, policy) in PageAccess.Pages.Where(p => PageAccess.Contains(p.Path, page)))
        {
            model.EndpointMetadata.Add(policy == PageAccess.Anonymous ? new AllowAnonymousAttribute() : new AuthorizeAttribute(policy));
        }

        var handlers = PageAccess.Handlers.Where(h => h.Page == page).ToList();
        foreach (var (_, method, name, _) in handlers)
        {
            if (!model.HandlerMethods.Any(m => string.Equals(m.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && m.HandlerName == name))
            {
                throw new InvalidOperationException($"PageAccess.Handlers names {method} {page}?handler={name}, which the page does not have.");
            }
        }

        if (handlers.Count > 0)
        {
            model.Filters.Add(new HandlerPolicyFilter(handlers.ToDictionary(h => (h.Method.ToUpperInvariant(), h.Handler), h => h.Policy)));
        }
    }
}

/// <summary>Checks a handler's own policy once Razor Pages has chosen the handler; a refused user is sent to the access-denied page.</summary>
public sealed class HandlerPolicyFilter(IReadOnlyDictionary<(string Method, string? Handler), string> policies) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod is { } handler && policies.TryGetValue((handler.HttpMethod.ToUpperInvariant(), handler.Name), out var policy))
        {
            var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
            var user = context.HttpContext.User;
            if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                context.Result = user.Identity?.IsAuthenticated == true ? new ForbidResult() : new ChallengeResult();
                return;
            }
        }

        await next();
    }
}
