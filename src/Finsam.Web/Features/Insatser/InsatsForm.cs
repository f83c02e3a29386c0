using Finsam.Domain.Insatser;
using FluentValidation;

namespace Finsam.Web.Features.Insatser;

/// <summary>The form for creating or changing an insats.</summary>
public sealed class InsatsInput
{
    public Guid Version { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public InsatsKind? Kind { get; set; }

    public InsatsStatus Status { get; set; } = InsatsStatus.Active;

    [System.ComponentModel.DataAnnotations.Display(Name = "Startdatum")]
    public DateOnly? StartDate { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Slutdatum")]
    public DateOnly? EndDate { get; set; }

    /// <summary>Planerat slut: the end decided when the insats started (used by the rating rule).</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = "Planerat slutdatum")]
    public DateOnly? PlannedEndDate { get; set; }

    public string? TargetGroup { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Lägsta ålder")]
    public int? MinAge { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Högsta ålder")]
    public int? MaxAge { get; set; }

    public string? Description { get; set; }

    public bool CountsInParticipantTotals { get; set; } = true;

    public string? CoFunding { get; set; }

    public List<int> ExecutorIds { get; set; } = [];
}

public sealed class InsatsInputValidator : AbstractValidator<InsatsInput>
{
    public InsatsInputValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Code).NotEmpty().WithMessage("Ange insatsens projektkod, t.ex. P25.")
            .MaximumLength(20).WithMessage("Koden får vara högst 20 tecken.")
            .Matches("^[A-Za-zÅÄÖåäö0-9._-]+$").WithMessage("Koden får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Ange insatsens namn.").MaximumLength(200).WithMessage("Namnet får vara högst 200 tecken.");
        RuleFor(x => x.Kind).NotNull().WithMessage("Välj typ av insats.").IsInEnum().WithMessage("Okänd typ av insats.");
        RuleFor(x => x.Status).IsInEnum().WithMessage("Okänd status.");
        RuleFor(x => x.StartDate).NotNull().WithMessage("Ange startdatum (ÅÅÅÅ-MM-DD).");
        RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null && x.EndDate is not null)
            .WithMessage("Slutdatumet ligger före startdatumet.");
        RuleFor(x => x.PlannedEndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null && x.PlannedEndDate is not null)
            .WithMessage("Det planerade slutet ligger före startdatumet.");
        RuleFor(x => x.EndDate).NotNull().When(x => x.Status == InsatsStatus.Closed).WithMessage("En avslutad insats behöver ett slutdatum.");
        RuleFor(x => x.MinAge).InclusiveBetween(0, 120).When(x => x.MinAge is not null).WithMessage("Åldern ska vara mellan 0 och 120.");
        RuleFor(x => x.MaxAge).InclusiveBetween(0, 120).When(x => x.MaxAge is not null).WithMessage("Åldern ska vara mellan 0 och 120.")
            .GreaterThanOrEqualTo(x => x.MinAge).When(x => x.MinAge is not null && x.MaxAge is not null).WithMessage("Högsta ålder är lägre än lägsta ålder.");
        RuleFor(x => x.TargetGroup).MaximumLength(500).WithMessage("Målgruppen får vara högst 500 tecken.");
        RuleFor(x => x.Description).MaximumLength(4000).WithMessage("Beskrivningen får vara högst 4 000 tecken.");
        RuleFor(x => x.CoFunding).MaximumLength(200).WithMessage("Medfinansieringen får vara högst 200 tecken.");
    }
}
