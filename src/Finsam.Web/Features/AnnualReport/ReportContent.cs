using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;
using Finsam.Domain.Reports;
using Finsam.Reporting.AnnualReport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>The computed content of each section of the annual report: tables, charts and sentences, from the year's data.</summary>
public sealed class ReportContent(FinsamDbContext db, ReportGoalContent goals)
{
    /// <param name="included">The sections the report prints; a section leaves out a table another one prints.</param>
    public async Task<IReadOnlyList<ReportBlock>> BlocksAsync(ReportSectionKind kind, int year, StatementQuery.YearStatements statements, IReadOnlySet<ReportSectionKind> included, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(included);
        ArgumentNullException.ThrowIfNull(statements);
        var c = statements.Current;
        var p = statements.Previous;
        var notes = EconomyTables.NumberNotes(statements.Notes, statements.PreviousNotes);
        return kind switch
        {
            ReportSectionKind.AdministrationReport => [.. await OverviewAsync(year, statements, notes, cancellationToken), .. OrganisationBlocks(await db.OrganisationOfYearAsync(year, cancellationToken))],
            ReportSectionKind.FinancialResult => await FinancialResultAsync(year, statements, notes, cancellationToken),
            ReportSectionKind.OperatingStatement => [new TableBlock(EconomyTables.Operating(statements.Operating, EconomyTables.IncomeStatement(year, c.Income, p?.Income, notes)))],
            ReportSectionKind.IncomeStatement => [new TableBlock(EconomyTables.IncomeStatement(year, c.Income, p?.Income, notes))],
            ReportSectionKind.BalanceSheet => [new TableBlock(EconomyTables.BalanceSheet(year, c.Closing, p?.Closing, statements.ContingentLiabilities, notes))],
            ReportSectionKind.CashFlow => [new TableBlock(EconomyTables.CashFlow(year, c.CashFlow, statements.PreviousCashFlowKnown ? p?.CashFlow : null, notes))],
            ReportSectionKind.Notes => [.. EconomyTables.Notes(year, notes,
                [EconomyTables.IncomeStatement(year, c.Income, p?.Income, notes), EconomyTables.BalanceSheet(year, c.Closing, p?.Closing, statements.ContingentLiabilities, notes)]).Select(t => new TableBlock(t))],
            ReportSectionKind.BoardDecision => [await SignaturesAsync(year, cancellationToken)],
            ReportSectionKind.GoalFulfilment => await goals.GoalFulfilmentAsync(year, await StatisticsAsync(year, cancellationToken), cancellationToken),
            ReportSectionKind.Participants => ReportGoalContent.Participants(year, await StatisticsAsync(year, cancellationToken), included.Contains(ReportSectionKind.Breakdowns)),
            ReportSectionKind.Breakdowns => ReportGoalContent.Breakdowns(year, await StatisticsAsync(year, cancellationToken)),
            ReportSectionKind.Surveys => await goals.SurveysAsync(year, cancellationToken),
            ReportSectionKind.Appendices => await goals.AppendixAsync(year, await StatisticsAsync(year, cancellationToken), cancellationToken),
            _ => [],
        };
    }

    /// <summary>How many years the flerårsöversikt shows (the report's year and the four before it).</summary>
    public const int OverviewYears = 5;

    /// <summary>
    /// The förvaltningsberättelse's flerårsöversikt: five years of the economy (from each year's ledger) and of the
    /// participants (from the registrations). The report's own two years are those its statements print.
    /// </summary>
    private async Task<IReadOnlyList<ReportBlock>> OverviewAsync(int year, StatementQuery.YearStatements statements, IReadOnlyList<EconomyTables.NumberedNote> notes, CancellationToken cancellationToken)
    {
        var years = Enumerable.Range(year - OverviewYears + 1, OverviewYears).Reverse().ToList();
        var earlier = await db.StatementsOfYearsAsync(years.Where(y => y < year - 1), cancellationToken);
        var participants = await db.StatisticsForYearsAsync(years, cancellationToken);
        var rows = years.Select(y =>
        {
            var figures = y == year ? statements.Current : y == year - 1 ? statements.Previous : earlier.GetValueOrDefault(y);
            var current = participants.TryGetValue(y, out var s) ? s.Total.Current.Total : 0;
            return new EconomyTables.OverviewYear(y, figures?.Income, figures?.Closing, current > 0 || y == year ? current : null);
        }).ToList();
        var c = statements.Current;
        var p = statements.Previous;
        var table = EconomyTables.MultiYearOverview(rows,
            EconomyTables.IncomeStatement(year, c.Income, p?.Income, notes),
            EconomyTables.BalanceSheet(year, c.Closing, p?.Closing, statements.ContingentLiabilities, notes));
        return [new HeadingBlock("Översikt över verksamhetens utveckling"), new TableBlock(table)];
    }

