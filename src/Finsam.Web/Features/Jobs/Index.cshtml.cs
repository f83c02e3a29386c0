using System.Security.Claims;
using Finsam.Web.Jobs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Jobs;

/// <summary>"Mina jobb": the user's jobs of the last day, newest first; the förbundschef also sees the other users' jobs.</summary>
public class IndexModel(JobStore jobs) : PageModel
{
    public IReadOnlyList<Job> Mine { get; private set; } = [];

    /// <summary>For the förbundschef: the other users' jobs.</summary>
    public IReadOnlyList<Job> Others { get; private set; } = [];

    public bool SeesOthers { get; private set; }

    public void OnGet()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Mine = jobs.List(me);
        SeesOthers = User.IsInRole(Finsam.Data.Identity.Roles.Director);
        if (SeesOthers)
        {
            Others = jobs.List(null).Where(j => j.OwnerId != me).ToList();
        }
    }
}
