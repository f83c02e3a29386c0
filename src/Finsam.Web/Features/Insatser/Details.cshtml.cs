using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Insatser;
using Finsam.Web.Validation;
using Finsam.Web.Features.Participants;
using Finsam.Domain.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Insatser;

public class DetailsModel(FinsamDbContext db, InsatsService insatser, InsatsYearSettingsHandler yearSettings, TimeProvider clock) : PageModel
{
    /// <summary>The settings in force for each year the insats has run, newest first, with the stored row's version (empty for defaults).</summary>
    public IReadOnlyList<(InsatsYearSetting Setting, Guid Version, bool Closed)> YearSettings { get; private set; } = [];

    [BindProperty]
    public InsatsYearSettingsInput YearInput { get; set; } = new();

    public Insats Insats { get; private set; } = null!;

    /// <summary>The insats's participant flow for each year it has run, newest first.</summary>
    public IReadOnlyList<ParticipantFlow> Flows { get; private set; } = [];

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var insats = await db.Insatser.AsNoTracking().Include(i => i.Executors).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (insats is null)
        {
            return NotFound();
        }

        Insats = insats;
        History = await insatser.HistoryAsync(id, cancellationToken);
        if (insats.HasParticipants)
        {
            var facts = await db.FactsForInsatsAsync(id, cancellationToken);
            var lastYear = Math.Min(insats.EndDate?.Year ?? int.MaxValue, clock.GetLocalNow().Year);
            var years = Enumerable.Range(insats.StartDate.Year, Math.Max(0, lastYear - insats.StartDate.Year + 1)).Reverse().ToList();
            Flows = years.Select(year => ParticipantFlow.Compute(year, facts)).ToList();
            var stored = await db.InsatsYearSettings.AsNoTracking().Where(s => s.InsatsId == id).ToDictionaryAsync(s => s.Year, cancellationToken);
            var closed = (await db.FiscalYears.AsNoTracking().Where(y => y.Status == FiscalYearStatus.Closed).Select(y => y.Year).ToListAsync(cancellationToken)).ToHashSet();
            YearSettings = years
                .Select(year => (InsatsYearSettings.For(insats, year, stored.GetValueOrDefault(year)), stored.GetValueOrDefault(year)?.Version ?? Guid.Empty, closed.Contains(year)))
                .ToList();
        }

        return Page();
    }

    /// <summary>Saves "ingår i förbundets totaler" and "utfallsmått tillämpliga" for one year, through the handler.</summary>
    public async Task<IActionResult> OnPostYearSettingsAsync(int id, CancellationToken cancellationToken)
    {
        var result = await yearSettings.SaveAsync(id, YearInput, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, nameof(YearInput));

            return await OnGetAsync(id, cancellationToken);
        }

        TempData["Meddelande"] = $"Inställningarna för {YearInput.Year} är sparade.";
        return RedirectToPage(new { id });
    }
}
