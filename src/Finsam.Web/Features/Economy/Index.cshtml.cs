using Finsam.Data;
using Finsam.Domain.Economy;
using Finsam.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

public class IndexModel(FinsamDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public sealed record Row(FiscalYear Year, LedgerImport? Import);

    public IReadOnlyList<Row> Years { get; private set; } = [];

    public bool CanImport { get; private set; }

    /// <summary>Next calendar year, whose budget is usually made before it starts.</summary>
    public int NextYear => clock.GetLocalNow().Year + 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanImport = await authorization.AllowsAsync(User, "/Economy/Import", HttpMethods.Post);
        var years = await db.FiscalYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync(cancellationToken);
        var imports = await db.LedgerImports.AsNoTracking().ToDictionaryAsync(i => i.FiscalYearId, cancellationToken);
        Years = years.Select(y => new Row(y, imports.GetValueOrDefault(y.Id))).ToList();
    }
}
