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

    /// <summary>The box the user ticks to confirm; gallring cannot be undone.</summary>
    public const string ConfirmField = "bekrafta";

    public async Task<IActionResult> OnPostAsync(bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            Expired = await retention.CountExpiredAsync(cancellationToken);
            ModelState.AddModelError(ConfirmField, "Kryssa i rutan för att bekräfta gallringen. Den kan inte ångras.");
            return Page();
        }

        Report = await retention.RunAsync(cancellationToken);
        Expired = await retention.CountExpiredAsync(cancellationToken);
        return Page();
    }
}
