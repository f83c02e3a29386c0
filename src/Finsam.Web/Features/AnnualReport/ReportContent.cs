using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Formatting;
using Finsam.Domain.Reports;
using Finsam.Reporting.AnnualReport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.AnnualReport;

/// <summary>The computed content of each section of the annual report: tables, charts and sentences, from the year's data.</summary>
public sealed class ReportContent(FinsamDbContext db, ReportGoalContent goals)
{
    public async Task<IReadOnlyList<ReportBlock>> BlocksAsync(ReportSectionKind kind, int year, StatementQuery.YearStatements statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var c = statements.Current;
        var p = statements.Previous;
        return kind switch
        {
            ReportSectionKind.FinancialResult => await FinancialResultAsync(year, statements, cancellationToken),
            ReportSectionKind.OperatingStatement => [new TableBlock(EconomyTables.Operating(statements.Operating))],
            ReportSectionKind.IncomeStatement => [new TableBlock(EconomyTables.IncomeStatement(year, c.Income, p?.Income))],
            ReportSectionKind.BalanceSheet => [new TableBlock(EconomyTables.BalanceSheet(year, c.Closing, p?.Closing, statements.ContingentLiabilities))],
            ReportSectionKind.CashFlow => [new TableBlock(EconomyTables.CashFlow(year, c.CashFlow, statements.PreviousCashFlowKnown ? p?.CashFlow : null))],
            ReportSectionKind.Notes => [.. EconomyTables.Notes(year, statements.Notes).Select(t => new TableBlock(t))],
            ReportSectionKind.BoardDecision => [await SignaturesAsync(year, cancellationToken)],
            ReportSectionKind.GoalFulfilment => await goals.GoalFulfilmentAsync(year, await StatisticsAsync(year, cancellationToken), cancellationToken),
            ReportSectionKind.Participants => ReportGoalContent.Participants(year, await StatisticsAsync(year, cancellationToken)),
            ReportSectionKind.Appendices => await goals.AppendixAsync(year, await StatisticsAsync(year, cancellationToken), cancellationToken),
            _ => [],
        };
    }

    private YearlyParticipantStatistics? _statistics;

    /// <summary>The year's participant statistics, computed once per report.</summary>
    private async Task<YearlyParticipantStatistics> StatisticsAsync(int year, CancellationToken cancellationToken) =>
        _statistics is { Year: var y } cached && y == year ? cached : _statistics = await db.StatisticsForYearAsync(year, cancellationToken);

    private async Task<IReadOnlyList<ReportBlock>> FinancialResultAsync(int year, StatementQuery.YearStatements statements, CancellationToken cancellationToken)
    {
        var c = statements.Current;
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleAsync(y => y.Year == year, cancellationToken);
        var t = new TableRows();
        t.Add("Verksamhetens intäkter", c.Income.OperatingIncome, statements.Previous?.Income.OperatingIncome);
        t.Add("Verksamhetens kostnader inklusive avskrivningar", c.Income.OperatingCosts + c.Income.Depreciation, statements.Previous is { } pi ? pi.Income.OperatingCosts + pi.Income.Depreciation : null);
        t.Add("Årets resultat", c.Income.ResultForTheYear, statements.Previous?.Income.ResultForTheYear);
        t.Add("Eget kapital vid årets slut", c.Closing.Equity, statements.Previous?.Closing.Equity);
        if (fiscalYear.EquityCeiling is { } ceiling)
        {
            t.Add("Rekommenderat högsta eget kapital", ceiling);
        }

        var columns = statements.Previous is null
            ? new ReportColumn[] { new("Nyckeltal", CellKind.Text, 50), new(year.ToString(SwedishFormat.Culture), CellKind.Amount, 18) }
            : [new("Nyckeltal", CellKind.Text, 50), new(year.ToString(SwedishFormat.Culture), CellKind.Amount, 18), new((year - 1).ToString(SwedishFormat.Culture), CellKind.Amount, 18)];
        var blocks = new List<ReportBlock> { new TableBlock(new ReportTable("Nyckeltal", $"Ekonomiska nyckeltal {year}", columns, t.Rows)) };

        var sentences = new List<string>();
        if (fiscalYear.EquityCeiling is { } limit)
        {
            var equity = c.Closing.Equity;
            sentences.Add(equity > limit
                ? $"Målet att eget kapital inte ska överstiga den rekommenderade nivån ({SwedishFormat.Tkr(limit)} tkr) har inte uppnåtts: eget kapital är {SwedishFormat.Tkr(equity)} tkr, {SwedishFormat.Tkr(equity - limit)} tkr över nivån."
                : $"Målet att eget kapital inte ska överstiga den rekommenderade nivån ({SwedishFormat.Tkr(limit)} tkr) har uppnåtts: eget kapital är {SwedishFormat.Tkr(equity)} tkr.");
        }

        if (statements.Operating.AdministrationCostPercent is { } adminShare)
        {
            sentences.Add($"Kostnaderna för administration utgör {SwedishFormat.Number(adminShare, 1)} % av förbundets samlade kostnader.");
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

        var archive = await db.ReportArchives.AsNoTracking().Where(a => a.Year == year).Select(a => (DateOnly?)a.AdoptedOn).SingleOrDefaultAsync(cancellationToken);
        var seat = await db.Federations.AsNoTracking().Select(f => f.Seat).FirstOrDefaultAsync(cancellationToken);
        var placeAndDate = archive is { } adopted
            ? $"{seat ?? ""} {SwedishFormat.Date(adopted)}".Trim()
            : $"{seat ?? "Ort"} ____-__-__";
        return new SignatureBlock(placeAndDate, signatories);
    }
}
