using Finsam.Data;
using Finsam.Domain.Goals;
using Finsam.Domain.Participants.Import;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Goals;

/// <summary>A survey round: create (?ar=), rename, add results one by one or from a CSV/Excel file, remove.</summary>
[RequestSizeLimit(SurveyImporter.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = SurveyImporter.MaxFileBytes + 64 * 1024)]
public class SurveyModel(FinsamDbContext db, SurveyImporter importer, SurveyRoundHandler rounds) : PageModel
{
    [BindProperty]
    public SurveyRoundInput Input { get; set; } = new();

    [BindProperty]
    public SurveyRowInput Row { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "ar")]
    public int Year { get; set; }

    public SurveyRound? Round { get; private set; }

    public IReadOnlyList<RowError> ImportErrors { get; private set; } = [];

    /// <summary>The result whose removal the user is asked to confirm, if any.</summary>
    public SurveyResult? ResultToRemove { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Round is not null)
        {
            Input = new SurveyRoundInput { Version = Round.Version, Name = Round.Name, Comment = Round.Comment };
        }
        else
        {
            Input.Name = $"Indikatormätning {Year}";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await new SurveyRoundInputValidator().ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
            return Page();
        }

        var (result, roundId) = await rounds.SaveAsync(id, Year, Input, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        TempData["Meddelande"] = "Enkätomgången är sparad.";
        return RedirectToPage(new { id = roundId });
    }

    public async Task<IActionResult> OnPostRowAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var errors = new List<RowError>();
        var result = SurveyFileFormat.Parse(0, Row.ValueOf, errors);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"Row.{SurveyRowInput.FieldOf.GetValueOrDefault(error.Column, nameof(SurveyRowInput.Answered))}", $"{error.Column}: {error.Message}");
        }

        if (result is null)
        {
            return Page();
        }

        var added = await importer.AddAsync(id, [result], cancellationToken);
        if (!added.Succeeded)
        {
            foreach (var error in added.Errors)
            {
                ModelState.AddModelError("", error.Message);
            }

            return Page();
        }

        TempData["Meddelande"] = $"Resultatet för {result.Group} är sparat.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? fil, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (fil is null || fil.Length == 0)
        {
            ModelState.AddModelError("fil", "Välj en fil att läsa in.");
            return Page();
        }

        if (fil.Length > SurveyImporter.MaxFileBytes)
        {
            ModelState.AddModelError("fil", "Filen är större än 5 MB.");
            return Page();
        }

        using var buffer = new MemoryStream();
        await fil.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var outcome = await importer.ImportAsync(id, buffer, fil.FileName, cancellationToken);
        if (!outcome.Succeeded)
        {
            ImportErrors = outcome.Errors;
            ModelState.AddModelError("fil", $"Filen lästes inte in: {outcome.Errors.Count} fel. Inget har ändrats.");
            return Page();
        }

        TempData["Meddelande"] = $"{outcome.Added} resultat är inlästa.";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Removes one result once confirmed: the list's button asks first (the page again, naming the result, with a
    /// button that confirms), so a slip of the mouse removes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteResultAsync(int id, int resultId, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            var page = await OnGetAsync(id, cancellationToken);
            ResultToRemove = Round?.Results.SingleOrDefault(r => r.Id == resultId);
            return ResultToRemove is null ? NotFound() : page;
        }

        if (await rounds.DeleteResultAsync(id, resultId, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        TempData["Meddelande"] = result.Succeeded ? "Resultatet är borttaget." : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToPage(new { id });
    }

    /// <summary>Removes it once the user has ticked the confirmation; without the tick, the page again with the reason.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken cancellationToken)
    {
        var round = await db.SurveyRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        if (!confirm)
        {
            RemoveForm.NotConfirmed(ModelState, "enkätomgången");
            return await OnGetAsync(id, cancellationToken);
        }

        var result = await rounds.DeleteAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Meddelande"] = string.Join(" ", result.Errors.Select(e => e.Message));
            return RedirectToPage(new { id });
        }

        TempData["Meddelande"] = $"Enkätomgången {round.Name} är borttagen.";
        return RedirectToPage("Index", new { ar = round.Year });
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return YearFilter.InRange(Year);
        }

        Round = await db.SurveyRounds.AsNoTracking().Include(r => r.Results).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (Round is not null)
        {
            Year = Round.Year;
            if (string.IsNullOrEmpty(Input.Name))
            {
                Input = new SurveyRoundInput { Version = Round.Version, Name = Round.Name, Comment = Round.Comment };
            }
        }

        return Round is not null;
    }
}
