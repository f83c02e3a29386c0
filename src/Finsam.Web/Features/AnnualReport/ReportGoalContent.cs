using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Formatting;
using Finsam.Domain.Goals;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;
using Finsam.Reporting.AnnualReport;
using Finsam.Reporting.Charts;
using Finsam.Web.Features.Goals;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>
/// The report's goal and participant content: the förbund's goals (måluppfyllelse), the participant tables and charts
/// (deltagare), and per insats its goals, rating and flow (the bilaga, laid out as the 2017 bilaga 2). Aggregates only,
/// and under the small-cell rule for every reader (<see cref="SmallCells"/>, <see cref="ReportSmallCells"/>): the
/// report is published, so no count of 1–4 persons appears in its PDF, workbook or JSON, whoever generates it.
/// </summary>
public sealed class ReportGoalContent(FinsamDbContext db, RatingScale scale)
{
    private YearlyParticipantStatistics? previousYear;

    /// <summary>Last year's statistics, read once per report, for the previous year's results beside this year's.</summary>
    private async Task<YearlyParticipantStatistics> PreviousAsync(int year, CancellationToken cancellationToken) =>
        previousYear is { } cached && cached.Year == year - 1 ? cached : previousYear = await db.StatisticsForYearAsync(year - 1, cancellationToken);

    public async Task<IReadOnlyList<ReportBlock>> GoalFulfilmentAsync(int year, YearlyParticipantStatistics statistics, CancellationToken cancellationToken)
    {
        var previous = await PreviousAsync(year, cancellationToken);
        var areas = await db.FederationGoalsForYearAsync(year, statistics, previous, cancellationToken);
        if (areas.Count == 0)
        {
            return [new ParagraphBlock($"Inga mål för förbundet är inlagda för {year}.")];
        }

        var flows = new PrintedFlows(statistics);
        var previousFlows = new PrintedFlows(previous);

        var blocks = new List<ReportBlock>();
        foreach (var area in areas)
        {
            blocks.Add(new HeadingBlock($"Målområde {area.Area.Number}: {area.Area.Name}"));
            if (area.Status is not null)
            {
                // The status follows from the indicators; an override is printed with its written reason beside it.
                blocks.Add(new ParagraphBlock($"Bedömning: {GoalText.AreaStatus(area)}.{(area.Area.Comment is { } c ? " " + c : "")}"));
            }

            foreach (var objective in area.Objectives)
            {
                var rows = objective.Indicators.Select(i => new ReportRow(
                [
                    i.Indicator.Text,
                    ReportMeasure(i.Indicator.Measure),
                    TargetCell(i.Indicator.Measure),
                    ResultCell(i.Result, i.Indicator.Measure, flows.Hides(null, i.Indicator.Measure)),
                    PreviousCell(i.Previous, i.Indicator.Measure, previousFlows.Hides(null, i.Indicator.Measure)),
                    i.Assessment is { } a ? SwedishNames.Of(a) : "Ej bedömd",
                    i.Indicator.Comment,
                ])).ToList();
                blocks.Add(new TableBlock(new ReportTable(
                    $"Mål {area.Area.Number} {objective.Objective.Text}",
                    $"Målsättning: {objective.Objective.Text}",
                    [new("Indikator", CellKind.Text, 40), new("Mått", CellKind.Text, 30), new("Mål", CellKind.Text, 14), new($"Resultat {year}", CellKind.Text, 18),
                        new($"Resultat {year - 1}", CellKind.Text, 14), new("Bedömning", CellKind.Text, 18), new("Kommentar", CellKind.Text, 40)],
                    rows)));
            }
        }

        return blocks;
    }

    /// <summary>
    /// A goal's result as printed ("35 %, 43 av 124"), under the small-cell rule (the report is published, docs/privacy.md),
    /// with its numbers for the workbook (value, n, N); a hidden result has no numbers either.
    /// </summary>
    /// <param name="hiddenInFlows">
    /// The participant flow table hides a count the result is computed from (<see cref="PrintedFlows"/>): the result is
    /// hidden too, or "24 %, 5 av 21" would give back the ".." of the table.
    /// </param>
    private static ReportCell ResultCell(GoalResult result, GoalMeasure measure, bool hiddenInFlows = false)
    {
        var text = hiddenInFlows && !result.IsNotApplicable && result.Value is not null ? SmallCells.HiddenMark : GoalText.Result(result, measure, smallCells: true);
        return new(text, null)
        {
            Measure = text is SmallCells.SmallMark or SmallCells.HiddenMark || result.IsNotApplicable || result.Value is not { } value ? null
                : result.Share is { } share && share.Fraction is { } fraction ? new MeasuredValue(fraction, MeasureUnit.Share, share.Numerator, share.Denominator)
                : new MeasuredValue(Unit(result.IsShare, result.IsPercentagePoints, result.IsKronor) == MeasureUnit.Share ? value / 100m : value, Unit(result.IsShare, result.IsPercentagePoints, result.IsKronor)),
        };
    }

