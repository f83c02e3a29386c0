using Finsam.Domain.Participants;
using FluentValidation;

namespace Finsam.Web.Features.Participants;

/// <summary>The person part of a registration form (deltagare).</summary>
public class ParticipantFields
{
    /// <summary>Personnummer or samordningsnummer; only with consent. Never stored: hashed and forgotten.</summary>
    public string? PersonalIdentityNumber { get; set; }

    public DateOnly? ConsentDate { get; set; }

    public Gender? Gender { get; set; }

    public int? BirthYear { get; set; }

    public string? HomeMunicipality { get; set; }

    public EducationLevel Education { get; set; } = EducationLevel.Unknown;
}

/// <summary>Registering a start: a new or known person, and the enrolment.</summary>
public sealed class StartInput : ParticipantFields
{
    /// <summary>Set when the enrolment is added to a participant already open in the app.</summary>
    public int? ParticipantId { get; set; }

    public int? InsatsId { get; set; }

    public DateOnly? StartDate { get; set; }

    public int? ReferringMemberId { get; set; }

    public List<IncomeSupport> SupportAtStart { get; set; } = [];

    public TimeInSupport TimeInSupportBeforeStart { get; set; } = TimeInSupport.Unknown;
}

/// <summary>Registering the end of an enrolment.</summary>
public class EndInput
{
    public Guid Version { get; set; }

    public DateOnly? EndDate { get; set; }

    public EndReason? EndReason { get; set; }

    public string? EndReasonSubCode { get; set; }

    public List<IncomeSupport> SupportAtEnd { get; set; } = [];
}

/// <summary>Correcting every field of an enrolment.</summary>
public sealed class EnrolmentInput : EndInput
{
    public int? InsatsId { get; set; }

    public DateOnly? StartDate { get; set; }

    public int? ReferringMemberId { get; set; }

    public List<IncomeSupport> SupportAtStart { get; set; } = [];

    public TimeInSupport TimeInSupportBeforeStart { get; set; } = TimeInSupport.Unknown;

    public FollowUpResult? FollowUp12Months { get; set; }
}

/// <summary>Correcting a person's registered facts.</summary>
public sealed class ParticipantInput : ParticipantFields
{
    public Guid Version { get; set; }

    /// <summary>Remove the person link: the participant becomes anonymous.</summary>
    public bool RemoveIdentity { get; set; }
}

public static class SupportList
{
    public static IncomeSupport Combine(IEnumerable<IncomeSupport> supports) =>
        supports.Aggregate(IncomeSupport.None, (all, one) => all | one);

    public static List<IncomeSupport> Split(IncomeSupport support) =>
        Enum.GetValues<IncomeSupport>().Where(s => s != IncomeSupport.None && support.HasFlag(s)).ToList();
}

public class ParticipantFieldsValidator<T> : AbstractValidator<T>
    where T : ParticipantFields
{
    public ParticipantFieldsValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleLevelCascadeMode = CascadeMode.Stop;
        var year = clock.GetLocalNow().Year;
        RuleFor(x => x.Gender).NotNull().WithMessage("Välj kön.").IsInEnum().WithMessage("Okänt kön.");
        RuleFor(x => x.BirthYear).NotNull().WithMessage("Ange födelseår.")
            .InclusiveBetween(year - 100, year - 14).WithMessage($"Födelseåret ska vara mellan {year - 100} och {year - 14}.");
        RuleFor(x => x.HomeMunicipality).MaximumLength(100).WithMessage("Hemkommunen får vara högst 100 tecken.");
        RuleFor(x => x.Education).IsInEnum().WithMessage("Okänd utbildningsnivå.");
        RuleFor(x => x.ConsentDate).NotNull().When(x => !string.IsNullOrWhiteSpace(x.PersonalIdentityNumber))
            .WithMessage("Personnummer får bara registreras med samtycke: ange datum för samtycket.");
    }
}

public sealed class StartInputValidator : ParticipantFieldsValidator<StartInput>
{
    public StartInputValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(x => x.InsatsId).NotNull().WithMessage("Välj insats.");
        RuleFor(x => x.StartDate).NotNull().WithMessage("Ange startdatum (ÅÅÅÅ-MM-DD).");
        RuleForEach(x => x.SupportAtStart).IsInEnum().WithMessage("Okänd försörjning.");
        RuleFor(x => x.TimeInSupportBeforeStart).IsInEnum().WithMessage("Okänd tid i försörjning.");
    }
}

public sealed class ParticipantInputValidator(TimeProvider clock) : ParticipantFieldsValidator<ParticipantInput>(clock);

public class EndInputValidator<T> : AbstractValidator<T>
    where T : EndInput
{
    public EndInputValidator(bool endRequired = true)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        if (endRequired)
        {
            RuleFor(x => x.EndDate).NotNull().WithMessage("Ange slutdatum (ÅÅÅÅ-MM-DD).");
            RuleFor(x => x.EndReason).NotNull().WithMessage("Välj avslutsorsak.");
        }

        RuleFor(x => x.EndReason).IsInEnum().WithMessage("Okänd avslutsorsak.");
        RuleFor(x => x.EndReasonSubCode).MaximumLength(100).WithMessage("Underkoden får vara högst 100 tecken.");
        RuleForEach(x => x.SupportAtEnd).IsInEnum().WithMessage("Okänd försörjning.");
    }
}

public sealed class EndOnlyValidator() : EndInputValidator<EndInput>(endRequired: true);

public sealed class EnrolmentInputValidator : EndInputValidator<EnrolmentInput>
{
    public EnrolmentInputValidator()
        : base(endRequired: false)
    {
        RuleFor(x => x.InsatsId).NotNull().WithMessage("Välj insats.");
        RuleFor(x => x.StartDate).NotNull().WithMessage("Ange startdatum (ÅÅÅÅ-MM-DD).");
        RuleForEach(x => x.SupportAtStart).IsInEnum().WithMessage("Okänd försörjning.");
        RuleFor(x => x.FollowUp12Months).IsInEnum().WithMessage("Okänt uppföljningsresultat.");
        RuleFor(x => x.FollowUp12Months).Null().When(x => x.EndDate is null)
            .WithMessage("Uppföljning efter 12 månader kan bara anges för ett avslutat deltagande.");
    }
}
