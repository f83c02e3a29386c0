using Finsam.Domain.Insatser;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Finsam.Data.Queries;

/// <summary>Reads the enrolment facts that participant statistics are computed from (see <see cref="ParticipantFlow"/>).</summary>
public static class ParticipantStatisticsQuery
{
    /// <summary>Enrolments active on at least one day of the year, projected to <see cref="EnrolmentFact"/>.</summary>
    public static Task<List<EnrolmentFact>> FactsForYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.FactsActiveAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), cancellationToken);
    }

    /// <summary>Every enrolment of one insats, projected to <see cref="EnrolmentFact"/>.</summary>
    public static Task<List<EnrolmentFact>> FactsForInsatsAsync(this FinsamDbContext db, int insatsId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ReadFactsAsync(db.Enrolments.Where(e => e.InsatsId == insatsId), cancellationToken);
    }

    private static Task<List<EnrolmentFact>> FactsActiveAsync(this FinsamDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        db.ReadFactsAsync(db.Enrolments.Where(e => e.StartDate <= to && (e.EndDate == null || e.EndDate >= from)), cancellationToken);

    /// <summary>
    /// Reads the enrolments as facts. The SQL is EF's (so it is right for each provider), but the rows are read by
    /// ordinal here: a year of a large förbund is tens of thousands of rows, and EF's materialiser took about as long as
    /// the whole statistics may (docs/performance.md). The column order is the projection's below. Every column read
    /// costs about as much as the database's own work for the row, so the two ids come as one integer, the two dates as
    /// another (day numbers), and the eight small codes (gender, whether identified, education, time in support, end
    /// reason, follow-up, support at start and at end) as a third (<see cref="FactCodes"/>).
    /// </summary>
    private static async Task<List<EnrolmentFact>> ReadFactsAsync(this FinsamDbContext db, IQueryable<Enrolment> enrolments, CancellationToken cancellationToken)
    {
        var query = enrolments.AsNoTracking().Select(e => new
        {
            Ids = ((long)e.ParticipantId * FactCodes.ParticipantId) + e.InsatsId,
            Days = ((long)e.StartDate.DayNumber * FactCodes.StartDay) + (e.EndDate == null ? 0L : e.EndDate.Value.DayNumber + 1L),
            e.Participant!.BirthYear,
            e.ReferringMemberId,
            e.HomeMunicipality,
            e.EndReasonSubCode,
            Codes = (long)e.Participant.Gender * FactCodes.Gender
                + (e.Participant.PersonKeyHash != null ? FactCodes.Identified : 0L)
                + (long)e.Education * FactCodes.Education
                + (long)e.TimeInSupportBeforeStart * FactCodes.TimeInSupport
                + (e.EndReason == null ? 0L : (long)e.EndReason.Value * FactCodes.EndReason)
                + (e.FollowUp12Months == null ? 0L : (long)e.FollowUp12Months.Value * FactCodes.FollowUp)
                + (long)e.SupportAtStart * FactCodes.SupportAtStart
                + (long)e.SupportAtEnd * FactCodes.SupportAtEnd,
        });

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = query.CreateDbCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (reader.FieldCount != FactCodes.Columns)
            {
                throw new InvalidOperationException($"The facts query returned {reader.FieldCount} columns, not {FactCodes.Columns}.");
            }

            var facts = new List<EnrolmentFact>();
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                var ids = reader.GetInt64(0);
                var days = reader.GetInt64(1);
                var codes = reader.GetInt64(6);
                var endDay = (int)(days % FactCodes.StartDay);
                var endReason = FactCodes.Field(codes, FactCodes.EndReason);
                var followUp = FactCodes.Field(codes, FactCodes.FollowUp);
                facts.Add(new EnrolmentFact(
                    (int)(ids % FactCodes.ParticipantId),
                    (int)(ids / FactCodes.ParticipantId),
                    (Gender)FactCodes.Field(codes, FactCodes.Gender),
                    DateOnly.FromDayNumber((int)(days / FactCodes.StartDay)),
                    endDay == 0 ? null : DateOnly.FromDayNumber(endDay - 1),
                    endReason == 0 ? null : (EndReason)endReason)
                {
                    BirthYear = reader.GetInt32(2),
                    ReferringMemberId = reader.IsDBNull(3) ? null : reader.GetInt32(3),
                    HomeMunicipality = Shared(reader, 4, names),
                    EndReasonSubCode = Shared(reader, 5, names),
                    IsIdentified = FactCodes.Field(codes, FactCodes.Identified) == 1,
                    Education = (EducationLevel)FactCodes.Field(codes, FactCodes.Education),
                    TimeInSupportBeforeStart = (TimeInSupport)FactCodes.Field(codes, FactCodes.TimeInSupport),
                    FollowUp12Months = followUp == 0 ? null : (FollowUpResult)followUp,
                    SupportAtStart = (IncomeSupport)FactCodes.Field(codes, FactCodes.SupportAtStart),
                    SupportAtEnd = (IncomeSupport)FactCodes.Field(codes, FactCodes.SupportAtEnd),
                });
            }

            return facts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // Municipalities and sub-codes are a few names repeated on every row: one string each.
        static string? Shared(System.Data.Common.DbDataReader reader, int ordinal, Dictionary<string, string> names)
        {
            if (reader.IsDBNull(ordinal))
            {
                return null;
            }

            var value = reader.GetString(ordinal);
            if (names.TryGetValue(value, out var shared))
            {
                return shared;
            }

            names[value] = value;
            return value;
        }
    }

    /// <summary>
    /// Where each small code of a fact sits in the one integer the facts query returns: each its own bits, the field's
    /// multiplier below (the database packs with + and *, which every provider has). Each field has room for far more
    /// values than its enum defines (an unknown end reason or follow-up is 0); the widths add up to 53 bits.
    /// </summary>
    private static class FactCodes
    {
        public const int Columns = 7;

        /// <summary>The participant's id times this, plus the insats's id, is the first column (both ids are below 2³¹).</summary>
        public const long ParticipantId = 1L << 32;

        /// <summary>
        /// The start's day number times this, plus the end's day number + 1 (0 while ongoing), is the second column: the
        /// databases count the days (a day number is below 2²² up to year 9999), so no date is sent as text and parsed.
        /// </summary>
        public const long StartDay = 1L << 22;

        public const long Gender = 1L;                  // 6 bits
        public const long Identified = 1L << 6;         // 1 bit
        public const long Education = 1L << 7;          // 6 bits
        public const long TimeInSupport = 1L << 13;     // 6 bits
        public const long EndReason = 1L << 19;         // 6 bits
        public const long FollowUp = 1L << 25;          // 6 bits
        public const long SupportAtStart = 1L << 31;    // 11 bits
        public const long SupportAtEnd = 1L << 42;      // 11 bits

        private static readonly long[] Fields = [Gender, Identified, Education, TimeInSupport, EndReason, FollowUp, SupportAtStart, SupportAtEnd, 1L << 53];

        /// <summary>
        /// Every value an enum defines fits its field: a value added to an enum that would not fits fails here, at the
        /// first statistics read (every statistics test), instead of spilling into the next field.
        /// </summary>
        static FactCodes()
        {
            Fits<Finsam.Domain.Participants.Gender>(Gender);
            Fits<EducationLevel>(Education);
            Fits<TimeInSupport>(TimeInSupport);
            Fits<Finsam.Domain.Participants.EndReason>(EndReason);
            Fits<FollowUpResult>(FollowUp);
            Fits<IncomeSupport>(SupportAtStart);
            Fits<IncomeSupport>(SupportAtEnd);

            static void Fits<TEnum>(long field)
                where TEnum : struct, Enum
            {
                var room = Fields[Array.IndexOf(Fields, field) + 1] / field;
                var all = Enum.GetValues<TEnum>().Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                var largest = typeof(TEnum).IsDefined(typeof(FlagsAttribute), false) ? all.Aggregate(0L, (a, v) => a | v) : all.Max();
                if (all.Min() < 0 || largest >= room)
                {
                    throw new InvalidOperationException($"{typeof(TEnum).Name} has values up to {largest}; its statistics field holds values below {room}.");
                }
            }
        }

        /// <summary>The value of the field whose multiplier is given.</summary>
        public static int Field(long codes, long field)
        {
            var next = Fields[Array.IndexOf(Fields, field) + 1];
            return (int)(codes % next / field);
        }
    }

    /// <summary>The years that have any enrolment, newest first; always includes the given current year.</summary>
    public static async Task<IReadOnlyList<int>> YearsWithEnrolmentsAsync(this FinsamDbContext db, int currentYear, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = await db.Enrolments.MinAsync(e => (DateOnly?)e.StartDate, cancellationToken);
        var firstYear = Math.Min(first?.Year ?? currentYear, currentYear);
        return Enumerable.Range(firstYear, currentYear - firstYear + 1).Reverse().ToList();
    }

    /// <summary>
    /// The flow of each individual insats that ran during the year, and the förbund's total over the insatser that count in it.
    /// </summary>
    public static async Task<YearlyParticipantFlows> FlowsForYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default) =>
        (await db.StatisticsForYearAsync(year, cancellationToken)).ToFlows();

    /// <summary>
    /// Every participant statistic of the year (see <see cref="ParticipantStatistics"/>) for each individual insats that ran
    /// during the year, and for the förbund's total over the insatser that count in it. The one query the pages and the
    /// annual report use for participant tables and computed goals.
    /// </summary>
    public static async Task<YearlyParticipantStatistics> StatisticsForYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default) =>
        (await db.StatisticsForYearsAsync([year], cancellationToken))[year];

    /// <summary>
    /// <see cref="StatisticsForYearAsync"/> for several years (a trend) in five queries in all: the enrolments active in
    /// the span are read once as facts and each year computed in memory from those active in it; the 12-month follow-up
    /// of the enrolments that ended the year before each year is counted in the database (it needs no person).
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, YearlyParticipantStatistics>> StatisticsForYearsAsync(
        this FinsamDbContext db, IReadOnlyCollection<int> years, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0)
        {
            return new Dictionary<int, YearlyParticipantStatistics>();
        }

        var first = years.Min();
        var last = years.Max();
        var from = new DateOnly(first, 1, 1);
        var to = new DateOnly(last, 12, 31);
        var facts = await db.FactsActiveAsync(from, to, cancellationToken);
        var followUps = await db.FollowUpsOfEndedAsync(new DateOnly(first - 1, 1, 1), new DateOnly(last - 1, 12, 31), cancellationToken);
        var insatser = await db.IndividualInsatserRunningAsync(from, to, cancellationToken);
        var ids = insatser.Select(i => i.Insats.Id).ToList();
        var yearList = years.Distinct().ToList();
        var settings = (await db.InsatsYearSettings.AsNoTracking()
                .Where(s => yearList.Contains(s.Year))
                .ToListAsync(cancellationToken))
            .Where(s => ids.Contains(s.InsatsId))
            .ToDictionary(s => (s.InsatsId, s.Year));
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return yearList.ToDictionary(
            year => year,
            year => Compute(year, facts.Where(f => f.IsCurrentIn(year)), id => followUps.GetValueOrDefault((id, year - 1), FollowUpCounts.None), insatser, settings, members));
    }

    /// <summary>The 12-month follow-up results of the enrolments that ended in the period, per insats and year of the end.</summary>
    private static async Task<Dictionary<(int InsatsId, int Year), FollowUpCounts>> FollowUpsOfEndedAsync(
        this FinsamDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var groups = await db.Enrolments.AsNoTracking()
            .Where(e => e.EndDate >= from && e.EndDate <= to)
            .GroupBy(e => new { e.InsatsId, e.EndDate!.Value.Year, e.FollowUp12Months })
            .Select(g => new { g.Key.InsatsId, g.Key.Year, g.Key.FollowUp12Months, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return groups
            .GroupBy(g => (g.InsatsId, g.Year))
            .ToDictionary(g => g.Key, g => FollowUpCounts.Of(g.Select(r => (r.FollowUp12Months, r.Count))));
    }

    private static YearlyParticipantStatistics Compute(
        int year,
        IEnumerable<EnrolmentFact> factsOfYear,
        Func<int, FollowUpCounts> followUpOf,
        List<InsatsOfYear> allInsatser,
        Dictionary<(int, int), InsatsYearSettings> settings,
        Dictionary<int, string> members)
    {
        var facts = factsOfYear.ToList();
        var insatser = allInsatser
            .Where(i => i.Insats.RunsDuring(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)))
            .Select(i => (i.Insats, Setting: InsatsYearSettings.For(i.Insats, year, settings.GetValueOrDefault((i.Insats.Id, year)))))
            .ToList();
        var byInsats = facts.ToLookup(f => f.InsatsId);
        var rows = insatser
            .Select(i => new InsatsStatistics(
                i.Insats.Id, i.Insats.Code, i.Insats.Name, i.Setting.CountsInTotals, ParticipantStatistics.Compute(year, byInsats[i.Insats.Id], followUpOf(i.Insats.Id)))
            {
                OutcomesApply = i.Setting.OutcomesApply,
            })
            .ToList();
        var totals = FederationTotals.Compute(
            year,
            facts,
            insatser.Where(i => i.Setting.CountsInTotals).Select(i => i.Insats.Id).ToHashSet(),
            insatser.Where(i => i.Setting.OutcomesApply).Select(i => i.Insats.Id).ToHashSet(),
            followUpOf);
        return new YearlyParticipantStatistics(year, rows, totals.Total, members) { Outcomes = totals.Outcomes };
    }

    /// <summary>The individual insatser that ran on at least one day of the period, by code.</summary>
    private static async Task<List<InsatsOfYear>> IndividualInsatserRunningAsync(this FinsamDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await db.Insatser.AsNoTracking()
            .Where(i => i.Kind == InsatsKind.Individual && i.StartDate <= to && (i.EndDate == null || i.EndDate >= from))
            .OrderBy(i => i.Code)
            .Select(i => new InsatsOfYear(new Insats
            {
                Id = i.Id,
                Code = i.Code,
                Name = i.Name,
                Kind = i.Kind,
                CountsInParticipantTotals = i.CountsInParticipantTotals,
                StartDate = i.StartDate,
                EndDate = i.EndDate,
            }))
            .ToListAsync(cancellationToken);

    private sealed record InsatsOfYear(Insats Insats);
}

/// <param name="OutcomesApply">Utfallsmått tillämpliga: false prints "ej tillämpligt" for till arbete/studier and arbetssökande.</param>
public sealed record InsatsFlow(int InsatsId, string Code, string Name, bool CountsInTotals, ParticipantFlow Flow, bool OutcomesApply = true);

/// <summary>
/// One year's flows per insats, and the total over the insatser that count in the förbund's totals.
/// <paramref name="OutcomesTotal"/> is the total over those whose outcome measures apply: the förbund's outcome shares.
/// </summary>
public sealed record YearlyParticipantFlows(int Year, IReadOnlyList<InsatsFlow> Insatser, ParticipantFlow Total, ParticipantFlow? OutcomesTotal = null)
{
    /// <summary>The förbund's share to work or studies, on the enrolments of insatser whose outcome measures apply.</summary>
    public Share TotalWorkOrStudiesShare => (OutcomesTotal ?? Total).WorkOrStudiesShare;

    /// <summary>Whether some insats's outcome measures do not apply (the tables then carry the "e.t." footnote).</summary>
    public bool AnyOutcomesNotApplicable => Insatser.Any(i => !i.OutcomesApply);
}

public sealed record InsatsStatistics(int InsatsId, string Code, string Name, bool CountsInTotals, ParticipantStatistics Statistics)
{
    /// <summary>Utfallsmått tillämpliga this year: when false every outcome figure of the insats is "ej tillämpligt".</summary>
    public bool OutcomesApply { get; init; } = true;

    /// <summary>The statistics its outcome measures are taken from, or null when they do not apply.</summary>
    public ParticipantStatistics? OutcomeStatistics => OutcomesApply ? Statistics : null;
}

/// <summary>One year's participant statistics per insats and in total, with the members' names for the referrer table.</summary>
public sealed record YearlyParticipantStatistics(
    int Year,
    IReadOnlyList<InsatsStatistics> Insatser,
    ParticipantStatistics Total,
    IReadOnlyDictionary<int, string> MemberNames)
{
    private readonly ParticipantStatistics? outcomes;

    /// <summary>
    /// The förbund's total over the insatser that count in it <b>and</b> whose outcome measures apply: every outcome share
    /// of the förbund (till arbete/studier, arbetssökande, avslutsskäl, egen försörjning) is taken from it. Defaults to
    /// <see cref="Total"/>.
    /// </summary>
    public ParticipantStatistics Outcomes
    {
        get => outcomes ?? Total;
        init => outcomes = value;
    }

    public YearlyParticipantFlows ToFlows() =>
        new(
            Year,
            Insatser.Select(i => new InsatsFlow(i.InsatsId, i.Code, i.Name, i.CountsInTotals, i.Statistics.Flow, i.OutcomesApply)).ToList(),
            Total.Flow,
            Outcomes.Flow);

    /// <summary>Whether the insats's outcome measures apply in the year (true for an insats without a row).</summary>
    public bool OutcomesApplyFor(int insatsId) => Insatser.FirstOrDefault(i => i.InsatsId == insatsId)?.OutcomesApply ?? true;

    /// <summary>The statistics of one insats; empty statistics for an insats without participants that year.</summary>
    public ParticipantStatistics For(int insatsId) =>
        Insatser.FirstOrDefault(i => i.InsatsId == insatsId)?.Statistics ?? ParticipantStatistics.Compute(Year, []);
}