    /// <summary>Last year's result beside this year's: blank when there is none, otherwise as <see cref="ResultCell"/>.</summary>
    private static ReportCell PreviousCell(GoalResult? result, GoalMeasure measure, bool hiddenInFlows) =>
        GoalText.HasPrevious(result) ? ResultCell(result, measure, hiddenInFlows) : "";

    /// <summary>
    /// A year's participant flow table as the report prints it (<see cref="Flows"/>, under the small-cell rule), to hide
    /// a goal's computed result wherever the table hides a count it is taken from: aktuella, nya, avslutade, arbete/studier
    /// or arbetssökande of the goal's insats, or of the förbund's total for the förbund's indicators.
    /// </summary>
    private sealed class PrintedFlows(YearlyParticipantStatistics statistics)
    {
        private readonly ReportTable table = Flows(statistics.Year, statistics);

        /// <summary>The table's row of each insats (in the order of <see cref="YearlyParticipantStatistics.Insatser"/>); the total row follows them.</summary>
        private readonly Dictionary<int, int> rows = statistics.Insatser.Select((i, r) => (i.InsatsId, r)).ToDictionary(x => x.InsatsId, x => x.r);

        /// <param name="insatsId">The goal's insats; null for the förbund's total.</param>
        public bool Hides(int? insatsId, GoalMeasure measure)
        {
            var row = insatsId is { } id ? rows.GetValueOrDefault(id, -1) : statistics.Insatser.Count;
            return row >= 0 && Columns(measure.Metric).Any(c => ReportSmallCells.IsHidden(table.Rows[row].Cells[c]));
        }

        /// <summary>The flow table's columns a metric is computed from (1 aktuella, 5 nya, 6 avslutade, 7 arbete/studier, 9 arbetssökande).</summary>
        private static int[] Columns(GoalMetric metric) => metric switch
        {
            GoalMetric.Participants => [1],
            GoalMetric.NewParticipants => [5],
            GoalMetric.EndedParticipants => [6],
            GoalMetric.WorkOrStudiesShare => [7, 6],
            GoalMetric.JobSeekingShare => [9, 6],
            GoalMetric.EndedShareOfCurrent => [6, 1],
            _ => [],
        };
    }

    /// <summary>A goal's target as printed ("minst 35 %"), with its relation and value for the workbook.</summary>
    private static ReportCell TargetCell(GoalMeasure measure) => new(GoalText.Target(measure), null)
    {
        Measure = measure.Target is not { } target ? null
            : new MeasuredValue(Unit(measure.IsShare, measure.IsPercentagePoints, measure.IsKronor) == MeasureUnit.Share ? target / 100m : target,
                Unit(measure.IsShare, measure.IsPercentagePoints, measure.IsKronor), Relation: SwedishNames.Of(measure.Direction).ToLowerInvariant()),
    };

    private static MeasureUnit Unit(bool share, bool points, bool kronor) =>
        points ? MeasureUnit.PercentagePoints : share ? MeasureUnit.Share : kronor ? MeasureUnit.Kronor : MeasureUnit.Number;

    /// <param name="agesInBreakdowns">
    /// The report also has the section Deltagarnas fördelning, whose age breakdown (chart and table) holds the same
    /// figures: the age table is printed there only, so no table appears twice.
    /// </param>
    public static IReadOnlyList<ReportBlock> Participants(int year, YearlyParticipantStatistics statistics, bool agesInBreakdowns = false)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var total = statistics.Total;
        var flows = Flows(year, statistics);
        var blocks = new List<ReportBlock> { new TableBlock(flows) };

