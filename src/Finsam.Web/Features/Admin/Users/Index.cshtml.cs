using Finsam.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Admin.Users;

public class IndexModel(FinsamDbContext db, TimeProvider clock) : PageModel
{
    public sealed record UserRow(string Id, string DisplayName, string? Email, IReadOnlyList<string> Roles, string Status, DateTime? LastSignInAtUtc);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync();
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        Users = users.Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email,
                rolesByUser[u.Id].Order().ToList(),
                !u.IsActive ? "Inaktiverad" : u.LockoutEnd > now ? "Tillfälligt spärrad" : "Aktiv",
                u.LastSignInAtUtc))
            .ToList();
    }
}
