using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Domain.Participants;
using Finsam.Domain.Participants.Import;
using Finsam.Reporting.Tabular;
using Finsam.Web.Auditing;
using Finsam.Web.Jobs;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

/// <summary>
/// Imports an enrolment file (CSV or Excel, see docs/import-format.md) all or nothing: every row is read and checked
/// first; with any problem nothing is stored and every problem is reported by line and column; otherwise all rows
/// are stored in one transaction. A row that matches an enrolment already registered updates it, so importing the
/// same file twice creates nothing new.
/// </summary>
public sealed class EnrolmentImporter(FinsamDbContext db, AuditLog audit, PersonKeyProvider keys, TimeProvider clock)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The file names the import reads (<see cref="TableReader"/>): CSV (also as .txt) and Excel.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".txt", ".xlsx"];

    public const string NotATable = "Filen ska vara CSV (.csv) eller Excel (.xlsx).";

    /// <summary>
    /// Rows in one file (docs/import-format.md). A förbund registers a few thousand enrolments a year, so ten years'
    /// history is about 50 000; a file this size imports, and imports again, in seconds (ImportExportTests).
    /// </summary>
    public const int MaxRows = 50_000;

    public sealed record Outcome(IReadOnlyList<RowError> Errors, int Created, int Updated, int Unchanged)
    {
        public bool Succeeded => Errors.Count == 0;

        public int Rows => Created + Updated + Unchanged;

        /// <summary>The CSV file's encoding as read ("UTF-8", "UTF-8 med BOM", "Windows-1252"); null for Excel or an unread file.</summary>
        public string? Encoding { get; init; }
    }

    public Task<Outcome> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken) =>
        ImportAsync(file, fileName, null, cancellationToken);

    /// <summary>Rows checked between two progress reports.</summary>
    public const int ProgressEvery = 1_000;

    /// <param name="progress">Where to report how far the import has come (a background job's page), or null.</param>
    public async Task<Outcome> ImportAsync(Stream file, string fileName, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new JobProgress(0, 0, "Läser filen"));
        Table table;
        try
        {
            table = TableReader.Read(file, fileName);
        }
        catch (TableFormatException ex)
        {
            return Failed(new RowError(0, "Fil", ex.Message));
        }

        var columnErrors = CheckColumns(table);
        if (columnErrors.Count > 0)
        {
            return new Outcome(columnErrors, 0, 0, 0);
        }

        if (table.Rows.Count > MaxRows)
        {
            return Failed(new RowError(0, "Fil",
                $"Filen har {SwedishFormat.Number(table.Rows.Count)} rader. Högst {SwedishFormat.Number(MaxRows)} rader kan importeras på en gång: dela upp filen och importera delarna var för sig."));
        }

        if (table.Rows.Count == 0)
        {
            return Failed(new RowError(1, "Fil", "Filen har rubriker men inga rader att importera."));
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var insatser = await db.Insatser.AsNoTracking().ToListAsync(cancellationToken);
        var members = await db.Members.AsNoTracking().ToListAsync(cancellationToken);
        var subCodes = await db.EndReasonCodes.AsNoTracking().Where(c => c.IsActive).ToListAsync(cancellationToken);
        var parser = new EnrolmentRowParser(insatser, members, subCodes, keys.Hasher, today);
        var columns = EnrolmentFileFormat.Columns.ToDictionary(c => c, table.ColumnOf);

        var errors = new List<RowError>();
        var rows = new List<EnrolmentRow>(table.Rows.Count);
        var total = table.Rows.Count;
        var done = 0;
        foreach (var row in table.Rows)
        {
            if (parser.Parse(row.Line, column => row[columns[column]], errors) is { } parsed)
            {
                rows.Add(parsed);
            }

            if (++done % ProgressEvery == 0)
            {
                progress?.Report(new JobProgress(done, total, "Kontrollerar raderna"));
            }
        }

        if (errors.Count > 0)
        {
            return new Outcome(errors, 0, 0, 0);
        }

        progress?.Report(new JobProgress(0, 0, "Jämför med det som är registrerat och sparar"));   // no count: the bar shows work going on
        var present = EnrolmentFileFormat.Columns.Where(c => columns[c] >= 0).ToHashSet(StringComparer.Ordinal);
        return await ApplyAsync(rows, present, fileName, cancellationToken) with { Encoding = table.Encoding };
    }

    private static List<RowError> CheckColumns(Table table)
    {
        var errors = new List<RowError>();
        foreach (var required in EnrolmentFileFormat.Required.Where(c => table.ColumnOf(c) < 0))
        {
            errors.Add(new RowError(1, required, $"Kolumnen \"{required}\" saknas i rubrikraden."));
        }

        foreach (var header in table.Headers.Where(h => h.Trim().Length > 0 && !EnrolmentFileFormat.Columns.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add(new RowError(1, header, $"Okänd kolumn \"{header}\". Kolumnerna beskrivs i importformatet."));
        }

        foreach (var duplicate in table.Headers.Where(h => h.Trim().Length > 0).GroupBy(h => h.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new RowError(1, duplicate.Key, $"Kolumnen \"{duplicate.Key}\" finns flera gånger."));
        }

        return errors;
    }

    /// <param name="present">The columns the file has: a column it leaves out never changes a stored value.</param>
    private async Task<Outcome> ApplyAsync(List<EnrolmentRow> rows, HashSet<string> present, string fileName, CancellationToken cancellationToken)
    {
        var errors = new List<RowError>();

        // Everything the rows may refer to, loaded once.
        var enrolmentIds = rows.Where(r => r.EnrolmentId is not null).Select(r => r.EnrolmentId!.Value).Distinct().ToList();
        var participantIds = rows.Where(r => r.ParticipantId is not null).Select(r => r.ParticipantId!.Value).Distinct().ToList();
        var hashes = rows.Where(r => r.PersonKeyHash is not null).Select(r => r.PersonKeyHash!).Distinct().ToList();
        var importKeys = ImportKeys(rows);
        var keyValues = importKeys.Values.ToList();

        var participants = await ParticipantsReferredToAsync(participantIds, hashes, enrolmentIds, keyValues, cancellationToken);
        var byId = participants.ToDictionary(p => p.Id);
        var byHash = participants.Where(p => p.PersonKeyHash is not null).ToDictionary(p => p.PersonKeyHash!);
        var enrolmentById = participants.SelectMany(p => p.Enrolments).ToDictionary(e => e.Id);
        var enrolmentByKey = participants.SelectMany(p => p.Enrolments).Where(e => e.ImportKey is not null)
            .GroupBy(e => e.ImportKey!).ToDictionary(g => g.Key, g => g.First());

        var now = clock.GetUtcNow().UtcDateTime;
        var touched = new HashSet<Enrolment>();
        var firstLineOfNewPerson = new Dictionary<Participant, int>(ReferenceEqualityComparer.Instance);
        var applied = new List<(Enrolment Enrolment, Participant Participant, bool IsNew)>(rows.Count);
        var lines = new Dictionary<Enrolment, int>();
        var exportedVersions = new Dictionary<Enrolment, Guid>();

        // New participants and enrolments are not tracked: they are written with multi-row inserts (see WriteAsync).
        // A new enrolment is kept beside its participant here instead of in the participant's (maybe tracked) collection.
        var newParticipants = new List<Participant>();
        var newEnrolments = new List<(Enrolment Enrolment, Participant Participant)>();
        var addedTo = new Dictionary<Participant, List<Enrolment>>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows)
        {
            Enrolment? enrolment = null;
            Participant? participant = null;
            if (row.EnrolmentId is { } enrolmentId)
            {
                if (!enrolmentById.TryGetValue(enrolmentId, out enrolment))
                {
                    errors.Add(new RowError(row.Line, EnrolmentFileFormat.EnrolmentId, $"Deltagande {enrolmentId} finns inte."));
                    continue;
                }

                participant = byId.GetValueOrDefault(enrolment.ParticipantId) ?? enrolment.Participant;
                if (row.ParticipantId is { } pid && pid != enrolment.ParticipantId)
                {
                    errors.Add(new RowError(row.Line, EnrolmentFileFormat.ParticipantId, $"Deltagande {enrolmentId} hör till deltagare {enrolment.ParticipantId}, inte {pid}."));
                    continue;
                }
            }
            else if (row.ParticipantId is { } participantId)
            {
                if (!byId.TryGetValue(participantId, out participant))
                {
                    errors.Add(new RowError(row.Line, EnrolmentFileFormat.ParticipantId, $"Deltagare {participantId} finns inte."));
                    continue;
                }
            }
            else if (row.PersonKeyHash is { } hash)
            {
                if (!byHash.TryGetValue(hash, out participant))
                {
                    participant = NewParticipant(row, now);
                    newParticipants.Add(participant);
                    byHash[hash] = participant;
                    firstLineOfNewPerson[participant] = row.Line;
                }
            }

            if (participant is not null && Contradiction(participant, row, firstLineOfNewPerson) is { } contradiction)
            {
                errors.Add(contradiction);
                continue;
            }

            if (participant is not null && row.PersonKeyHash is { } rowHash && participant.PersonKeyHash is { } known && known != rowHash)
            {
                errors.Add(new RowError(row.Line, EnrolmentFileFormat.PersonalIdentityNumber, "Personnumret stämmer inte med deltagaren."));
                continue;
            }

            enrolment ??= participant?.Enrolments.FirstOrDefault(e => e.InsatsId == row.Insats.Id && e.StartDate == row.StartDate && !touched.Contains(e));
            if (enrolment is null && participant is null && enrolmentByKey.TryGetValue(importKeys[row], out var byKey))
            {
                enrolment = byKey;
                participant = byKey.Participant ?? byId.GetValueOrDefault(byKey.ParticipantId);
            }

            if (enrolment is not null && !touched.Add(enrolment))
            {
                errors.Add(new RowError(row.Line, EnrolmentFileFormat.StartDate, "Samma deltagande finns på en tidigare rad i filen."));
                continue;
            }

            if (participant is null)
            {
                participant = NewParticipant(row, now);
                newParticipants.Add(participant);
            }
            else
            {
                // Gender and birth year never change here (a contradiction is refused above): only "Rätta uppgifter" corrects them.
                if (row.PersonKeyHash is not null && (participant.PersonKeyHash != row.PersonKeyHash || (row.ConsentDate is { } consent && consent != participant.ConsentDate)))
                {
                    if (participant.Id > 0)
                    {
                        Track(participant);
                    }

                    participant.PersonKeyHash = row.PersonKeyHash;
                    participant.ConsentDate = row.ConsentDate ?? participant.ConsentDate;
                }
            }

            var isNew = enrolment is null;
            if (enrolment is null)
            {
                enrolment = new Enrolment { ImportKey = row.PersonKeyHash is null && row.ParticipantId is null ? importKeys[row] : null };
                newEnrolments.Add((enrolment, participant));
                if (!addedTo.TryGetValue(participant, out var added))
                {
                    addedTo[participant] = added = [];
                }

                added.Add(enrolment);
                touched.Add(enrolment);
            }

            applied.Add((enrolment, participant, isNew));
            lines[enrolment] = row.Line;
            if (!isNew && row.Version is { } exported)
            {
                exportedVersions[enrolment] = exported;
            }

            var stored = isNew ? default : StoredValues.Of(enrolment);
            if (Apply(row, enrolment, isNew, present) is { } mergeError)
            {
                errors.Add(mergeError);
                continue;
            }

            if (!isNew && StoredValues.Of(enrolment) is var changed && changed != stored)
            {
                // Only an enrolment the row changes is tracked, with what was stored as its original values.
                stored.WriteTo(enrolment);
                db.Entry(enrolment).State = EntityState.Unchanged;
                changed.WriteTo(enrolment);
            }

            var others = participant.Enrolments.Concat(addedTo.GetValueOrDefault(participant) ?? []).Where(e => e != enrolment);
            if (EnrolmentRules.Overlapping(others, row.Insats.Id, row.StartDate, row.EndDate, exceptEnrolmentId: -1) is { } other)
            {
                errors.Add(new RowError(row.Line, EnrolmentFileFormat.StartDate,
                    $"Perioden överlappar ett annat deltagande för samma person i {row.Insats.Code} (start {other.StartDate:yyyy-MM-dd})."));
            }
        }

        db.ChangeTracker.DetectChanges();
        if (db.ChangeTracker.Entries().Any(e => e.State == EntityState.Added))
        {
            // New rows go in with the bulk insert alone; one tracked as added too would be stored twice.
            throw new InvalidOperationException("The enrolment import tracked a new entity; new rows are inserted in bulk only.");
        }

        // A row from an old export that would change an enrolment changed in Finsam since: refused, so a re-import
        // never undoes a later edit (a row that changes nothing is harmless, whatever its version).
        foreach (var (enrolment, version) in exportedVersions)
        {
            if (db.Entry(enrolment).State == EntityState.Modified && enrolment.Version != version)
            {
                errors.Add(new RowError(lines[enrolment], EnrolmentFileFormat.Version,
                    $"Deltagande {enrolment.Id} har ändrats i Finsam efter att filen exporterades. Exportera på nytt och gör ändringen i den nya filen, så skrivs den senare ändringen inte över."));
            }
        }

        errors.AddRange(await ClosedYearErrorsAsync(applied, lines, cancellationToken));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new Outcome(errors, 0, 0, 0);
        }

        var created = applied.Count(a => a.IsNew);
        var updated = applied.Count(a => !a.IsNew
            && (db.Entry(a.Enrolment).State == EntityState.Modified || db.Entry(a.Participant).State == EntityState.Modified));
        var unchanged = rows.Count - created - updated;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (await db.LargeWriteAsync(cancellationToken))
        {
            await InsertNewAsync(newParticipants, newEnrolments, cancellationToken);

            // The changed enrolments and participants and the audit entry: one SaveChanges, in the same transaction.
            audit.Add(AuditAction.Import, "Enrolment", null, $"{Path.GetFileName(fileName)}: {rows.Count} rader, {created} nya, {updated} ändrade, {unchanged} oförändrade");
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new Outcome([], created, updated, unchanged);
    }

    /// <summary>Starts tracking a participant read without tracking (it alone, not its enrolments), before the import changes it.</summary>
    private void Track(Participant participant)
    {
        var entry = db.Entry(participant);
        if (entry.State == EntityState.Detached)
        {
            entry.State = EntityState.Unchanged;
        }
    }

    /// <summary>The values of an enrolment that a row can change (see <see cref="Apply"/>).</summary>
    private readonly record struct StoredValues(
        int InsatsId, DateOnly StartDate, string? HomeMunicipality, EducationLevel Education, int? ReferringMemberId, IncomeSupport SupportAtStart,
        TimeInSupport TimeInSupportBeforeStart, DateOnly? EndDate, EndReason? EndReason, string? EndReasonSubCode, IncomeSupport SupportAtEnd, FollowUpResult? FollowUp12Months)
    {
        public static StoredValues Of(Enrolment e) => new(
            e.InsatsId, e.StartDate, e.HomeMunicipality, e.Education, e.ReferringMemberId, e.SupportAtStart,
            e.TimeInSupportBeforeStart, e.EndDate, e.EndReason, e.EndReasonSubCode, e.SupportAtEnd, e.FollowUp12Months);

        public void WriteTo(Enrolment e)
        {
            e.InsatsId = InsatsId;
            e.StartDate = StartDate;
            e.HomeMunicipality = HomeMunicipality;
            e.Education = Education;
            e.ReferringMemberId = ReferringMemberId;
            e.SupportAtStart = SupportAtStart;
            e.TimeInSupportBeforeStart = TimeInSupportBeforeStart;
            e.EndDate = EndDate;
            e.EndReason = EndReason;
            e.EndReasonSubCode = EndReasonSubCode;
            e.SupportAtEnd = SupportAtEnd;
            e.FollowUp12Months = FollowUp12Months;
        }
    }

    /// <summary>
    /// Writes the new participants and enrolments with multi-row inserts (<see cref="BulkInsert"/>), outside the change
    /// tracker: 20 000 new rows through SaveChanges meant 40 000 tracked entities. Their ids are given here, the first
    /// free ones taken inside the import's transaction (so no other writer takes them), and each gets its first
    /// concurrency token as SaveChanges would give it.
    /// </summary>
    private async Task InsertNewAsync(List<Participant> participants, List<(Enrolment Enrolment, Participant Participant)> enrolments, CancellationToken cancellationToken)
    {
        if (participants.Count > 0)
        {
            var nextParticipantId = await db.NextIdAsync<Participant>(cancellationToken);
            foreach (var participant in participants)
            {
                participant.Id = checked((int)nextParticipantId++);
                participant.Version = Guid.NewGuid();
            }

            await db.InsertAsync(participants, explicitKeys: true, cancellationToken);
        }

        if (enrolments.Count > 0)
        {
            var nextEnrolmentId = await db.NextIdAsync<Enrolment>(cancellationToken);
            var rows = new List<Enrolment>(enrolments.Count);
            foreach (var (enrolment, participant) in enrolments)
            {
                enrolment.Id = checked((int)nextEnrolmentId++);
                enrolment.ParticipantId = participant.Id;
                enrolment.ParticipantGender = participant.Gender; // the copy FinsamDbContext keeps on a save; the bulk insert bypasses it
                enrolment.Version = Guid.NewGuid();
                rows.Add(enrolment);
            }

            await db.InsertAsync(rows, explicitKeys: true, cancellationToken);
        }
    }

    /// <summary>
    /// The closed-year rule for the import (the whole file is refused, naming the line): a new enrolment that covers a day
    /// of a closed (adopted) year, or a changed one whose covered days of a closed year change, or that changes in any other
    /// way (or whose participant's counted attributes change) while either version covers a closed year.
    /// </summary>
    private async Task<List<RowError>> ClosedYearErrorsAsync(
        List<(Enrolment Enrolment, Participant Participant, bool IsNew)> applied, Dictionary<Enrolment, int> lines, CancellationToken cancellationToken)
    {
        var closed = await db.FiscalYears.AsNoTracking().Where(y => y.Status == Domain.Economy.FiscalYearStatus.Closed)
            .OrderBy(y => y.Year).Select(y => new { y.Year, y.StartDate, y.EndDate }).ToListAsync(cancellationToken);
        var errors = new List<RowError>();
        if (closed.Count == 0)
        {
            return errors;
        }

        foreach (var (enrolment, participant, isNew) in applied)
        {
            // A new enrolment is not tracked (it is inserted in bulk): only an existing one has original values. An existing
            // one that is not tracked is unchanged (only what a row changes is tracked), so it changes no year.
            var entry = isNew ? null : db.Entry(enrolment);
            if (entry is { State: EntityState.Detached })
            {
                continue;
            }

            DateOnly? oldStart = entry?.Property(e => e.StartDate).OriginalValue;
            DateOnly? oldEnd = entry?.Property(e => e.EndDate).OriginalValue;
            // The person's gender and birth year never change in an import (a contradiction is refused); education and
            // hemkommun are the enrolment's own, so what the year counts changes only through the enrolment.
            var otherFieldsChanged = entry is null
                || entry.Properties.Any(p => p.IsModified && p.Metadata.Name is not (nameof(Enrolment.StartDate) or nameof(Enrolment.EndDate) or nameof(Enrolment.FollowUp12Months)));
            var touched = closed.FirstOrDefault(y => isNew
                ? Domain.Organisation.Term.ChangeTouches(enrolment.StartDate, enrolment.EndDate, enrolment.StartDate, enrolment.EndDate, y.StartDate, y.EndDate, true)
                : Domain.Organisation.Term.ChangeTouches(oldStart, oldEnd, enrolment.StartDate, enrolment.EndDate, y.StartDate, y.EndDate, otherFieldsChanged));
            if (touched is null && entry is not null && entry.Property(e => e.FollowUp12Months).IsModified)
            {
                touched = closed.FirstOrDefault(y => y.Year == (oldEnd?.Year ?? 0) + 1 || y.Year == (enrolment.EndDate?.Year ?? 0) + 1);
            }

            if (touched is not null)
            {
                errors.Add(new RowError(lines[enrolment], EnrolmentFileFormat.StartDate,
                    $"{WritePath.ClosedYearMessage(touched.Year)} Raden ändrar årets deltagande, så ingenting i filen är importerat."));
            }
        }

        return errors;
    }

    /// <summary>Values in one lookup query: each is a SQL parameter, and SQLite allows 32 766 in a statement (SQL Server 2 100).</summary>
    public const int LookupChunk = 500;

    /// <summary>
    /// The participants (with their enrolments, not tracked: only what the import changes is tracked, see <see cref="Track"/>
    /// and <see cref="StoredValues"/>) that the rows refer to: by id, by personal key, or through an
    /// enrolment's id or import key. Found with bounded queries of at most <see cref="LookupChunk"/> values each, first the
    /// participants' ids (over the indexes), then the participants themselves, so that a file of any size can be imported.
    /// </summary>
    private async Task<List<Participant>> ParticipantsReferredToAsync(
        List<int> participantIds, List<string> hashes, List<int> enrolmentIds, List<string> importKeys, CancellationToken cancellationToken)
    {
        var ids = new HashSet<int>(participantIds);
        foreach (var chunk in hashes.Chunk(LookupChunk))
        {
            ids.UnionWith(await db.Participants.Where(p => p.PersonKeyHash != null && chunk.Contains(p.PersonKeyHash)).Select(p => p.Id).ToListAsync(cancellationToken));
        }

        foreach (var chunk in enrolmentIds.Chunk(LookupChunk))
        {
            ids.UnionWith(await db.Enrolments.Where(e => chunk.Contains(e.Id)).Select(e => e.ParticipantId).ToListAsync(cancellationToken));
        }

        foreach (var chunk in importKeys.Chunk(LookupChunk))
        {
            ids.UnionWith(await db.Enrolments.Where(e => e.ImportKey != null && chunk.Contains(e.ImportKey)).Select(e => e.ParticipantId).ToListAsync(cancellationToken));
        }

        var participants = new List<Participant>(ids.Count);
        foreach (var chunk in ids.Order().Chunk(LookupChunk))
        {
            // Two plain queries, put together here: an Include with identity resolution cost far more (about 40 MB a chunk).
            var found = await db.Participants.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var enrolment in await db.Enrolments.AsNoTracking().Where(e => chunk.Contains(e.ParticipantId)).ToListAsync(cancellationToken))
            {
                var participant = found[enrolment.ParticipantId];
                enrolment.Participant = participant;
                participant.Enrolments.Add(enrolment);
            }

            participants.AddRange(found.Values);
        }

        return participants;
    }

    /// <summary>
    /// A row whose gender or birth year contradicts the person it belongs to: the person registered before, or (for a
    /// person new in this file) the file's first row of that person. Null when they agree.
    /// </summary>
    private static RowError? Contradiction(Participant participant, EnrolmentRow row, Dictionary<Participant, int> firstLineOfNewPerson)
    {
        const string Fix = "Rätta personen med Rätta uppgifter eller rätta filen.";
        var who = participant.Id > 0 ? $"Deltagare {Number(participant.Id)}" : null;
        var firstLine = firstLineOfNewPerson.GetValueOrDefault(participant);
        if (participant.Gender != row.Gender)
        {
            var message = who is not null
                ? $"{who} är registrerad som {SwedishNames.Of(participant.Gender)}, filen säger {SwedishNames.Of(row.Gender)}. {Fix}"
                : $"Samma person är {SwedishNames.Of(participant.Gender)} på rad {Number(firstLine)}, här {SwedishNames.Of(row.Gender)}. Rätta filen.";
            return new RowError(row.Line, EnrolmentFileFormat.Gender, message);
        }

        if (participant.BirthYear != row.BirthYear)
        {
            var message = who is not null
                ? $"{who} är registrerad med födelseår {Number(participant.BirthYear)}, filen säger {Number(row.BirthYear)}. {Fix}"
                : $"Samma person har födelseår {Number(participant.BirthYear)} på rad {Number(firstLine)}, här {Number(row.BirthYear)}. Rätta filen.";
            return new RowError(row.Line, EnrolmentFileFormat.BirthYear, message);
        }

        return null;
    }

    /// <summary>
    /// Writes a row's values to its enrolment. A new enrolment takes every value (the default where the file says
    /// nothing). An existing one changes only what the file says: a column left out of the file keeps the stored value,
    /// and so does an empty cell of an attribute recorded at the start (hemkommun, utbildning, remitterad av, försörjning
    /// vid start, tid i försörjning före start); the end columns, when present, are taken as they are (empty = ongoing, none).
    /// </summary>
    private static RowError? Apply(EnrolmentRow row, Enrolment enrolment, bool isNew, HashSet<string> present)
    {
        enrolment.InsatsId = row.Insats.Id;
        enrolment.StartDate = row.StartDate;
        if (isNew)
        {
            enrolment.HomeMunicipality = row.HomeMunicipality;
            enrolment.Education = row.Education ?? EducationLevel.Unknown;
            enrolment.ReferringMemberId = row.ReferringMember?.Id;
            enrolment.SupportAtStart = row.SupportAtStart ?? IncomeSupport.None;
            enrolment.TimeInSupportBeforeStart = row.TimeInSupportBeforeStart ?? TimeInSupport.Unknown;
            enrolment.EndDate = row.EndDate;
            enrolment.EndReason = row.EndReason;
            enrolment.EndReasonSubCode = row.EndReasonSubCode;
            enrolment.SupportAtEnd = row.SupportAtEnd;
            enrolment.FollowUp12Months = row.FollowUp12Months;
            return null;
        }

        enrolment.HomeMunicipality = row.HomeMunicipality ?? enrolment.HomeMunicipality;
        enrolment.Education = row.Education ?? enrolment.Education;
        enrolment.ReferringMemberId = row.ReferringMember?.Id ?? enrolment.ReferringMemberId;
        enrolment.SupportAtStart = row.SupportAtStart ?? enrolment.SupportAtStart;
        enrolment.TimeInSupportBeforeStart = row.TimeInSupportBeforeStart ?? enrolment.TimeInSupportBeforeStart;
        if (present.Contains(EnrolmentFileFormat.EndDate))
        {
            enrolment.EndDate = row.EndDate;
        }

        if (present.Contains(EnrolmentFileFormat.EndReason))
        {
            if (enrolment.EndReason != row.EndReason && !present.Contains(EnrolmentFileFormat.EndReasonSubCode))
            {
                enrolment.EndReasonSubCode = null; // A sub-code belongs to its end reason.
            }

            enrolment.EndReason = row.EndReason;
        }

        if (present.Contains(EnrolmentFileFormat.EndReasonSubCode))
        {
            enrolment.EndReasonSubCode = row.EndReasonSubCode;
        }

        if (present.Contains(EnrolmentFileFormat.SupportAtEnd))
        {
            enrolment.SupportAtEnd = row.SupportAtEnd;
        }

        if (present.Contains(EnrolmentFileFormat.FollowUp))
        {
            enrolment.FollowUp12Months = row.FollowUp12Months;
        }

        // What the row leaves to the stored values must still make a whole enrolment.
        if (enrolment.EndDate is { } end && end < enrolment.StartDate)
        {
            return new RowError(row.Line, EnrolmentFileFormat.StartDate,
                $"Deltagandet är registrerat med slutdatum {SwedishFormat.Date(end)}, före startdatumet. Ta med kolumnen Slutdatum i filen.");
        }

        if ((enrolment.EndDate is null) != (enrolment.EndReason is null))
        {
            return new RowError(row.Line, enrolment.EndDate is null ? EnrolmentFileFormat.EndReason : EnrolmentFileFormat.EndDate,
                "Slutdatum och avslutsorsak anges tillsammans. Ta med båda kolumnerna i filen.");
        }

        if (enrolment.FollowUp12Months is not null && enrolment.EndDate is null)
        {
            return new RowError(row.Line, EnrolmentFileFormat.FollowUp, "Uppföljning efter 12 månader kan bara anges för ett avslutat deltagande.");
        }

        return null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Participant NewParticipant(EnrolmentRow row, DateTime now) => new()
    {
        Gender = row.Gender,
        BirthYear = row.BirthYear,
        PersonKeyHash = row.PersonKeyHash,
        ConsentDate = row.ConsentDate,
        CreatedAtUtc = now,
    };

    /// <summary>
    /// A stable key per anonymous row: its identifying values and how many identical rows came before it in the file.
    /// The same file gives the same keys, so a second import finds the enrolments of the first.
    /// </summary>
    private static Dictionary<EnrolmentRow, string> ImportKeys(IEnumerable<EnrolmentRow> rows)
    {
        var seen = new Dictionary<string, int>();
        var keys = new Dictionary<EnrolmentRow, string>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows)
        {
            var fingerprint = row.AnonymousFingerprint;
            var occurrence = seen[fingerprint] = seen.GetValueOrDefault(fingerprint) + 1;
            var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{fingerprint}|{occurrence.ToString(CultureInfo.InvariantCulture)}"));
            keys[row] = Convert.ToHexStringLower(bytes);
        }

        return keys;
    }

    private static Outcome Failed(RowError error) => new([error], 0, 0, 0);
}