        // The bars hide what the flow table hides (its columns kvinnor, män, annat: 2–4, one row per insats) and end at
        // its aktuella as printed (column 1), not at the sum of the drawn values.
        var perInsats = StatisticsCharts.ParticipantsPerInsats(year, statistics.Insatser.Select(i => ($"{i.Name} – {i.Code}", i.Statistics)).ToList())
            .AsShown((series, insats) => ReportSmallCells.IsHidden(flows.Rows[insats].Cells[series + 2]),
                [.. statistics.Insatser.Select((i, r) => (i.Statistics.Flow.Current, ReportSmallCells.IsHidden(flows.Rows[r].Cells[1])))]);
        blocks.Add(Chart(perInsats, ChartKind.StackedBars, "Deltagare per insats"));
        var outcomes = statistics.Outcomes;
        var reasons = new TableRows();
        var reasonRows = total.EndedByReason.Select(r => reasons.Add([SwedishNames.Of(r.Key), r.Counts.Women, r.Counts.Men, r.Counts.OtherOrUnspecified, r.Counts.Total])).ToArray();
        var reasonSum = reasons.Sum("Summa avslutade", reasonRows);
        var reasonTable = ReportSmallCells.Apply(new ReportTable("Avslutsorsaker", $"Avslutsorsaker {year}", GenderColumns("Avslutsorsak"), reasons.Rows), GenderRowGroups(reasons.Rows.Count));

        // A share of the chart is hidden when it shows a small group, or (drawn from the same enrolments as the table
        // below) when the table hides its count: "16 av 67" beside a hidden ".." would give the hidden cell back, and
        // with it, by subtraction, the small ones.
        Gender?[] genderSeries = [Gender.Woman, Gender.Man, null];
        int[] genderColumns = [1, 2, 4];
        var reasonRowOf = total.EndedByReason.Select((r, i) => (r.Key, Row: reasonRows[i])).ToDictionary(x => x.Key, x => x.Row);
        bool ShareHidden(int series, EndReason reason) => SmallCells.Hides(outcomes.EndedShare(genderSeries[series], reason))
            || (ReferenceEquals(outcomes, total) && reasonRowOf.TryGetValue(reason, out var row) && ReportSmallCells.IsHidden(reasonTable.Rows[row].Cells[genderColumns[series]]));
        blocks.Add(Chart(StatisticsCharts.OutcomesByGender(year, outcomes).Without((series, reason) => ShareHidden(series, Enum.GetValues<EndReason>()[reason])),
            ChartKind.Bars, "Utfall per kön"));

        // A share is hidden when it shows a small group or (taken from this table) a count it adds up is hidden.
        var work = Array.IndexOf(Enum.GetValues<EndReason>(), EndReason.Work);
        var studies = Array.IndexOf(Enum.GetValues<EndReason>(), EndReason.Studies);
        string WorkOrStudies(Gender? gender, int column) => SmallCells.ShowShare(outcomes.WorkOrStudiesShare(gender),
            ReferenceEquals(outcomes, total) && new[] { work, studies, reasonSum }.Any(r => ReportSmallCells.IsHidden(reasonTable.Rows[r].Cells[column])));
        var reasonNote = $"Till arbete eller studier: {WorkOrStudies(null, 4)}; kvinnor {WorkOrStudies(Gender.Woman, 1)}, män {WorkOrStudies(Gender.Man, 2)}."
            + (ReferenceEquals(outcomes, total) ? "" : $" Andelarna räknas på insatser där utfallsmåtten är tillämpliga ({Figure(outcomes.Ended.Total)} av {Figure(total.Ended.Total)} avslutade).");
        blocks.Add(new TableBlock(reasonTable with { Note = reasonTable.Note is { } hiddenNote ? $"{reasonNote} {hiddenNote}" : reasonNote }));

        if (!agesInBreakdowns)
        {
            var ages = new TableRows();
            var ageRows = total.CurrentByAge.Select(r => ages.Add([r.Key.Label, r.Counts.Women, r.Counts.Men, r.Counts.OtherOrUnspecified, r.Counts.Total])).ToArray();
            ages.Sum("Summa aktuella", ageRows);
            blocks.Add(new TableBlock(ReportSmallCells.Apply(new ReportTable("Åldersgrupper", $"Aktuella deltagare per åldersgrupp {year}", GenderColumns("Ålder"), ages.Rows), GenderRowGroups(ages.Rows.Count))));
        }

        var support = new TableRows();
        foreach (var s in total.SupportOfEnded)
        {
            support.Add([SwedishNames.OfSingle(s.Support), s.AtStart, s.AtEnd]);
        }

        blocks.Add(new TableBlock(ReportSmallCells.Apply(new ReportTable("Försörjning", $"Försörjning vid start och avslut, avslutade {year}",
            [new("Försörjning", CellKind.Text, 36), new("Vid start", CellKind.Count, 12), new("Vid avslut", CellKind.Count, 12)], support.Rows,
            "En deltagare kan ha flera försörjningskällor."))));

