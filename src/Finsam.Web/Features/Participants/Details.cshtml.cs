using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Participants;
using Finsam.Web.Auditing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

public class DetailsModel(FinsamDbContext db, AuditLog audit) : PageModel
{
    public Participant Participant { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var participant = await db.Participants.AsNoTracking()
            .Include(p => p.Enrolments).ThenInclude(e => e.Insats)
            .Include(p => p.Enrolments).ThenInclude(e => e.ReferringMember)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (participant is null)
        {
            return NotFound();
        }

        Participant = participant;
        await audit.RecordReadAsync(AuditAction.View, nameof(Participant), id.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return Page();
    }
}
