using System.Globalization;
using Finsam.Domain.Participants;
using Finsam.Web.Validation;
using FluentValidation;

namespace Finsam.Web.Features.Participants;

/// <summary>Which enrolments a list or export covers: ?insats=&amp;ar=&amp;status=&amp;kon=.</summary>
public sealed class EnrolmentQuery
{
    public int? InsatsId { get; set; }

    /// <summary>Enrolments active on at least one day of the year.</summary>
    public int? Year { get; set; }

    public EnrolmentStatus? Status { get; set; }

    public Gender? Gender { get; set; }

    public IQueryable<Enrolment> Apply(IQueryable<Enrolment> enrolments)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        if (InsatsId is { } insatsId)
        {
            enrolments = enrolments.Where(e => e.InsatsId == insatsId);
        }

        if (Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            enrolments = enrolments.Where(e => e.StartDate <= to && (e.EndDate == null || e.EndDate >= from));
        }

        if (Status == EnrolmentStatus.Ongoing)
        {
            enrolments = enrolments.Where(e => e.EndDate == null);
        }
        else if (Status == EnrolmentStatus.Ended)
        {
            enrolments = enrolments.Where(e => e.EndDate != null);
        }

        if (Gender is { } gender)
        {
            // The enrolment's copy of the participant's gender: the list's index answers it (docs/performance.md).
            enrolments = enrolments.Where(e => e.ParticipantGender == gender);
        }

        return enrolments;
    }

    /// <summary>For the audit log: what was looked at, never who.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"insats={InsatsId?.ToString(CultureInfo.InvariantCulture) ?? "alla"}, år={Year?.ToString(CultureInfo.InvariantCulture) ?? "alla"}, status={Status?.ToString() ?? "alla"}, kön={Gender?.ToString() ?? "alla"}");
}

public enum EnrolmentStatus
{
    Ongoing = 1,
    Ended = 2,
}

public sealed class EnrolmentQueryValidator : AbstractValidator<EnrolmentQuery>
{
    public EnrolmentQueryValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(YearFilter.First, YearFilter.Last).WithMessage(YearFilter.RangeMessage);
        RuleFor(x => x.Status).IsInEnum().WithMessage("Okänd status.");
        RuleFor(x => x.Gender).IsInEnum().WithMessage("Okänt kön.");
    }
}
