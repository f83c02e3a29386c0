using Finsam.Domain.Participants;
using FluentValidation;

namespace Finsam.Web.Pages.Deltagare;

/// <summary>The query string of the participant list: ?insats=&amp;ar=&amp;kon=&amp;sida=.</summary>
public sealed class ParticipantFilter
{
    public int? InsatsId { get; set; }

    public int? Year { get; set; }

    public Gender? Gender { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>For the audit log: what was looked at, never who.</summary>
    public string Describe() =>
        $"insats={InsatsId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "alla"}, år={Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "alla"}, kön={Gender?.ToString() ?? "alla"}, sida={Page}";
}

public sealed class ParticipantFilterValidator : AbstractValidator<ParticipantFilter>
{
    public ParticipantFilterValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Year).InclusiveBetween(2004, 2100).WithMessage("Året ska vara mellan 2004 och 2100.");
        RuleFor(x => x.Gender).IsInEnum().WithMessage("Okänt kön.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("Sidnumret ska vara 1 eller mer.");
    }
}
