using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;
using Finsam.Web.Validation;
using FluentValidation;

namespace Finsam.Web.Features.Organisation;

/// <summary>The förbund's details as entered on the setup and organisation pages.</summary>
public sealed class FederationInput
{
    public string? Name { get; set; }

    /// <summary>NNNNNN-NNNN or ten digits; stored normalised.</summary>
    public string? OrganisationNumber { get; set; }

    public string? Seat { get; set; }

    public string? PostalAddress { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Första räkenskapsår")]
    public int? FirstFiscalYear { get; set; }

    /// <summary>A new logo's bytes (PNG or JPEG), or null to keep the current one.</summary>
    public byte[]? Logo { get; set; }

    /// <summary>Removes the current logo (ignored when a new one is given).</summary>
    public bool RemoveLogo { get; set; }

    public Guid Version { get; set; }
}

public sealed class FederationInputValidator : AbstractValidator<FederationInput>
{
    public FederationInputValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Ange förbundets namn.")
            .MaximumLength(Federation.NameMaxLength).WithMessage($"Namnet får vara högst {Federation.NameMaxLength} tecken.");
        RuleFor(f => f.OrganisationNumber).Custom((number, context) =>
        {
            if (OrganisationNumber.Normalise(number, out var problem) is null)
            {
                context.AddFailure(string.IsNullOrWhiteSpace(number) ? "Ange förbundets organisationsnummer (NNNNNN-NNNN)." : problem!);
            }
        });
        RuleFor(f => f.Seat).NotEmpty().WithMessage("Ange förbundets säte (kommunen där styrelsen har sitt säte).")
            .MaximumLength(Federation.SeatMaxLength).WithMessage($"Sätet får vara högst {Federation.SeatMaxLength} tecken.");
        RuleFor(f => f.PostalAddress).MaximumLength(Federation.PostalAddressMaxLength)
            .WithMessage($"Postadressen får vara högst {Federation.PostalAddressMaxLength} tecken.");
        RuleFor(f => f.FirstFiscalYear).NotNull().WithMessage("Ange förbundets första verksamhetsår i Finsam.")
            .Must(y => y is null || YearFilter.InRange(y.Value)).WithMessage("Första verksamhetsåret ska vara mellan 2004 och 2100.");
        RuleFor(f => f.Logo).Custom((logo, context) =>
        {
            if (logo is not null && FederationLogo.Check(logo, out var problem) is null)
            {
                context.AddFailure(problem!);
            }
        });
    }
}

/// <summary>A member as entered: name, kind, organisation number and period of membership.</summary>
public sealed class MemberInput
{
    public string? Name { get; set; }

    public MemberKind? Kind { get; set; }

    /// <summary>Optional; NNNNNN-NNNN or ten digits, stored normalised.</summary>
    public string? OrganisationNumber { get; set; }

    /// <summary>First day of membership; empty: since before the förbund's first year in Finsam.</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = "Medlem från")]
    public DateOnly? MemberFrom { get; set; }

    /// <summary>Last day of membership; empty: still a member.</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = "Medlem till")]
    public DateOnly? MemberTo { get; set; }

    public Guid Version { get; set; }
}

public sealed class MemberInputValidator : AbstractValidator<MemberInput>
{
    public MemberInputValidator()
    {
        RuleFor(m => m.Name).NotEmpty().WithMessage("Ange medlemmens namn.")
            .MaximumLength(Member.NameMaxLength).WithMessage($"Namnet får vara högst {Member.NameMaxLength} tecken.");
        RuleFor(m => m.Kind).NotNull().WithMessage("Välj vilken sorts medlem det är.")
            .IsInEnum().WithMessage("Välj vilken sorts medlem det är.");
        RuleFor(m => m.OrganisationNumber).Custom((number, context) =>
        {
            if (!string.IsNullOrWhiteSpace(number) && OrganisationNumber.Normalise(number, out var problem) is null)
            {
                context.AddFailure(problem!);
            }
        });
        RuleFor(m => m.MemberTo).Must((m, to) => to is null || m.MemberFrom is null || to >= m.MemberFrom)
            .WithMessage("Medlemskapet kan inte sluta före det börjar.");
    }
}

/// <summary>One municipality's share of the municipalities' part, as entered (percent, any number of decimals up to ten).</summary>
public sealed class KeyShareInput
{
    public int MemberId { get; set; }

    public string? Name { get; set; }

    public string? Percent { get; set; }
}

/// <summary>One member's contribution as entered in amount mode (kronor).</summary>
public sealed class MemberAmountInput
{
    public int MemberId { get; set; }

