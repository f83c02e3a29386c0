using Finsam.Domain.Participants;
using FluentValidation;

namespace Finsam.Web.Features.Participants;

/// <summary>The identity part of a registration form: the personnummer (only with consent) and the consent.</summary>
public class IdentityFields
{
    /// <summary>Personnummer or samordningsnummer; only with consent. Never stored: hashed and forgotten.</summary>
    public string? PersonalIdentityNumber { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Samtyckesdatum")]
    public DateOnly? ConsentDate { get; set; }
}

/// <summary>A form's gender and birth year of a person (<see cref="PersonIdentityValidator"/>).</summary>
public interface IPersonIdentity
{
    Gender? Gender { get; }

    int? BirthYear { get; }
}

/// <summary>The person part of a registration form (deltagare): identity, gender and birth year of a new person.</summary>
public class ParticipantFields : IdentityFields, IPersonIdentity
{
    public Gender? Gender { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Födelseår")]
    public int? BirthYear { get; set; }
}

/// <summary>What is recorded about the person with each enrolment, since it can change from one enrolment to the next.</summary>
public interface IEnrolmentPersonFields
{
    string? HomeMunicipality { get; set; }

    EducationLevel Education { get; set; }
}

/// <summary>Registering a start: a new or known person, and the enrolment.</summary>
public sealed class StartInput : ParticipantFields, IEnrolmentPersonFields
{
    public string? HomeMunicipality { get; set; }

    public EducationLevel Education { get; set; } = EducationLevel.Unknown;

    /// <summary>Set when the enrolment is added to a participant already open in the app.</summary>
    public int? ParticipantId { get; set; }

    public int? InsatsId { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Startdatum")]
    public DateOnly? StartDate { get; set; }

    public int? ReferringMemberId { get; set; }

    public List<IncomeSupport> SupportAtStart { get; set; } = [];

    public TimeInSupport TimeInSupportBeforeStart { get; set; } = TimeInSupport.Unknown;
}

/// <summary>Registering the end of an enrolment.</summary>
public class EndInput
{
    public Guid Version { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Slutdatum")]
    public DateOnly? EndDate { get; set; }

    public EndReason? EndReason { get; set; }

    public string? EndReasonSubCode { get; set; }

    public List<IncomeSupport> SupportAtEnd { get; set; } = [];
}

/// <summary>Correcting every field of an enrolment.</summary>
public sealed class EnrolmentInput : EndInput, IEnrolmentPersonFields
{
    public string? HomeMunicipality { get; set; }

    public EducationLevel Education { get; set; } = EducationLevel.Unknown;

    public int? InsatsId { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Startdatum")]
    public DateOnly? StartDate { get; set; }

    public int? ReferringMemberId { get; set; }

    public List<IncomeSupport> SupportAtStart { get; set; } = [];

    public TimeInSupport TimeInSupportBeforeStart { get; set; } = TimeInSupport.Unknown;

    public FollowUpResult? FollowUp12Months { get; set; }
}

/// <summary>
/// Changing a person's identity link: a corrected personnummer, the consent date, or removing the link. Gender and
/// birth year are not part of it: they change only through <see cref="IdentityCorrectionInput"/>.
/// </summary>
public sealed class ParticipantInput : IdentityFields
{
    public Guid Version { get; set; }

    /// <summary>Remove the person link: the participant becomes anonymous.</summary>
    public bool RemoveIdentity { get; set; }
}

/// <summary>"Rätta uppgifter": correcting a person's gender or birth year, with the reason (audit-logged).</summary>
public sealed class IdentityCorrectionInput : IPersonIdentity
{
    public Guid Version { get; set; }

    public Gender? Gender { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Födelseår")]
    public int? BirthYear { get; set; }

    public string? Reason { get; set; }
}

public static class SupportList
{
    public static IncomeSupport Combine(IEnumerable<IncomeSupport> supports) =>
        supports.Aggregate(IncomeSupport.None, (all, one) => all | one);

    public static List<IncomeSupport> Split(IncomeSupport support) =>
        Enum.GetValues<IncomeSupport>().Where(s => s != IncomeSupport.None && support.HasFlag(s)).ToList();
}

/// <summary>Gender and birth year of a person, the same in registration and correction: 14–100 years old this year.</summary>
public sealed class PersonIdentityValidator : AbstractValidator<IPersonIdentity>
{
    public PersonIdentityValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleLevelCascadeMode = CascadeMode.Stop;
        var year = clock.GetLocalNow().Year;
        RuleFor(x => x.Gender).NotNull().WithMessage("Välj kön.").IsInEnum().WithMessage("Okänt kön.");
        RuleFor(x => x.BirthYear).NotNull().WithMessage("Ange födelseår.")
            .InclusiveBetween(year - 100, year - 14).WithMessage($"Födelseåret ska vara mellan {year - 100} och {year - 14}.");
    }
}

public class ParticipantFieldsValidator<T> : AbstractValidator<T>
    where T : ParticipantFields
{
    public ParticipantFieldsValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        Include(new PersonIdentityValidator(clock));
        RuleFor(x => x.ConsentDate).NotNull().When(x => !string.IsNullOrWhiteSpace(x.PersonalIdentityNumber))
            .WithMessage(RegistrationRules.ConsentRequired);
    }
}

public static class RegistrationRules
{
    public const string ConsentRequired = "Personnummer får bara registreras med samtycke: ange datum för samtycket.";

    /// <summary>The rules of the person fields an enrolment records (hemkommun, utbildning).</summary>
    public static void AddEnrolmentPersonRules<T>(this AbstractValidator<T> validator)
        where T : IEnrolmentPersonFields
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(x => x.HomeMunicipality).MaximumLength(100).WithMessage("Hemkommunen får vara högst 100 tecken.");
        validator.RuleFor(x => x.Education).IsInEnum().WithMessage("Okänd utbildningsnivå.");
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
        this.AddEnrolmentPersonRules();
    }
}

public sealed class ParticipantInputValidator : AbstractValidator<ParticipantInput>
{
    public ParticipantInputValidator()
    {
        RuleFor(x => x.ConsentDate).NotNull().When(x => !x.RemoveIdentity && !string.IsNullOrWhiteSpace(x.PersonalIdentityNumber))
            .WithMessage(RegistrationRules.ConsentRequired);
    }
}

public sealed class IdentityCorrectionInputValidator : AbstractValidator<IdentityCorrectionInput>
{
    public IdentityCorrectionInputValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        Include(new PersonIdentityValidator(clock));
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Skriv varför uppgifterna rättas.")
            .MaximumLength(500).WithMessage("Skälet får vara högst 500 tecken.");
    }
}

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
        this.AddEnrolmentPersonRules();
    }
}
