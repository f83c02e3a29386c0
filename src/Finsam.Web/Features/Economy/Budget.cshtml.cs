using Finsam.Reporting.Tabular;
using Finsam.Domain.Economy.Budget;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;
using Finsam.Domain.Participants.Import;
using Finsam.Web.Authorization;
using Finsam.Web.Features.Economy;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Economy;

/// <summary>The budget of a year per category and insats: entered in the form or read from an Excel/CSV file.</summary>
[RequestSizeLimit(BudgetService.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = BudgetService.MaxFileBytes + 64 * 1024)]
public class BudgetModel(BudgetService budgets, IAuthorizationService authorization) : PageModel
{
    public sealed class LineInput
    {
        public OperatingCategory Category { get; set; }

        public int? InsatsId { get; set; }

        public string? Income { get; set; }

        public string? Cost { get; set; }

        public string? Comment { get; set; }
    }

    [BindProperty]
    public List<LineInput> Lines { get; set; } = [];

    /// <summary>The budget's version when the form was opened (<see cref="BudgetService.Sheet.Version"/>).</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public int Year { get; private set; }

    public BudgetService.Sheet Sheet { get; private set; } = null!;

    /// <summary>The form is offered: the user may change the budget and the year is open (a closed year's budget is refused by <see cref="BudgetService"/>).</summary>
    public bool CanEdit { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<RowError> ImportErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, bool sparad, CancellationToken cancellationToken)
    {
        if (!YearFilter.InRange(year))
        {
            return NotFound();
        }

        await LoadAsync(year, fillForm: true, cancellationToken);
        Message = sparad ? $"Budgeten för {year} är sparad." : null;
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(int year, CancellationToken cancellationToken)
    {
        if (!YearFilter.InRange(year))
        {
            return NotFound();
        }

        return File(await budgets.ExportAsync(year, cancellationToken), TableWriter.ExcelContentType, $"budget-{year}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        var posted = Lines;
        await LoadAsync(year, fillForm: false, cancellationToken);
        Lines = posted;
        var insatser = await budgets.InsatserAsync(cancellationToken);
        var parser = new BudgetRowParser(insatser);
        var errors = new List<RowError>();
        var entries = new List<BudgetEntry>();
        for (var i = 0; i < posted.Count; i++)
        {
            var line = posted[i];
            var code = line.InsatsId is { } id ? insatser.FirstOrDefault(x => x.Id == id)?.Code ?? "?" : "";
            string ValueOf(string column) => column switch
            {
                BudgetFileFormat.Category => line.InsatsId is null ? SwedishNames.Of(line.Category) : "",
                BudgetFileFormat.ProjectCode => code,
                BudgetFileFormat.Income => line.Income ?? "",
                BudgetFileFormat.Cost => line.Cost ?? "",
                BudgetFileFormat.Comment => line.Comment ?? "",
                _ => "",
            };
            if (parser.Parse(i, ValueOf, errors) is { } entry)
            {
                entries.Add(entry);
            }
        }

        foreach (var error in errors)
        {
            var field = error.Column switch
            {
                BudgetFileFormat.Income => nameof(LineInput.Income),
                BudgetFileFormat.Cost => nameof(LineInput.Cost),
                BudgetFileFormat.Comment => nameof(LineInput.Comment),
                _ => nameof(LineInput.Income),
            };
            var text = error.Line >= 0 && error.Line < Sheet.Lines.Count ? Sheet.Lines[error.Line].Text : "";
            ModelState.AddModelError($"Lines[{error.Line}].{field}", $"{text}, {error.Column.ToLowerInvariant()}: {error.Message}");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await budgets.ReplaceAsync(year, entries, "sparad i formuläret", cancellationToken, Version);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(string.Empty, outcome.Errors[0].Message);
            return Page();
        }

        return RedirectToPage(new { year, sparad = true });
    }

    public async Task<IActionResult> OnPostImportAsync(int year, IFormFile? fil, CancellationToken cancellationToken)
    {
        await LoadAsync(year, fillForm: true, cancellationToken);
        if (fil is null || fil.Length == 0)
        {
            ModelState.AddModelError("fil", "Välj en budgetfil (Excel eller CSV) att läsa in.");
            return Page();
        }

        if (fil.Length > BudgetService.MaxFileBytes)
        {
            ModelState.AddModelError("fil", "Filen är större än 5 MB.");
            return Page();
        }

        await using var stream = fil.OpenReadStream();
        var outcome = await budgets.ImportAsync(year, stream, fil.FileName, cancellationToken);
        if (!outcome.Succeeded)
        {
            ImportErrors = outcome.Errors;
            ModelState.AddModelError("fil", $"Budgetfilen lästes inte in: {outcome.Errors.Count} fel. Ingenting har ändrats.");
            return Page();
        }

        return RedirectToPage(new { year, sparad = true });
    }

    private static string? Amount(decimal value) => value == 0m ? null : SwedishFormat.Number(value, value % 1 == 0 ? 0 : 2);

    private async Task LoadAsync(int year, bool fillForm, CancellationToken cancellationToken)
    {
        Year = year;
        Sheet = await budgets.SheetAsync(year, cancellationToken);
        CanEdit = !Sheet.Closed && await authorization.AllowsAsync(User, "/Economy/Budget", HttpMethods.Post);
        if (fillForm)
        {
            Lines = Sheet.Lines.Select(l => new LineInput
            {
                Category = l.Category,
                InsatsId = l.InsatsId,
                Income = Amount(l.Income),
                Cost = Amount(l.Cost),
                Comment = l.Comment,
            }).ToList();
        }
    }
}