    public string? Name { get; set; }

    public string? Amount { get; set; }
}

/// <summary>
/// A year's split of the contributions as decided in the förbundsordning: percent mode (the total, the region's and the
/// municipalities' share of it, and the municipalities' key) or amount mode (an amount per member).
/// </summary>
public sealed class ContributionSplitInput
{
    public ContributionMode Mode { get; set; } = ContributionMode.Percent;

    public string? Total { get; set; }

    public string? RegionPercent { get; set; }

    public string? MunicipalityPercent { get; set; }

    public List<KeyShareInput> Shares { get; set; } = [];

    public List<MemberAmountInput> Amounts { get; set; } = [];

    /// <summary>The version of the year's split the form was opened with; empty when the year had none.</summary>
    public Guid Version { get; set; }

    /// <summary>A percentage or key for the form, with every decimal it was decided with, so saving the form again changes nothing.</summary>
    public static string Exact(decimal value) => MemberContributions.Exact(value);

    internal static decimal? Parse(string? text) =>
        SwedishFormat.TryParseDecimal(text?.Replace("%", "", StringComparison.Ordinal).Replace("kr", "", StringComparison.Ordinal), out var value) ? value : null;
}

public sealed class ContributionSplitInputValidator : AbstractValidator<ContributionSplitInput>
{
    public ContributionSplitInputValidator()
    {
        RuleFor(s => s.Mode).IsInEnum().WithMessage("Välj om medlemsbidragen beslutas i procent eller som belopp.");
        When(s => s.Mode == ContributionMode.Percent, () =>
        {
            RuleFor(s => s.Total).Must(t => ContributionSplitInput.Parse(t) is decimal v && v >= 0m && MemberContributions.Decimals(v) <= 2)
                .WithMessage("Ange medlemsbidraget totalt som ett belopp i kronor, t.ex. 9 000 000.");
            RuleFor(s => s.RegionPercent).Must(p => ContributionSplitInput.Parse(p) is not null)
                .WithMessage("Ange regionens andel av medlemsbidragen i procent, t.ex. 25.");
            RuleFor(s => s.MunicipalityPercent).Must(p => ContributionSplitInput.Parse(p) is not null)
                .WithMessage("Ange kommunernas andel av medlemsbidragen i procent, t.ex. 25.");
            RuleForEach(s => s.Shares).Must(s => ContributionSplitInput.Parse(s.Percent) is not null)
                .WithMessage((_, s) => $"Ange andelen för {s.Name} i procent, t.ex. 47 eller 31,4159265.");
        });
        When(s => s.Mode == ContributionMode.Amount, () =>
        {
            RuleForEach(s => s.Amounts).Must(a => string.IsNullOrWhiteSpace(a.Amount) || ContributionSplitInput.Parse(a.Amount) is not null)
                .WithMessage((_, a) => $"Ange beloppet för {a.Name} i kronor, t.ex. 1 200 000.");
        });
    }
}

/// <summary>A term on the board as entered.</summary>
public sealed class BoardAssignmentInput
{
    public string? Name { get; set; }

    public int? MemberId { get; set; }

    public BoardRole Role { get; set; } = BoardRole.Ordinary;

    public int Seat { get; set; } = 1;

    public BoardOffice Office { get; set; } = BoardOffice.None;

    [System.ComponentModel.DataAnnotations.Display(Name = "Uppdrag från")]
    public DateOnly? TermFrom { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Uppdrag till")]
    public DateOnly? TermTo { get; set; }

    public Guid Version { get; set; }
}

public sealed class BoardAssignmentInputValidator : AbstractValidator<BoardAssignmentInput>
{
    public BoardAssignmentInputValidator()
    {
        RuleFor(b => b.Name).NotEmpty().WithMessage("Ange ledamotens eller ersättarens namn.")
            .MaximumLength(BoardAssignment.NameMaxLength).WithMessage($"Namnet får vara högst {BoardAssignment.NameMaxLength} tecken.");
        RuleFor(b => b.MemberId).NotNull().WithMessage("Välj vilken medlem personen företräder.");
        RuleFor(b => b.Role).IsInEnum().WithMessage("Välj ledamot eller ersättare.");
        RuleFor(b => b.Office).IsInEnum().WithMessage("Välj ordförande, vice ordförande eller ingen.");
        RuleFor(b => b.Seat).InclusiveBetween(1, 20).WithMessage("Platsen ska vara mellan 1 och 20.");
        RuleFor(b => b.TermFrom).NotNull().WithMessage("Ange när mandatperioden börjar.");
        RuleFor(b => b.TermTo).Must((b, to) => to is null || b.TermFrom is null || to >= b.TermFrom)
            .WithMessage("Mandatperioden slutar före den börjar.");
    }
}

/// <summary>An auditor as entered.</summary>
public sealed class AuditorInput
{
    public string? Name { get; set; }

