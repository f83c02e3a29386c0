using System.Globalization;
using Finsam.Domain.Formatting;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;

namespace Finsam.Domain.Participants.Import;

/// <summary>
/// Reads and checks one row of an enrolment file: every field's format, the codes against the förbund's insatser,
/// members and sub-codes, and the enrolment rules. Collects every problem of the row rather than stopping at the first.
/// </summary>
public sealed class EnrolmentRowParser(
    IReadOnlyCollection<Insats> insatser,
    IReadOnlyCollection<Member> members,
    IReadOnlyCollection<EndReasonCode> subCodes,
    PersonKeyHasher hasher,
    DateOnly today)
{
    private readonly Dictionary<string, Insats> _insatsByCode = insatser.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Member> _memberByName = members.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    /// <param name="line">The row's line in the file.</param>
    /// <param name="valueOf">The row's trimmed text for a column name of <see cref="EnrolmentFileFormat"/>.</param>
    public EnrolmentRow? Parse(int line, Func<string, string> valueOf, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        void Error(string column, string message) => errors.Add(new RowError(line, column, message));

        var enrolmentId = OptionalId(EnrolmentFileFormat.EnrolmentId);
        var participantId = OptionalId(EnrolmentFileFormat.ParticipantId);
        Guid? version = null;
        if (valueOf(EnrolmentFileFormat.Version) is { Length: > 0 } versionText)
        {
            if (!Guid.TryParse(versionText, out var parsed))
            {
                Error(EnrolmentFileFormat.Version, $"\"{versionText}\" är ingen version från en export. Lämna kolumnen som exporten skrev den, eller tom.");
            }
            else if (enrolmentId is null)
            {
                Error(EnrolmentFileFormat.Version, "En version hör till ett deltagande: ange dess Deltagande-nr, eller lämna versionen tom.");
            }
            else
            {
                version = parsed;
            }
        }

        string? hash = null;
        var pnrText = valueOf(EnrolmentFileFormat.PersonalIdentityNumber);
        PersonalIdentityNumber? pnr = null;
        if (pnrText.Length > 0)
        {
            pnr = PersonalIdentityNumber.Parse(pnrText, today, out var pnrError);
            if (pnr is null)
            {
                Error(EnrolmentFileFormat.PersonalIdentityNumber, pnrError!);
            }
            else
            {
                hash = hasher.Hash(pnr);
            }
        }

        var consent = OptionalDate(EnrolmentFileFormat.ConsentDate);
        if (pnrText.Length > 0 && consent is null && !errors.Any(e => e.Line == line && e.Column == EnrolmentFileFormat.ConsentDate))
        {
            Error(EnrolmentFileFormat.ConsentDate, "Personnummer får bara registreras med samtycke: ange datum för samtycket.");
        }
        else if (consent is { } c && c > today)
        {
            Error(EnrolmentFileFormat.ConsentDate, "Samtycket är daterat i framtiden.");
        }

        var gender = RequiredChoice<Gender>(EnrolmentFileFormat.Gender);
        var birthYear = 0;
        var birthYearText = valueOf(EnrolmentFileFormat.BirthYear);
        if (birthYearText.Length == 0)
        {
            Error(EnrolmentFileFormat.BirthYear, "Födelseår saknas.");
        }
        else if (!int.TryParse(birthYearText, NumberStyles.None, CultureInfo.InvariantCulture, out birthYear) || birthYear < today.Year - 100 || birthYear > today.Year - 14)
        {
            Error(EnrolmentFileFormat.BirthYear, $"Födelseåret \"{birthYearText}\" är inte ett år mellan {today.Year - 100} och {today.Year - 14}.");
        }
        else if (pnr is not null && pnr.BirthDate.Year != birthYear)
        {
            Error(EnrolmentFileFormat.BirthYear, "Födelseåret stämmer inte med personnumret.");
        }

        var municipality = valueOf(EnrolmentFileFormat.HomeMunicipality);
        if (municipality.Length > 100)
        {
            Error(EnrolmentFileFormat.HomeMunicipality, "Hemkommunen får vara högst 100 tecken.");
        }

        var education = OptionalChoice<EducationLevel>(EnrolmentFileFormat.Education);

        Insats? insats = null;
        var code = valueOf(EnrolmentFileFormat.Insats);
        if (code.Length == 0)
        {
            Error(EnrolmentFileFormat.Insats, "Insats saknas.");
        }
        else if (!_insatsByCode.TryGetValue(code, out insats))
        {
            Error(EnrolmentFileFormat.Insats, $"Insatsen \"{code}\" finns inte. Ange insatsens kod, t.ex. {_insatsByCode.Keys.Order().FirstOrDefault() ?? "P1"}.");
        }

        var start = OptionalDate(EnrolmentFileFormat.StartDate);
        if (start is null && valueOf(EnrolmentFileFormat.StartDate).Length == 0)
        {
            Error(EnrolmentFileFormat.StartDate, "Startdatum saknas.");
        }

        Member? referring = null;
        var memberName = valueOf(EnrolmentFileFormat.ReferringMember);
        if (memberName.Length > 0 && !_memberByName.TryGetValue(memberName, out referring))
        {
            Error(EnrolmentFileFormat.ReferringMember, $"Medlemmen \"{memberName}\" finns inte. Välj bland: {string.Join(", ", _memberByName.Keys.Order())}.");
        }

        IncomeSupport? supportAtStart = valueOf(EnrolmentFileFormat.SupportAtStart).Length == 0 ? null : Support(EnrolmentFileFormat.SupportAtStart);
        var timeInSupport = OptionalChoice<TimeInSupport>(EnrolmentFileFormat.TimeInSupport);
        var end = OptionalDate(EnrolmentFileFormat.EndDate);
        var endReason = OptionalChoice<EndReason>(EnrolmentFileFormat.EndReason);
        var subCode = valueOf(EnrolmentFileFormat.EndReasonSubCode);
        var supportAtEnd = Support(EnrolmentFileFormat.SupportAtEnd);
        var followUp = OptionalChoice<FollowUpResult>(EnrolmentFileFormat.FollowUp);

        if (insats is not null && start is { } s && errors.Count == before)
        {
            foreach (var problem in EnrolmentRules.Check(insats, s, end, endReason, subCode, subCodes, today))
            {
                Error(ColumnOf(problem.Field), problem.Message);
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new EnrolmentRow
        {
            Line = line,
            EnrolmentId = enrolmentId,
            Version = version,
            ParticipantId = participantId,
            PersonKeyHash = hash,
            ConsentDate = hash is null ? null : consent,
            Gender = gender,
            BirthYear = birthYear,
            HomeMunicipality = municipality.Length == 0 ? null : municipality,
            Education = education,
            Insats = insats!,
            StartDate = start!.Value,
            ReferringMember = referring,
            SupportAtStart = supportAtStart,
            TimeInSupportBeforeStart = timeInSupport,
            EndDate = end,
            EndReason = endReason,
            EndReasonSubCode = subCode.Length == 0 ? null : subCodes.First(x => string.Equals(x.Name, subCode, StringComparison.OrdinalIgnoreCase)).Name,
            SupportAtEnd = supportAtEnd,
            FollowUp12Months = followUp,
        };

        int? OptionalId(string column)
        {
            var text = valueOf(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return id;
            }

            Error(column, $"\"{text}\" är inte ett nummer.");
            return null;
        }

        DateOnly? OptionalDate(string column)
        {
            var text = valueOf(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (SwedishFormat.TryParseDate(text, out var date))
            {
                return date;
            }

            Error(column, $"\"{text}\" är inte ett datum. Skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-14.");
            return null;
        }

        T RequiredChoice<T>(string column)
            where T : struct, Enum
        {
            if (valueOf(column).Length == 0)
            {
                Error(column, $"{column} saknas. Välj bland: {SwedishNames.Choices<T>()}.");
                return default;
            }

            return OptionalChoice<T>(column) ?? default;
        }

        T? OptionalChoice<T>(string column)
            where T : struct, Enum
        {
            var text = valueOf(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (SwedishNames.TryParse<T>(text, out var value))
            {
                return value;
            }

            Error(column, $"\"{text}\" är inget giltigt värde. Välj bland: {SwedishNames.Choices<T>()}.");
            return null;
        }

        IncomeSupport Support(string column)
        {
            if (SwedishNames.TryParseSupport(valueOf(column), out var support, out var unknown))
            {
                return support;
            }

            Error(column, $"\"{unknown}\" är ingen känd försörjning. Välj bland: {SwedishNames.Choices<IncomeSupport>()}.");
            return IncomeSupport.None;
        }
    }

    /// <summary>The file column of an enrolment property named by <see cref="EnrolmentRules"/>.</summary>
    private static string ColumnOf(string field) => field switch
    {
        nameof(Enrolment.InsatsId) => EnrolmentFileFormat.Insats,
        nameof(Enrolment.StartDate) => EnrolmentFileFormat.StartDate,
        nameof(Enrolment.EndDate) => EnrolmentFileFormat.EndDate,
        nameof(Enrolment.EndReason) => EnrolmentFileFormat.EndReason,
        nameof(Enrolment.EndReasonSubCode) => EnrolmentFileFormat.EndReasonSubCode,
        _ => field,
    };
}