    /// <summary>
    /// The förvaltningsberättelse's organisation part, from the förbund's records of the year (never free text): the
    /// members of the year, the board with each one's office, member and term, the auditors and who appointed them, and
    /// the förbundschef, and the kansli (a sentence and a table). Nothing when none of it is entered.
    /// </summary>
    public static IReadOnlyList<ReportBlock> OrganisationBlocks(OrganisationQuery.YearOrganisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var blocks = new List<ReportBlock>();
        if (organisation.Members.Count == 0 && organisation.Board.Count == 0)
        {
            return blocks;
        }

        blocks.Add(new HeadingBlock("Organisation"));
        string Period(DateOnly? from, DateOnly? to) =>
            (from > organisation.Start ? $"från {SwedishFormat.Date(from)}" : "") + (from > organisation.Start && to < organisation.End ? " " : "")
            + (to < organisation.End ? $"till {SwedishFormat.Date(to)}" : "");
        if (organisation.Members.Count > 0)
        {
            var members = organisation.Members.Select(m => Period(m.MemberFrom, m.MemberTo) is { Length: > 0 } part ? $"{m.Name} ({part})" : m.Name).ToList();
            var federation = organisation.Federation;
            var intro = federation is null ? "" : $"{federation.Name}{(federation.OrganisationNumber is { } nr ? $" ({nr})" : "")}"
                + $"{(federation.Seat is { } seat ? $" har sitt säte i {seat} och" : "")} är ett samordningsförbund enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. ";
            blocks.Add(new ParagraphBlock($"{intro}Förbundets medlemmar {organisation.Year} var {SwedishFormat.List(members)}."));
        }

        if (organisation.Board.Count > 0)
        {
            var rows = organisation.Board.Select(b => new ReportRow([
                    b.Name,
                    BoardRules.Assignment(b),
                    b.Member?.Name,
                    $"{SwedishFormat.Date(b.TermFrom)} – {SwedishFormat.Date(b.TermTo)}",
                ]))
                .ToList();
            blocks.Add(new TableBlock(new ReportTable("Styrelse", $"Styrelsen {organisation.Year}",
                [new("Namn", CellKind.Text, 28), new("Uppdrag", CellKind.Text, 18), new("Företräder", CellKind.Text, 28), new("Mandatperiod", CellKind.Text, 24)], rows)));
        }

        if (organisation.Auditors.Count > 0)
        {
            var auditors = organisation.Auditors.Select(a => a.AppointedBy is { } by ? $"{a.Name} (utsedd av {by.Name})" : a.Name).ToList();
            blocks.Add(new ParagraphBlock($"Revisorer {organisation.Year}: {SwedishFormat.List(auditors)}."));
        }

        if (organisation.Directors.Count > 0)
        {
            var directors = organisation.Directors.Select(d => Period(d.From, d.To) is { Length: > 0 } part ? $"{d.Name} ({part})" : d.Name).ToList();
            blocks.Add(new ParagraphBlock($"Förbundschef: {SwedishFormat.List(directors)}."));
        }

        // The kansli from its register, worded as the förbund's reports word it, with the persons in a table.
        if (organisation.Staff is { Count: > 0 } staff)
        {
            blocks.Add(new ParagraphBlock(StaffRules.Sentence(organisation.Year, organisation.Start, organisation.End, staff)!));
            var rows = staff.Select(s => new ReportRow([
                    s.Name,
                    SwedishFormat.Capitalised(s.Title.Trim()),
                    s.EmploymentPercent / 100m,
                    $"{SwedishFormat.Date(s.From)} – {SwedishFormat.Date(s.To)}",
                ]))
                .ToList();
            blocks.Add(new TableBlock(new ReportTable("Kansli", $"Kansliet {organisation.Year}",
                [new("Namn", CellKind.Text, 28), new("Befattning", CellKind.Text, 24), new("Tjänstgöringsgrad", CellKind.Share, 16) { ShareDecimals = 2 }, new("Period", CellKind.Text, 24)], rows)));
        }

        return blocks;
    }

    private YearlyParticipantStatistics? _statistics;

    /// <summary>The year's participant statistics, computed once per report.</summary>
    private async Task<YearlyParticipantStatistics> StatisticsAsync(int year, CancellationToken cancellationToken) =>
        _statistics is { Year: var y } cached && y == year ? cached : _statistics = await db.StatisticsForYearAsync(year, cancellationToken);

    private async Task<IReadOnlyList<ReportBlock>> FinancialResultAsync(int year, StatementQuery.YearStatements statements, IReadOnlyList<EconomyTables.NumberedNote> notes, CancellationToken cancellationToken)
    {
        var c = statements.Current;
        var p = statements.Previous;
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleAsync(y => y.Year == year, cancellationToken);
        var t = new TableRows();

        // Each key figure prints as the statements print it (Footing: a figure printed twice is printed the same).
        var income = EconomyTables.IncomeStatement(year, c.Income, p?.Income, notes);
        var balance = EconomyTables.BalanceSheet(year, c.Closing, p?.Closing, statements.ContingentLiabilities, notes);
        void Follow(int row, ReportTable statement, params string[] lines)
        {
            var found = lines.Select(line => statement.Rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Cells[0].Text == line)).Where(x => x.r is not null).ToList();
            t.FollowCells(row, [.. Enumerable.Range(0, p is null ? 1 : 2).Select(k => new CellFollow(1 + k, [.. found.Select(x => new CellSource(statement.Key, x.i, 2 + k))]))]);
        }

