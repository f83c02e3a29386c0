using Finsam.Web.Features.Participants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Participants;

public class RetentionModel(RetentionService retention) : PageModel
{
    public int RetentionYears => retention.RetentionYears;

    public DateOnly Cutoff => retention.Cutoff;

    public int Expired { get; private set; }

    public RetentionService.Report? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Expired = await retention.CountExpiredAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Report = await retention.RunAsync(cancellationToken);
        Expired = await retention.CountExpiredAsync(cancellationToken);
        return Page();
    }
}
