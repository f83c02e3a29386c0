using Finsam.Data;
using Finsam.Web.Features.Participants;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Insatser;

public class EditModel(FinsamDbContext db, InsatsService insatser) : PageModel
{
    [BindProperty]
    public InsatsInput Input { get; set; } = new();

    public int Id { get; private set; }

    public IReadOnlyList<FormChoices.MemberChoice> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var insats = await db.Insatser.AsNoTracking().Include(i => i.Executors).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (insats is null)
        {
            return NotFound();
        }

        Input = new InsatsInput
        {
            Version = insats.Version,
            Code = insats.Code,
            Name = insats.Name,
            Kind = insats.Kind,
            Status = insats.Status,
            StartDate = insats.StartDate,
            EndDate = insats.EndDate,
            PlannedEndDate = insats.PlannedEndDate,
            TargetGroup = insats.TargetGroup,
            MinAge = insats.MinAge,
            MaxAge = insats.MaxAge,
            Description = insats.Description,
            CountsInParticipantTotals = insats.CountsInParticipantTotals,
            CoFunding = insats.CoFunding,
            ExecutorIds = insats.Executors.Select(m => m.Id).ToList(),
        };
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await new InsatsInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            var result = await insatser.UpdateAsync(id, Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Meddelande"] = "Ändringarna är sparade.";
                return RedirectToPage("Details", new { id });
            }

            result.Errors.AddTo(ModelState);
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        Members = (await FormChoices.LoadAsync(db, cancellationToken: cancellationToken)).Members;
    }
}