    public int? AppointedByMemberId { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Uppdrag från")]
    public DateOnly? TermFrom { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Uppdrag till")]
    public DateOnly? TermTo { get; set; }

    public Guid Version { get; set; }
}

public sealed class AuditorInputValidator : AbstractValidator<AuditorInput>
{
    public AuditorInputValidator()
    {
        RuleFor(a => a.Name).NotEmpty().WithMessage("Ange revisorns namn.")
            .MaximumLength(Auditor.NameMaxLength).WithMessage($"Namnet får vara högst {Auditor.NameMaxLength} tecken.");
        RuleFor(a => a.AppointedByMemberId).NotNull().WithMessage("Välj vilken medlem som utsett revisorn.");
        RuleFor(a => a.TermFrom).NotNull().WithMessage("Ange när mandatperioden börjar.");
        RuleFor(a => a.TermTo).Must((a, to) => to is null || a.TermFrom is null || to >= a.TermFrom)
            .WithMessage("Mandatperioden slutar före den börjar.");
    }
}

/// <summary>A förbundschef's period as entered.</summary>
public sealed class DirectorInput
{
    public string? Name { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public Guid Version { get; set; }
}

public sealed class DirectorInputValidator : AbstractValidator<DirectorInput>
{
    public DirectorInputValidator()
    {
        RuleFor(d => d.Name).NotEmpty().WithMessage("Ange förbundschefens namn.")
            .MaximumLength(FederationDirector.NameMaxLength).WithMessage($"Namnet får vara högst {FederationDirector.NameMaxLength} tecken.");
        RuleFor(d => d.From).NotNull().WithMessage("Ange från vilket datum förbundschefen har uppdraget.");
        RuleFor(d => d.To).Must((d, to) => to is null || d.From is null || to >= d.From).WithMessage("Perioden slutar före den börjar.");
    }
}

/// <summary>A period of the kansli register as entered: name, befattning, tjänstgöringsgrad (percent, "50" or "12,5 %") and period.</summary>
public sealed class StaffInput
{
    public string? Name { get; set; }

    public string? Title { get; set; }

    /// <summary>Text, so "50 %" and "12,5" are both read (<see cref="Percent"/>).</summary>
    public string? EmploymentPercent { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public Guid Version { get; set; }

    /// <summary>The tjänstgöringsgrad as a number, without a percent sign; null when it cannot be read.</summary>
    public decimal? Percent =>
        SwedishFormat.TryParseDecimal(EmploymentPercent?.Replace("%", "", StringComparison.Ordinal).Trim(), out var value) ? value : null;
}

public sealed class StaffInputValidator : AbstractValidator<StaffInput>
{
    public StaffInputValidator()
    {
        RuleFor(s => s.Name).NotEmpty().WithMessage("Ange namnet.")
            .MaximumLength(StaffMember.NameMaxLength).WithMessage($"Namnet får vara högst {StaffMember.NameMaxLength} tecken.");
        RuleFor(s => s.Title).NotEmpty().WithMessage("Ange befattningen, t.ex. förbundschef, ekonom eller processledare.")
            .MaximumLength(StaffMember.TitleMaxLength).WithMessage($"Befattningen får vara högst {StaffMember.TitleMaxLength} tecken.");
        RuleFor(s => s.EmploymentPercent).NotEmpty().WithMessage("Ange tjänstgöringsgraden i procent, t.ex. 100 eller 50.");
        RuleFor(s => s.Percent).Must(p => p is > 0m and <= 100m && decimal.Round(p.Value, 2) == p.Value)
            .When(s => !string.IsNullOrWhiteSpace(s.EmploymentPercent))
            .OverridePropertyName(nameof(StaffInput.EmploymentPercent))
            .WithMessage("Skriv tjänstgöringsgraden som ett tal större än 0 och högst 100 (procent), t.ex. 50 eller 12,5.");
        RuleFor(s => s.From).NotNull().WithMessage("Ange från vilket datum personen arbetar på kansliet.");
        RuleFor(s => s.To).Must((s, to) => to is null || s.From is null || to >= s.From).WithMessage("Perioden slutar före den börjar.");
    }
}
