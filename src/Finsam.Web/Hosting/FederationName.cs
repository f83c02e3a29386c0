using Finsam.Data;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Hosting;

/// <summary>The förbund's name for the page header, read once per request.</summary>
public sealed class FederationName(FinsamDbContext db)
{
    private string? _name;
    private bool _loaded;

    public async Task<string?> GetAsync()
    {
        if (!_loaded)
        {
            _name = await db.Federations.AsNoTracking().OrderBy(f => f.Id).Select(f => f.Name).FirstOrDefaultAsync();
            _loaded = true;
        }

        return _name;
    }
}