        Follow(t.Add("Verksamhetens intäkter", c.Income.OperatingIncome, p?.Income.OperatingIncome), income, "Verksamhetens intäkter");
        Follow(t.Add("Verksamhetens kostnader inklusive avskrivningar", c.Income.OperatingCosts + c.Income.Depreciation, p is { } pi ? pi.Income.OperatingCosts + pi.Income.Depreciation : null),
            income, "Verksamhetens kostnader", "Avskrivningar");
        Follow(t.Add("Årets resultat", c.Income.ResultForTheYear, p?.Income.ResultForTheYear), income, "Årets resultat");
        Follow(t.Add("Eget kapital vid årets slut", c.Closing.Equity, p?.Closing.Equity), balance, "Summa eget kapital");
        if (fiscalYear.EquityCeiling is { } ceiling)
        {
            t.Add("Rekommenderat högsta eget kapital", ceiling);
        }

        var columns = statements.Previous is null
            ? new ReportColumn[] { new("Nyckeltal", CellKind.Text, 50), new(year.ToString(SwedishFormat.Culture), CellKind.Amount, 18) }
            : [new("Nyckeltal", CellKind.Text, 50), new(year.ToString(SwedishFormat.Culture), CellKind.Amount, 18), new((year - 1).ToString(SwedishFormat.Culture), CellKind.Amount, 18)];
        var blocks = new List<ReportBlock> { new TableBlock(new ReportTable("Nyckeltal", $"Ekonomiska nyckeltal {year}", columns, t.Rows)) };

        // One figure, one source: the sentences are written from the same EconomyFigures the economy indicators are
        // evaluated on (GoalsQuery), so the report's text and its goal tables state the same figures.
        var sentences = new List<string>();
        var economy = statements.Economy;
        if (economy.EquityCeiling is { } limit)
        {
            sentences.Add(economy.Equity > limit
                ? $"Målet att eget kapital inte ska överstiga den rekommenderade nivån har inte uppnåtts: {economy.EquityText}."
                : $"Målet att eget kapital inte ska överstiga den rekommenderade nivån har uppnåtts: {economy.EquityText}.");
        }

        if (economy.AdministrationText is { } adminShare)
        {
            sentences.Add($"Kostnaderna för administration utgör {adminShare} av förbundets samlade kostnader.");
        }

        if (economy.ResultText is { } result)
        {
            sentences.Add($"{SwedishFormat.Capitalised(result)}.");
        }

        blocks.AddRange(sentences.Select(s => new ParagraphBlock(s)));

        var contributions = await db.MemberContributionsForYearAsync(year, cancellationToken);
        if (contributions.Count > 0)
        {
            blocks.Add(new TableBlock(EconomyTables.Contributions(year, contributions)));
        }

        blocks.Add(new HeadingBlock("Balanskravsresultat"));
        blocks.Add(new TableBlock(EconomyTables.BalanceRequirementTable(year, statements.BalanceRequirement)));
        blocks.Add(new ParagraphBlock(statements.BalanceRequirement.Statement));
        return blocks;
    }

    private async Task<ReportBlock> SignaturesAsync(int year, CancellationToken cancellationToken)
    {
        var signatories = await db.ReportSignatories.AsNoTracking().Where(s => s.Year == year).OrderBy(s => s.Order)
            .Select(s => new Signatory(s.Name, s.Title)).ToListAsync(cancellationToken);
        if (signatories.Count == 0)
        {
            // No signatories written for the year: the board's ledamöter of the year sign (Data/Queries/OrganisationQuery).
            signatories = (await db.OrganisationOfYearAsync(year, cancellationToken)).BoardSignatories().Select(s => new Signatory(s.Name, s.Title)).ToList();
        }

        var archive = await db.ReportArchives.AsNoTracking().Where(a => a.Year == year && a.ReopenedAtUtc == null).Select(a => (DateOnly?)a.AdoptedOn).SingleOrDefaultAsync(cancellationToken);
        var seat = await db.Federations.AsNoTracking().Select(f => f.Seat).FirstOrDefaultAsync(cancellationToken);
        return new SignatureBlock(archive is { } adopted ? PlaceAndDate(seat, adopted) : $"{seat ?? "Ort"} ____-__-__", signatories);
    }

    /// <summary>The line above an adopted report's signatures: "Åkerby den 12 mars 2026" (the säte and the board's decision date).</summary>
    public static string PlaceAndDate(string? seat, DateOnly decidedOn) =>
        $"{seat} den {ReportAdoption.LongDateOf(decidedOn)}".Trim();
}
