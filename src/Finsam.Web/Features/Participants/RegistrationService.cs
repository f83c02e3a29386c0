using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Domain.Participants;
using Finsam.Web.Auditing;
using Finsam.Web.Features.Organisation;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

/// <summary>
/// The kansli's daily registrations: a start (new or known person), an end, corrections and removals.
/// Every change is checked by <see cref="EnrolmentRules"/>, guarded against concurrent edits and audit-logged.
/// </summary>
public sealed class RegistrationService(FinsamDbContext db, AuditLog audit, PersonKeyProvider keys, TimeProvider clock)
{
    /// <summary>The shared message for a concurrent edit (<see cref="WritePath.ConcurrencyMessage"/>).</summary>
    public const string ConcurrencyMessage = WritePath.ConcurrencyMessage;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public sealed record StartResult(ChangeResult Result, int ParticipantId, int EnrolmentId, bool KnownPerson);

    /// <summary>Finds the participant with a personnummer, through its hash. Null when unknown or invalid.</summary>
    public async Task<(int? ParticipantId, string? Error)> FindByPersonalIdentityNumberAsync(string text, CancellationToken cancellationToken)
    {
        var pnr = PersonalIdentityNumber.Parse(text, Today, out var error);
        if (pnr is null)
        {
            return (null, error);
        }

        var hash = keys.Hasher.Hash(pnr);
        var id = await db.Participants.Where(p => p.PersonKeyHash == hash).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        await audit.RecordReadAsync(AuditAction.View, "ParticipantSearch", id?.ToString(CultureInfo.InvariantCulture), id is null ? "sökning på personnummer, ingen träff" : "sökning på personnummer", cancellationToken);
        return (id, id is null ? "Ingen deltagare är registrerad med det personnumret." : null);
    }