        var days = new TableRows();
        days.Add(["Kvinnor", total.DaysWomen.Count, ReportCell.Of(total.DaysWomen.Average)]);
        days.Add(["Män", total.DaysMen.Count, ReportCell.Of(total.DaysMen.Average)]);
        days.Add(["Annat/ej angivet", total.DaysOther.Count, ReportCell.Of(total.DaysOther.Average)]);
        days.Total("Alla", total.DaysAll.Count, total.DaysAll.Average);
        // The average of a hidden count is hidden with it (an average over one person is that person's days).
        var dayTable = ReportSmallCells.Apply(new ReportTable("Dagar i insats", $"Genomsnittligt antal dagar i insats, avslutade {year}",
            [new("Kön", CellKind.Text, 24), new("Avslutade", CellKind.Count, 12), new("Dagar i snitt", CellKind.Count, 14)], days.Rows),
            [Enumerable.Range(0, 4).Select(r => (r, 1))]);
        blocks.Add(new TableBlock(dayTable with
        {
            Rows = [.. dayTable.Rows.Select(r => ReportSmallCells.IsHidden(r.Cells[1]) ? r with { Cells = [r.Cells[0], r.Cells[1], SmallCells.HiddenMark] } : r)],
        }));
        return blocks;
    }

    /// <summary>
    /// The breakdowns real reports publish beside the participant tables (a section of its own, switched on under
    /// Avsnitt): the current per hemkommun, the new per referring member (remitterad av), the current per age group and
    /// per time in support before start, and the ended per end reason and sub-code. Each a stacked bar chart with its
    /// table under it, under the small-cell rule (the report is published), with its sum row the true total. The table
    /// keys name the workbook's sheets ("Fördelning hemkommun").
    /// </summary>
    public static IReadOnlyList<ReportBlock> Breakdowns(int year, YearlyParticipantStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var total = statistics.Total;
        string Member(int? id) => id is { } m ? statistics.MemberNames.GetValueOrDefault(m, "Okänd") : "Ej angiven";
        return
        [
            Breakdown(BreakdownKeys[0], $"Aktuella deltagare per hemkommun {year}", "Hemkommun", "Summa aktuella", total.CurrentByHomeMunicipality.Select(r => (r.Key ?? "Ej angiven", r.Counts))),
            Breakdown(BreakdownKeys[1], $"Nya deltagare per remitterande part (remitterad av) {year}", "Remitterad av", "Summa nya", total.NewByReferringMember.Select(r => (Member(r.Key), r.Counts))),
            Breakdown(BreakdownKeys[2], $"Aktuella deltagare per åldersgrupp {year}", "Ålder", "Summa aktuella", total.CurrentByAge.Select(r => (r.Key.Label, r.Counts))),
            Breakdown(BreakdownKeys[3], $"Aktuella deltagare per tid i offentlig försörjning före start {year}", "Tid i offentlig försörjning", "Summa aktuella",
                total.CurrentByTimeInSupport.Select(r => (SwedishNames.Of(r.Key), r.Counts))),
            Breakdown(BreakdownKeys[4], $"Avslutade per avslutsorsak och underkod {year}", "Avslutsorsak och underkod", "Summa avslutade", total.EndedBySubCode.Select(r => (SwedishNames.Of(r.Key), r.Counts))),
        ];
    }

    /// <summary>The keys of the breakdown tables, in order: their sheet names in the workbook (at most 31 characters).</summary>
    private static readonly string[] BreakdownKeys =
        ["Fördelning hemkommun", "Fördelning remitterad av", "Fördelning åldersgrupp", "Fördelning tid i försörjning", "Fördelning avslut underkod"];

    /// <summary>
    /// One breakdown: a row per category (kvinnor, män, annat, totalt) and the sum row, under the small-cell rule, drawn
    /// as stacked bars that hide what the table hides and end at the table's total as shown.
    /// </summary>
    private static ReportBlock Breakdown(string key, string caption, string header, string sumLabel, IEnumerable<(string Label, GenderCounts Counts)> categories)
    {
        var t = new TableRows();
        var list = categories.ToList();
        var rows = list.Select(c => t.Add([c.Label, c.Counts.Women, c.Counts.Men, c.Counts.OtherOrUnspecified, c.Counts.Total])).ToArray();
        if (rows.Length == 0)
        {
            return new ParagraphBlock($"{caption}: inga deltagare.");
        }

        t.Sum(sumLabel, rows);
        var table = ReportSmallCells.Apply(new ReportTable(key, $"{caption} (tabell)", GenderColumns(header), t.Rows), GenderRowGroups(t.Rows.Count));
        var chart = StatisticsCharts.Breakdown(caption, list)
            .AsShown((series, row) => ReportSmallCells.IsHidden(table.Rows[row].Cells[series + 1]),
                [.. list.Select((c, r) => (c.Counts.Total, ReportSmallCells.IsHidden(table.Rows[r].Cells[4])))]);
        return new ChartBlock(caption, SvgChart.Bars(chart, stacked: true), table);
    }

    /// <summary>
    /// The bilaga of the year's indicator surveys (a section of its own, switched on under Avsnitt): per round and
    /// question the respondent group, svarande of tillfrågade, svarsfrekvens, klart positiva, the comparison value
    /// (riket) and the difference in percentage points. The answers are the survey's own aggregates; the report is
    /// published, so a group of 1–4 respondents or an answer of 1–4 of them is hidden (<see cref="SurveySmallCells"/>).
    /// The shares carry their numbers (value, n, N) for the workbook; each round's sheet is named "Enkät" and the round.
    /// </summary>
    public async Task<IReadOnlyList<ReportBlock>> SurveysAsync(int year, CancellationToken cancellationToken)
    {
        var rounds = await db.SurveyRounds.AsNoTracking().Include(r => r.Results).Where(r => r.Year == year).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return [new ParagraphBlock($"Ingen indikatormätning är inlagd för {year}.")];
        }

        var blocks = new List<ReportBlock>();
        foreach (var round in rounds)
        {
            var results = round.Results.OrderBy(r => r.Question, StringComparer.Ordinal).ThenBy(r => r.Group, StringComparer.Ordinal)
                .Select(r => (Result: r, Hidden: SurveySmallCells.Of(r))).ToList();
            var rows = results.Select(x => SurveyRow(x.Result, x.Hidden)).ToList();
            var note = SurveyText.Note + (results.Any(x => x.Hidden.Any) ? " " + SurveyText.SmallCellsNote : "") + (round.Comment is { Length: > 0 } comment ? " " + comment : "");
            var table = new ReportTable($"Enkät {round.Name}", $"{round.Name} ({round.Year})",
                [new("Fråga", CellKind.Text, 40), new("Grupp", CellKind.Text, 22), new("Svarande", CellKind.Count, 10), new("Tillfrågade", CellKind.Count, 11),
                    new("Svarsfrekvens", CellKind.Share, 12), new("Klart positiva", CellKind.Share, 12), new("Riket", CellKind.Share, 10), new("Skillnad", CellKind.Count, 12)],
                rows, note);
            blocks.Add(rows.Count == 0 ? new ParagraphBlock($"{round.Name}: inga resultat inlagda.") : new TableBlock(table));
        }

        return blocks;
    }

    /// <summary>
    /// One question and group of a survey round as printed: counts and shares as numbers (the shares with their n and N
    /// for the workbook), hidden cells as "&lt;5" and "..", unknown ones as "–"; the difference from riket as "+4" in
    /// procentenheter (its exact value for the workbook).
    /// </summary>
    private static ReportRow SurveyRow(SurveyResult r, SurveySmallCells hidden)
    {
        ReportCell Count(int count, bool isHidden) => isHidden ? SmallCells.Show(count, hidden: true) : count;
        ReportCell Fraction(decimal? fraction, int? n = null, int? of = null) => fraction is not { } f ? "–" : new ReportCell(null, f)
        {
            Measure = n is { } count && of is { } basis && basis > 0 ? new MeasuredValue((decimal)count / basis, MeasureUnit.Share, count, basis) : new MeasuredValue(f, MeasureUnit.Share),
        };
        var rate = hidden.ResponseRate ? SmallCells.HiddenMark
            : r.ResponseRate is { Fraction: { } fraction } share ? Fraction(fraction, share.Numerator, share.Denominator)
            : "–";
        var difference = r.DifferenceFromComparison is { } d
            ? new ReportCell(SurveyText.PointsWithSign(d), null) { Measure = new MeasuredValue(d, MeasureUnit.PercentagePoints) }
            : "–";
        return new ReportRow(
        [
            r.Question,
            r.Group,
            Count(r.Answered, hidden.Answered),
            r.Asked is { } asked ? Count(asked, hidden.Asked) : "–",
            rate,
            hidden.Positive ? SmallCells.HiddenMark : Fraction(r.PositiveShare / 100m, r.Positive, r.Answered),
            Fraction(r.NationalPositivePercent / 100m),
            hidden.Positive ? SmallCells.HiddenMark : difference,
        ]);
    }

    /// <summary>
    /// The bilaga, laid out as the 2017 bilaga 2: first the summary (Insats | Mål | Resultat | Måluppfyllelse, one row
    /// per goal, the insats and its rating on its first row), then each individinriktad insats with its goals (this
    /// year's and last year's result), rating and flow, then the strukturinriktade insatser with their goals and
    /// ratings and no flow table (they have no participants).
    /// </summary>
    public async Task<IReadOnlyList<ReportBlock>> AppendixAsync(int year, YearlyParticipantStatistics statistics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var previous = await PreviousAsync(year, cancellationToken);
        var goals = await db.InsatsGoalsForYearAsync(year, statistics, scale, previous, cancellationToken);
        var flows = (Current: new PrintedFlows(statistics), Previous: new PrintedFlows(previous));
        var blocks = new List<ReportBlock>();
        var withGoals = goals.ToDictionary(g => g.Insats.Id);
        var individual = statistics.Insatser.Select(i => i.InsatsId).ToHashSet();
        var structural = goals.Where(g => !individual.Contains(g.Insats.Id) && !g.Insats.HasParticipants).ToList();
        var summaryOrder = statistics.Insatser.Where(i => withGoals.ContainsKey(i.InsatsId)).Select(i => withGoals[i.InsatsId]).Concat(structural).ToList();
        if (summaryOrder.Count > 0)
        {
            blocks.Add(new TableBlock(Summary(year, summaryOrder, flows.Current)));
        }

        foreach (var insats in statistics.Insatser)
        {
            blocks.Add(new HeadingBlock($"{insats.Name} – {insats.Code}"));
            if (withGoals.TryGetValue(insats.InsatsId, out var status))
            {
                blocks.AddRange(GoalBlocks(year, status, flows));
            }

            var s = insats.Statistics;
            var flow = new TableRows();
            flow.Add(["Aktuella deltagare", s.Current.Women, s.Current.Men, s.Current.OtherOrUnspecified, s.Current.Total]);
            flow.Add(["Nya deltagare", s.New.Women, s.New.Men, s.New.OtherOrUnspecified, s.New.Total]);
            flow.Add(["Avslutade deltagare", s.Ended.Women, s.Ended.Men, s.Ended.OtherOrUnspecified, s.Ended.Total]);
            var reasonRows = new Dictionary<EndReason, int>();
            foreach (var reason in s.EndedByReason.Where(r => r.Counts.Total > 0))
            {
                reasonRows[reason.Key] = flow.Add([$"varav {SwedishNames.Of(reason.Key).ToLowerInvariant()}", reason.Counts.Women, reason.Counts.Men, reason.Counts.OtherOrUnspecified, reason.Counts.Total]);
            }

            // The varav rows add up to the avslutade (row 2), column by column.
            var table = ReportSmallCells.Apply(new ReportTable($"Flöde {insats.Code}", $"Deltagarflöde {year}: {insats.Name}", GenderColumns("Deltagare"), flow.Rows),
                GenderRowGroups(flow.Rows.Count).Concat(Enumerable.Range(1, 4).Select(c => reasonRows.Values.Append(2).Select(r => (r, c)))));
            var shareHidden = reasonRows.Where(x => x.Key is EndReason.Work or EndReason.Studies).Select(x => x.Value).Append(2)
                .Any(r => ReportSmallCells.IsHidden(table.Rows[r].Cells[4]));
            var note = insats.OutcomesApply
                ? $"Till arbete eller studier: {SmallCells.ShowShare(s.WorkOrStudiesShare(), shareHidden)}."
                : $"Till arbete eller studier: {GoalText.NotApplicable} (insatsens utfallsmått är inte tillämpliga {year}).";
            blocks.Add(new TableBlock(table with { Note = table.Note is { } hidden ? $"{note} {hidden}" : note }));
        }

        if (structural.Count > 0)
        {
            blocks.Add(new HeadingBlock("Strukturinriktade insatser"));
            foreach (var status in structural)
            {
                blocks.Add(new HeadingBlock($"{status.Insats.Name} – {status.Insats.Code}"));
                blocks.AddRange(GoalBlocks(year, status, flows));
            }
        }

        return blocks;
    }

    /// <summary>
    /// An indicator's measure as the report prints it: a computed measure by its name, a figure entered by the förbund
    /// by its source ("Uppgift från Medarbetarenkät 2025"), never the internal name of the kind ("Manuellt mått").
    /// </summary>
    internal static string ReportMeasure(GoalMeasure measure) => measure.Metric == GoalMetric.Manual
        ? measure.SourceNote is { } source ? $"Uppgift från {source}" : "Förbundets uppgift"
        : GoalText.Metric(measure) + (measure.SourceNote is { } note ? $" (källa: {note})" : "");

    /// <summary>Sammanställning av måluppfyllelse: one row per goal; the insats and its rating on the insats's first row.</summary>
    private static ReportTable Summary(int year, IReadOnlyList<InsatsGoalStatus> insatser, PrintedFlows flows)
    {
        var rows = new List<ReportRow>();
        foreach (var status in insatser)
        {
            var rating = status.Effective?.Name ?? "Ej bedömd";
            if (status.Goals.Count == 0)
            {
                rows.Add(new ReportRow([status.Insats.Name, "", "", rating]));
                continue;
            }

            rows.AddRange(status.Goals.Select((g, i) => new ReportRow(
            [
                i == 0 ? status.Insats.Name : "",
                g.Goal.Text,
                ResultCell(g.Result, g.Goal.Measure, flows.Hides(status.Insats.Id, g.Goal.Measure)),
                i == 0 ? rating : "",
            ])));
        }

        return new ReportTable("Sammanställning måluppfyllelse", $"Sammanställning av måluppfyllelse för finansierade insatser {year}",
            [new("Insats", CellKind.Text, 24), new("Mål", CellKind.Text, 44), new("Resultat", CellKind.Text, 26), new("Måluppfyllelse", CellKind.Text, 16)], rows);
    }

    /// <summary>An insats's goal table (this year's result beside last year's) and its rating.</summary>
    private static IEnumerable<ReportBlock> GoalBlocks(int year, InsatsGoalStatus status, (PrintedFlows Current, PrintedFlows Previous) flows)
    {
        var rows = status.Goals.Select(g => new ReportRow(
        [
            g.Goal.Text + (g.Goal.IsMainOutcome ? " (huvudmål)" : ""),
            TargetCell(g.Goal.Measure),
            ResultCell(g.Result, g.Goal.Measure, flows.Current.Hides(status.Insats.Id, g.Goal.Measure)),
            PreviousCell(g.Previous, g.Goal.Measure, flows.Previous.Hides(status.Insats.Id, g.Goal.Measure)),
            GoalText.Met(g.Result),
        ])).ToList();
        yield return new TableBlock(new ReportTable($"Mål {status.Insats.Code}", $"Mål och resultat {year}: {status.Insats.Name}",
            [new("Mål", CellKind.Text, 44), new("Målvärde", CellKind.Text, 14), new($"Resultat {year}", CellKind.Text, 18), new($"Resultat {year - 1}", CellKind.Text, 14),
                new("Uppfyllt", CellKind.Text, 14)], rows));
        var rating = status.Effective is { } effective
            ? $"Bedömning: {effective.Name}." + (status.IsOverridden && status.Rating?.OverrideReason is { } reason ? $" Motivering: {reason}" : "")
            : $"Insatsen har inte fått någon samlad bedömning för {year}.";
        yield return new ParagraphBlock(rating + (status.Rating?.Comment is { } comment ? " " + comment : ""));
    }

    private static ReportTable Flows(int year, YearlyParticipantStatistics statistics)
    {
        var t = new TableRows();
        ReportCell[] Cells(string text, ParticipantFlow f, ParticipantFlow? outcomes) =>
            outcomes is null
                ? [text, f.Current, f.CurrentWomen, f.CurrentMen, f.CurrentOtherOrUnspecified, f.New, f.Ended, GoalText.NotApplicableShort, GoalText.NotApplicableShort, GoalText.NotApplicableShort]
                : [text, f.Current, f.CurrentWomen, f.CurrentMen, f.CurrentOtherOrUnspecified, f.New, f.Ended, outcomes.EndedToWorkOrStudies, ReportCell.Of(outcomes.WorkOrStudiesShare.Fraction), outcomes.EndedJobSeeking];
        foreach (var insats in statistics.Insatser)
        {
            t.Add(Cells($"{insats.Name} – {insats.Code}{(insats.CountsInTotals ? "" : " *")}", insats.Statistics.Flow, insats.OutcomesApply ? insats.Statistics.Flow : null));
        }

        var totalRow = t.Add(Cells("Förbundet totalt", statistics.Total.Flow, statistics.Outcomes.Flow), RowStyle.Sum);
        var notApplicable = statistics.Insatser.Any(i => !i.OutcomesApply)
            ? $" {GoalText.NotApplicableFootnote} Förbundets arbete/studier och arbetssökande räknas på de {Figure(statistics.Outcomes.Flow.Ended)} avslutade i insatser där utfallsmåtten är tillämpliga."
            : "";
        // The asterisk's footnote only when a row carries the asterisk (a footnote explains a marker in its own table).
        var marked = statistics.Insatser.Any(i => !i.CountsInTotals) ? "* räknas inte i förbundets totaler. " : "";

        // Ties: each row's aktuella = kvinnor + män + annat (columns 1–4); each column's total = the insatser that count
        // in the totals (arbete/studier and arbetssökande: those whose outcome measures apply too).
        var insatser = statistics.Insatser;
        var counted = insatser.Select((i, r) => (i, r)).Where(x => x.i.CountsInTotals).Select(x => x.r).Append(totalRow).ToList();
        var outcomeRows = insatser.Select((i, r) => (i, r)).Where(x => x.i.CountsInTotals && x.i.OutcomesApply).Select(x => x.r).Append(totalRow).ToList();
        var groups = Enumerable.Range(0, t.Rows.Count).Select(r => Enumerable.Range(1, 4).Select(c => (r, c)))
            .Concat(Enumerable.Range(1, 6).Select(c => counted.Select(r => (r, c))))
            .Concat(OutcomeColumns.Select(c => outcomeRows.Select(r => (r, c))));
        var shares = insatser.Select((i, r) => (i, r)).Where(x => x.i.OutcomesApply)
            .Select(x => (x.r, 8, x.i.Statistics.Flow.WorkOrStudiesShare, (IReadOnlyList<(int, int)>)[(x.r, 7), (x.r, 6)]))
            .Append((totalRow, 8, statistics.Outcomes.Flow.WorkOrStudiesShare, ReferenceEquals(statistics.Outcomes, statistics.Total) ? [(totalRow, 7), (totalRow, 6)] : [(totalRow, 7)]));
        return ReportSmallCells.Apply(new ReportTable("Deltagarflöden", $"Deltagarflöden {year}",
        [
            new("Insats", CellKind.Text, 40), new("Aktuella", CellKind.Count, 10), new("Kvinnor", CellKind.Count, 10), new("Män", CellKind.Count, 10),
            new("Annat", CellKind.Count, 10), new("Nya", CellKind.Count, 10), new("Avslutade", CellKind.Count, 11), new("Arbete/studier", CellKind.Count, 14),
            new("Andel arbete/studier", CellKind.Share, 14), new("Arbetssökande", CellKind.Count, 14),
        ], t.Rows,
            $"{marked}Unika individer i totalen: {Figure(statistics.Total.Flow.UniqueIndividuals)}; anonyma deltaganden: {Figure(statistics.Total.AnonymousEnrolments)}.{notApplicable}"),
            groups, shares);
    }

    /// <summary>The flow table's columns arbete/studier and arbetssökande.</summary>
    private static readonly int[] OutcomeColumns = [7, 9];

    /// <summary>A single count in a sentence, under the small-cell rule: "&lt;5" for 1–4.</summary>
    private static string Figure(int count) => SmallCells.Show(count, SmallCells.IsSmall(count));

    /// <summary>Each row's kvinnor, män and annat/ej angivet add up to its totalt (columns 1–4 of <see cref="GenderColumns"/>).</summary>
    private static IEnumerable<IEnumerable<(int Row, int Column)>> GenderRowGroups(int rows) =>
        Enumerable.Range(0, rows).Select(r => Enumerable.Range(1, 4).Select(c => (r, c)));

    private static ReportColumn[] GenderColumns(string first) =>
        [new(first, CellKind.Text, 36), new("Kvinnor", CellKind.Count, 10), new("Män", CellKind.Count, 10), new("Annat/ej angivet", CellKind.Count, 14), new("Totalt", CellKind.Count, 10)];

    /// <summary>A chart with its data as a table: one row per category, one column per series.</summary>
    private static ChartBlock Chart(ChartData data, ChartKind kind, string key)
    {
        var rows = data.Categories.Select((category, i) => new ReportRow(
            [category, .. data.Series.Select(s => new ReportCell(s.Labels is not null && i < s.Labels.Count ? s.Labels[i] : null, s.Labels is null && i < s.Values.Count ? s.Values[i] : null)
            {
                // A share's numbers for the workbook: value, n and N in columns of their own.
                Measure = s.Shares is not null && i < s.Shares.Count && s.Shares[i] is { Fraction: { } fraction } share
                    ? new MeasuredValue(fraction, MeasureUnit.Share, share.Numerator, share.Denominator)
                    : null,
            })])).ToList();
        var kindOfValues = data.Format == ChartValueFormat.Percent ? CellKind.Count : data.Format == ChartValueFormat.Tkr ? CellKind.Amount : CellKind.Count;
        var table = new ReportTable(key, $"{data.Title} (tabell)",
            [new("Kategori", CellKind.Text, 40), .. data.Series.Select(s => new ReportColumn(s.Name, s.Labels is null ? kindOfValues : CellKind.Text, 16))], rows);
        return new ChartBlock(data.Title, SvgChart.Render(data, kind), table);
    }
}
