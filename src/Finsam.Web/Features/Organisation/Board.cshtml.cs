using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Organisation;
using Finsam.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>
/// The board (ledamöter and ersättare, ordförande and vice ordförande), the auditors and the förbundschef, each with
/// its term: all of them, or (?ar=) those who serve in a year; adding each through <see cref="BoardHandler"/>; each is changed or removed on its own edit page.
/// </summary>
public class BoardModel(FinsamDbContext db, BoardHandler board) : PageModel
{
    [BindProperty]
    public BoardAssignmentInput NewBoardMember { get; set; } = new();

    [BindProperty]
    public AuditorInput NewAuditor { get; set; } = new();

    [BindProperty]
    public DirectorInput NewDirector { get; set; } = new();

    /// <summary>The year shown (?ar=), or null for every term.</summary>
    public int? Year { get; private set; }

    public IReadOnlyList<BoardAssignment> Assignments { get; private set; } = [];

    public IReadOnlyList<Auditor> Auditors { get; private set; } = [];

    public IReadOnlyList<FederationDirector> Directors { get; private set; } = [];

    /// <summary>Every member, for choosing whom a ledamot represents or who appointed an auditor.</summary>
    public IReadOnlyList<Member> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? ar, CancellationToken cancellationToken)
    {
        if (ar is { } year && !YearFilter.InRange(year))
        {
            return NotFound();
        }

        ModelState.Clear();
        Year = ar;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostBoardMemberAsync(CancellationToken cancellationToken) =>
        SaveAsync(nameof(NewBoardMember), new BoardAssignmentInputValidator(), NewBoardMember,
            () => board.SaveBoardMemberAsync(null, NewBoardMember, cancellationToken),
            $"{NewBoardMember.Name?.Trim()} är inlagd i styrelsen.", cancellationToken);

    public Task<IActionResult> OnPostAuditorAsync(CancellationToken cancellationToken) =>
        SaveAsync(nameof(NewAuditor), new AuditorInputValidator(), NewAuditor,
            () => board.SaveAuditorAsync(null, NewAuditor, cancellationToken),
            $"{NewAuditor.Name?.Trim()} är inlagd som revisor.", cancellationToken);

    public Task<IActionResult> OnPostDirectorAsync(CancellationToken cancellationToken) =>
        SaveAsync(nameof(NewDirector), new DirectorInputValidator(), NewDirector,
            () => board.SaveDirectorAsync(null, NewDirector, cancellationToken),
            $"{NewDirector.Name?.Trim()} är inlagd som förbundschef.", cancellationToken);

    private async Task<IActionResult> SaveAsync<T>(string prefix, IValidator<T> validator, T input, Func<Task<ChangeResult>> save, string done,
        CancellationToken cancellationToken)
    {
        // Only the posted form's fields count: the page's other forms were not sent.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (!ModelState.IsValid)
        {
            // The form did not bind: show the validator's messages with the binding's, as the handler would.
            await validator.ValidateIntoAsync(input, ModelState, prefix, cancellationToken);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await save();
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, prefix);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Meddelande"] = done;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(cancellationToken);
        if (Year is { } year)
        {
            var organisation = await db.OrganisationOfYearAsync(year, cancellationToken);
            (Assignments, Auditors, Directors) = (organisation.Board, organisation.Auditors, organisation.Directors);
            return;
        }

        var assignments = await db.BoardAssignments.AsNoTracking().Include(b => b.Member).ToListAsync(cancellationToken);
        Assignments = assignments
            .OrderBy(b => b.Role)
            .ThenBy(b => b.Office == BoardOffice.None ? int.MaxValue : (int)b.Office)
            .ThenBy(b => b.Member?.Kind).ThenBy(b => b.Member?.Name, StringComparer.Ordinal).ThenBy(b => b.Seat).ThenBy(b => b.TermFrom)
            .ToList();
        Auditors = (await db.Auditors.AsNoTracking().Include(a => a.AppointedBy).ToListAsync(cancellationToken))
            .OrderBy(a => a.TermFrom).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        Directors = await db.FederationDirectors.AsNoTracking().OrderBy(d => d.From).ToListAsync(cancellationToken);
    }
}
