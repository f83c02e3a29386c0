using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Web.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Admin.Audit;

public class IndexModel(FinsamDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "fran")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "till")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "anvandare")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "handelse")]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public PagedList<AuditEntry> Results { get; private set; } = PagedList.Empty<AuditEntry>();

    public static string Describe(AuditAction action) => action switch
    {
        AuditAction.View => "Visning",
        AuditAction.Create => "Registrering",
        AuditAction.Update => "Ändring",
        AuditAction.Delete => "Borttagning",
        AuditAction.Import => "Import",
        AuditAction.Export => "Export",
        AuditAction.Anonymise => "Gallring",
        _ => action.ToString(),
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is { } f && To is { } t && f > t)
        {
            ModelState.AddModelError("fran", "Från-datumet ligger efter till-datumet.");
        }

        if (Action is { } a && !Enum.IsDefined(a))
        {
            ModelState.AddModelError("handelse", "Okänd händelse.");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Local).ToUniversalTime();
            entries = entries.Where(e => e.AtUtc >= fromUtc);
        }

        if (To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Local).ToUniversalTime();
            entries = entries.Where(e => e.AtUtc < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var name = UserName.Trim();
            entries = entries.Where(e => e.UserName != null && e.UserName.Contains(name));
        }

        if (Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        Results = await PagedList.CreateAsync(entries.OrderByDescending(e => e.Id), PageNumber, PageSize, cancellationToken);
    }
}