    public async Task<StartResult> RegisterStartAsync(StartInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        Participant? participant = null;
        string? hash = null;

        if (input.ParticipantId is { } participantId)
        {
            participant = await db.Participants.Include(p => p.Enrolments).SingleOrDefaultAsync(p => p.Id == participantId, cancellationToken);
            if (participant is null)
            {
                return new StartResult(ChangeResult.Refused("", "Deltagaren finns inte längre."), 0, 0, false);
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.PersonalIdentityNumber))
        {
            var pnr = PersonalIdentityNumber.Parse(input.PersonalIdentityNumber, Today, out var pnrError);
            if (pnr is null)
            {
                errors.Add(new(nameof(input.PersonalIdentityNumber), pnrError!));
            }
            else
            {
                hash = keys.Hasher.Hash(pnr);
                if (input.BirthYear is { } year && year != pnr.BirthDate.Year)
                {
                    errors.Add(new(nameof(input.BirthYear), "Födelseåret stämmer inte med personnumret."));
                }

                participant = await db.Participants.Include(p => p.Enrolments).SingleOrDefaultAsync(p => p.PersonKeyHash == hash, cancellationToken);
            }
        }

        if (input.ConsentDate is { } consent && consent > Today)
        {
            errors.Add(new(nameof(input.ConsentDate), "Samtycket är daterat i framtiden."));
        }

        var insats = await db.Insatser.SingleOrDefaultAsync(i => i.Id == input.InsatsId, cancellationToken);
        if (insats is null)
        {
            errors.Add(new(nameof(input.InsatsId), "Insatsen finns inte."));
        }
        else
        {
            var start = input.StartDate!.Value;
            errors.AddRange(EnrolmentRules.Check(insats, start, null, null, null, [], Today).Select(p => new FieldError(p.Field, p.Message)));
            if (participant is not null && EnrolmentRules.Overlapping(participant.Enrolments, insats.Id, start, null) is { } other)
            {
                errors.Add(new(nameof(input.StartDate),
                    $"Personen har redan ett deltagande i {insats.Code} som pågår då (deltagande {other.Id}, start {SwedishFormat.Date(other.StartDate)})."));
            }
        }

        if (input.ReferringMemberId is { } memberId && !await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            errors.Add(new(nameof(input.ReferringMemberId), "Medlemmen finns inte."));
        }

        if (participant is not null && input.ParticipantId is null)
        {
            // A known personnummer: the person's gender and birth year are not changed by a new start.
            errors.AddRange(Contradictions(participant, input.Gender, input.BirthYear));
        }

        if (errors.Count > 0)
        {
            return new StartResult(new ChangeResult(errors), 0, 0, false);
        }

        // A start inside a closed (adopted) year would change that year's participants.
        if (await db.RefusePeriodAsync(input.StartDate, null, cancellationToken, nameof(input.StartDate)) is { } closed)
        {
            return new StartResult(closed, 0, 0, false);
        }

        var known = participant is not null;
        participant ??= new Participant
        {
            Gender = input.Gender!.Value,
            BirthYear = input.BirthYear!.Value,
            PersonKeyHash = hash,
            ConsentDate = hash is null ? null : input.ConsentDate,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var enrolment = new Enrolment
        {
            Participant = participant,
            InsatsId = insats!.Id,
            StartDate = input.StartDate!.Value,
            HomeMunicipality = Clean(input.HomeMunicipality),
            Education = input.Education,
            ReferringMemberId = input.ReferringMemberId,
            SupportAtStart = SupportList.Combine(input.SupportAtStart),
            TimeInSupportBeforeStart = input.TimeInSupportBeforeStart,
        };
        db.Enrolments.Add(enrolment);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (!known)
        {
            audit.Add(AuditAction.Create, nameof(Participant), Id(participant.Id), participant.IsIdentified ? "med samtycke" : "anonym");
        }

        audit.Add(AuditAction.Create, nameof(Enrolment), Id(enrolment.Id), $"start i {insats.Code}, deltagare {participant.Id}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StartResult(ChangeResult.Done, participant.Id, enrolment.Id, known);
    }

    public async Task<ChangeResult> RegisterEndAsync(int enrolmentId, EndInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (enrolment, refusal) = await LoadForChangeAsync(enrolmentId, input.Version, cancellationToken);
        if (enrolment is null)
        {
            return refusal!;
        }

        var subCodes = await SubCodesFor(enrolment.EndReasonSubCode, cancellationToken);
        var problems = EnrolmentRules.Check(enrolment.Insats!, enrolment.StartDate, input.EndDate, input.EndReason, input.EndReasonSubCode, subCodes, Today);
        if (problems.Count > 0)
        {
            return new ChangeResult(problems.Select(p => new FieldError(p.Field, p.Message)).ToList());
        }

        // An end inside a closed year changes that year's figures; an end after it does not.
        if (await db.RefusePeriodChangeAsync(enrolment.StartDate, enrolment.EndDate, enrolment.StartDate, input.EndDate, recordChanged: false,
                cancellationToken, nameof(input.EndDate)) is { } closed)
        {
            return closed;
        }

        enrolment.EndDate = input.EndDate;
        enrolment.EndReason = input.EndReason;
        enrolment.EndReasonSubCode = CanonicalSubCode(input.EndReasonSubCode, subCodes);
        enrolment.SupportAtEnd = SupportList.Combine(input.SupportAtEnd);
        audit.Add(AuditAction.Update, nameof(Enrolment), Id(enrolment.Id), "avslut registrerat");
        return await SaveAsync(cancellationToken);
    }

    public async Task<ChangeResult> UpdateEnrolmentAsync(int enrolmentId, EnrolmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (enrolment, refusal) = await LoadForChangeAsync(enrolmentId, input.Version, cancellationToken);
        if (enrolment is null)
        {
            return refusal!;
        }

        var insats = await db.Insatser.SingleOrDefaultAsync(i => i.Id == input.InsatsId, cancellationToken);
        if (insats is null)
        {
            return ChangeResult.Refused(nameof(input.InsatsId), "Insatsen finns inte.");
        }

        var subCodes = await SubCodesFor(enrolment.EndReasonSubCode, cancellationToken);
        var start = input.StartDate!.Value;
        var errors = EnrolmentRules.Check(insats, start, input.EndDate, input.EndReason, input.EndReasonSubCode, subCodes, Today)
            .Select(p => new FieldError(p.Field, p.Message)).ToList();
        var siblings = await db.Enrolments.AsNoTracking().Where(e => e.ParticipantId == enrolment.ParticipantId).ToListAsync(cancellationToken);
        if (EnrolmentRules.Overlapping(siblings, insats.Id, start, input.EndDate, enrolment.Id) is { } other)
        {
            errors.Add(new(nameof(input.StartDate), $"Perioden överlappar deltagande {other.Id} i samma insats."));
        }

        if (input.ReferringMemberId is { } memberId && !await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            errors.Add(new(nameof(input.ReferringMemberId), "Medlemmen finns inte."));
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(errors);
        }

        if (await RefuseClosedEnrolmentChangeAsync(enrolment, insats.Id, input, cancellationToken) is { } closed)
        {
            return closed;
        }

        enrolment.InsatsId = insats.Id;
        enrolment.StartDate = start;
        enrolment.HomeMunicipality = Clean(input.HomeMunicipality);
        enrolment.Education = input.Education;
        enrolment.ReferringMemberId = input.ReferringMemberId;
        enrolment.SupportAtStart = SupportList.Combine(input.SupportAtStart);
        enrolment.TimeInSupportBeforeStart = input.TimeInSupportBeforeStart;
        enrolment.EndDate = input.EndDate;
        enrolment.EndReason = input.EndReason;
        enrolment.EndReasonSubCode = CanonicalSubCode(input.EndReasonSubCode, subCodes);
        enrolment.SupportAtEnd = SupportList.Combine(input.SupportAtEnd);
        enrolment.FollowUp12Months = input.FollowUp12Months;
        audit.Add(AuditAction.Update, nameof(Enrolment), Id(enrolment.Id), "rättelse: " + string.Join(", ", ChangedProperties(enrolment)));
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Removes an enrolment registered by mistake; a participant left without enrolments is removed too.</summary>
    public async Task<(ChangeResult Result, bool ParticipantRemoved)> DeleteEnrolmentAsync(int enrolmentId, Guid version, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.Include(e => e.Participant!).ThenInclude(p => p.Enrolments).SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return (ChangeResult.Refused("", "Deltagandet finns inte längre."), false);
        }

        if (enrolment.Version != version)
        {
            return (ChangeResult.Refused("", ConcurrencyMessage), false);
        }

        if (await db.RefusePeriodAsync(enrolment.StartDate, enrolment.EndDate, cancellationToken) is { } closed)
        {
            return (closed, false);
        }

        var participant = enrolment.Participant!;
        db.Enrolments.Remove(enrolment);
        audit.Add(AuditAction.Delete, nameof(Enrolment), Id(enrolment.Id), $"borttaget, deltagare {participant.Id}");
        var removeParticipant = participant.Enrolments.All(e => e.Id == enrolment.Id);
        if (removeParticipant)
        {
            db.Participants.Remove(participant);
            audit.Add(AuditAction.Delete, nameof(Participant), Id(participant.Id), "inga deltaganden kvar");
        }

        return (await SaveAsync(cancellationToken), removeParticipant);
    }

    public async Task<ChangeResult> UpdateParticipantAsync(int participantId, ParticipantInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (participant is null)
        {
            return ChangeResult.Refused("", "Deltagaren finns inte längre.");
        }

        if (participant.Version != input.Version)
        {
            return ChangeResult.Refused("", ConcurrencyMessage);
        }

        string? newHash = null;
        if (!input.RemoveIdentity && !string.IsNullOrWhiteSpace(input.PersonalIdentityNumber))
        {
            var pnr = PersonalIdentityNumber.Parse(input.PersonalIdentityNumber, Today, out var error);
            if (pnr is null)
            {
                return ChangeResult.Refused(nameof(input.PersonalIdentityNumber), error!);
            }

            if (pnr.BirthDate.Year != participant.BirthYear)
            {
                return ChangeResult.Refused(nameof(input.PersonalIdentityNumber),
                    $"Personnumret stämmer inte med födelseåret {participant.BirthYear}. Rätta födelseåret med Rätta uppgifter först om det är fel.");
            }

            newHash = keys.Hasher.Hash(pnr);
            if (await db.Participants.AnyAsync(p => p.PersonKeyHash == newHash && p.Id != participantId, cancellationToken))
            {
                return ChangeResult.Refused(nameof(input.PersonalIdentityNumber), "En annan deltagare är redan registrerad med det personnumret.");
            }
        }

        if (input.RemoveIdentity)
        {
            participant.PersonKeyHash = null;
            participant.ConsentDate = null;
        }
        else
        {
            participant.PersonKeyHash = newHash ?? participant.PersonKeyHash;
            participant.ConsentDate = participant.PersonKeyHash is null ? null : input.ConsentDate ?? participant.ConsentDate;
        }

        audit.Add(AuditAction.Update, nameof(Participant), Id(participant.Id), "rättelse: " + string.Join(", ", ChangedProperties(participant)));
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// "Rätta uppgifter": corrects a person's gender or birth year, the only way they change once registered. Refused
    /// while the person has an enrolment active in a closed fiscal year (its published figures would move); audit-logged
    /// with the old and new values and the reason.
    /// </summary>
    public async Task<ChangeResult> CorrectIdentityAsync(int participantId, IdentityCorrectionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new IdentityCorrectionInputValidator(clock), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var participant = await db.Participants.Include(p => p.Enrolments).SingleOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (participant is null)
        {
            return ChangeResult.Refused("", "Deltagaren finns inte längre.");
        }

        var closedYears = await db.FiscalYears.AsNoTracking().Where(y => y.Status == Domain.Economy.FiscalYearStatus.Closed)
            .Select(y => y.Year).OrderBy(y => y).ToListAsync(cancellationToken);
        var closed = closedYears.Cast<int?>().FirstOrDefault(year =>
            participant.Enrolments.Any(e => e.IsActiveDuring(new DateOnly(year!.Value, 1, 1), new DateOnly(year.Value, 12, 31))));
        if (closed is { } closedYear)
        {
            return ChangeResult.Refused("", WritePath.ClosedYearMessage(closedYear));
        }

        if (db.CheckVersion(participant, input.Version) is { } stale)
        {
            return stale;
        }

        var changes = new List<string>();
        if (participant.Gender != input.Gender!.Value)
        {
            changes.Add($"kön {SwedishNames.Of(participant.Gender)} → {SwedishNames.Of(input.Gender.Value)}");
            participant.Gender = input.Gender.Value;
        }

        if (participant.BirthYear != input.BirthYear!.Value)
        {
            changes.Add($"födelseår {participant.BirthYear.ToString(CultureInfo.InvariantCulture)} → {input.BirthYear.Value.ToString(CultureInfo.InvariantCulture)}");
            participant.BirthYear = input.BirthYear.Value;
        }

        if (changes.Count == 0)
        {
            return ChangeResult.Refused("", "Uppgifterna är desamma som de registrerade: inget att rätta.");
        }

        audit.Add(AuditAction.Update, nameof(Participant), Id(participant.Id), $"rättade uppgifter: {string.Join(", ", changes)}. Skäl: {input.Reason!.Trim()}");
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Where a registration's gender or birth year contradicts the person registered: identity attributes change only
    /// through <see cref="CorrectIdentityAsync"/>.
    /// </summary>
    private static IEnumerable<FieldError> Contradictions(Participant participant, Gender? gender, int? birthYear)
    {
        if (gender is { } g && g != participant.Gender)
        {
            yield return new(nameof(StartInput.Gender),
                $"Deltagare {Id(participant.Id)} är registrerad som {SwedishNames.Of(participant.Gender)}. Rätta personen med Rätta uppgifter om det är fel.");
        }

        if (birthYear is { } y && y != participant.BirthYear)
        {
            yield return new(nameof(StartInput.BirthYear),
                $"Deltagare {Id(participant.Id)} är registrerad med födelseår {Id(participant.BirthYear)}. Rätta personen med Rätta uppgifter om det är fel.");
        }
    }

    /// <summary>The sub-codes that may be chosen: the active ones, and the one already on the enrolment.</summary>
    public async Task<List<EndReasonCode>> SubCodesFor(string? current, CancellationToken cancellationToken) =>
        await db.EndReasonCodes.AsNoTracking().Where(c => c.IsActive || c.Name == current).OrderBy(c => c.EndReason).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// The enrolment to change, or the refusal: it is gone, or someone saved it after the form was opened.
    /// The loaded version equals the form's, so SaveChanges' concurrency check guards the moments in between.
    /// </summary>
    private async Task<(Enrolment? Enrolment, ChangeResult? Refusal)> LoadForChangeAsync(int id, Guid version, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.Include(e => e.Insats).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enrolment is null)
        {
            return (null, ChangeResult.Refused("", "Deltagandet finns inte längre."));
        }

        return enrolment.Version == version ? (enrolment, null) : (null, ChangeResult.Refused("", ConcurrencyMessage));
    }

    private Task<ChangeResult> SaveAsync(CancellationToken cancellationToken) => db.SaveAsync(cancellationToken);

    /// <summary>
    /// The closed-year rule for a corrected enrolment: refused when it changes the days of a closed year it covers, when
    /// anything else about it changes while either version covers a closed year, or when the 12-month follow-up (counted
    /// the year after the end) changes for a closed year.
    /// </summary>
    private async Task<ChangeResult?> RefuseClosedEnrolmentChangeAsync(Enrolment enrolment, int insatsId, EnrolmentInput input, CancellationToken cancellationToken)
    {
        var otherFieldsChanged = enrolment.InsatsId != insatsId
            || enrolment.ReferringMemberId != input.ReferringMemberId
            || enrolment.SupportAtStart != SupportList.Combine(input.SupportAtStart)
            || enrolment.TimeInSupportBeforeStart != input.TimeInSupportBeforeStart
            || enrolment.EndReason != input.EndReason
            || !string.Equals(enrolment.EndReasonSubCode ?? "", input.EndReasonSubCode?.Trim() ?? "", StringComparison.OrdinalIgnoreCase)
            || enrolment.SupportAtEnd != SupportList.Combine(input.SupportAtEnd);
        if (await db.RefusePeriodChangeAsync(enrolment.StartDate, enrolment.EndDate, input.StartDate, input.EndDate, otherFieldsChanged,
                cancellationToken, nameof(input.StartDate)) is { } closed)
        {
            return closed;
        }

        if (enrolment.FollowUp12Months != input.FollowUp12Months)
        {
            foreach (var end in new[] { enrolment.EndDate, input.EndDate }.OfType<DateOnly>())
            {
                if (await db.RefuseClosedYearAsync(end.Year + 1, cancellationToken, nameof(input.FollowUp12Months)) is { } followUp)
                {
                    return followUp;
                }
            }
        }

        return null;
    }

    /// <summary>The changed fields in the audit log's words ("startdatum, avslutsorsak"), never the names in code.</summary>
    private List<string> ChangedProperties(object entity)
    {
        var names = db.Entry(entity).Properties.Where(p => p.IsModified && p.Metadata.Name != "Version")
            .Select(p => FieldNames.GetValueOrDefault(p.Metadata.Name, "annan uppgift")).Distinct().ToList();
        return names.Count == 0 ? ["inga ändringar"] : names;
    }

    /// <summary>The Swedish names, as the forms label them, of the participant's and the enrolment's fields that a correction may change.</summary>
    internal static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Participant.Gender)] = "kön",
        [nameof(Participant.BirthYear)] = "födelseår",
        [nameof(Participant.PersonKeyHash)] = "personnummer",
        [nameof(Participant.ConsentDate)] = "datum för samtycke",
        [nameof(Enrolment.ParticipantId)] = "deltagare",
        [nameof(Enrolment.ParticipantGender)] = "kön",
        [nameof(Enrolment.InsatsId)] = "insats",
        [nameof(Enrolment.StartDate)] = "startdatum",
        [nameof(Enrolment.HomeMunicipality)] = "hemkommun",
        [nameof(Enrolment.Education)] = "utbildningsnivå",
        [nameof(Enrolment.ReferringMemberId)] = "remitterad av",
        [nameof(Enrolment.SupportAtStart)] = "försörjning vid start",
        [nameof(Enrolment.TimeInSupportBeforeStart)] = "tid i offentlig försörjning före start",
        [nameof(Enrolment.EndDate)] = "slutdatum",
        [nameof(Enrolment.EndReason)] = "avslutsorsak",
        [nameof(Enrolment.EndReasonSubCode)] = "underkod",
        [nameof(Enrolment.SupportAtEnd)] = "försörjning vid avslut",
        [nameof(Enrolment.FollowUp12Months)] = "uppföljning efter 12 månader",
        [nameof(Enrolment.ImportKey)] = "importnyckel",
    };

    private static string? CanonicalSubCode(string? text, IEnumerable<EndReasonCode> codes) =>
        string.IsNullOrWhiteSpace(text) ? null : codes.First(c => string.Equals(c.Name, text.Trim(), StringComparison.OrdinalIgnoreCase)).Name;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
