using Finsam.Data.Queries;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;
using Finsam.Domain.Reports;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>The demo förbund's ledgers go through the real SIE import and give statements where every check holds.</summary>
public sealed class DemoEconomyTests
{
    [Fact]
    public async Task The_demo_years_have_reconciled_statements_budget_and_driftsredovisning()
    {
        await using var factory = new FinsamFactory();
        var data = await factory.SeedDemoAsync(2026);
        Assert.NotNull(data);
        Assert.Equal([2024, 2025, 2026], data.Economy.Select(e => e.Year));

        foreach (var year in new[] { 2024, 2025 })
        {
            var statements = await factory.WithDbAsync(db => db.StatementsForYearAsync(year));
            Assert.NotNull(statements);
            Assert.True(statements.HasVouchers);
            Assert.All(statements.Checks, c => Assert.True(c.Passed, $"{year}: {c.Name} ({c.Expected} / {c.Actual})"));
            Assert.Contains(statements.Notes, n => n.Title == "Verksamhetens intäkter per medlem och projekt");
            var drift = statements.Operating;
            Assert.NotNull(drift.Budget);
            Assert.Equal(statements.Current.Income.ResultForTheYear, drift.Actual.Net);
            Assert.Contains(drift.Categories, c => c.Category == OperatingCategory.Administration && c.Actual.Cost > 0m);
            Assert.Contains(drift.Categories, c => c.Category == OperatingCategory.IndividualInsatser && c.Actual.Income > 0m);   // ESF
            Assert.DoesNotContain(drift.Categories, c => c.Category == OperatingCategory.Unallocated && c.Actual.Cost != 0m);
            Assert.InRange(statements.Current.Income.ResultForTheYear, -3_000_000m, 3_000_000m);
        }

        // 2025 has 2024's own ledger beside it, and its opening balances equal 2024's closing ones.
        var second = await factory.WithDbAsync(db => db.StatementsForYearAsync(2025));
        Assert.NotNull(second!.Operating.Previous);
        Assert.Contains(second.Checks, c => c.Name == "Ingående balanser är lika med föregående års utgående balanser, konto för konto" && c.Passed);
        Assert.True(await factory.WithDbAsync(db => db.BudgetLines.AnyAsync(b => db.FiscalYears.Any(y => y.Id == b.FiscalYearId && y.Year == 2026))));

        // The finished years' reports are written and signed; the text's contributions agree with the ledger's.
        foreach (var year in new[] { 2024, 2025 })
        {
            var texts = await factory.WithDbAsync(db => db.ReportTexts.Where(t => t.Year == year).Select(t => t.Kind).ToListAsync());
            Assert.Equal([ReportSectionKind.ChairmanForeword, ReportSectionKind.AdministrationReport, ReportSectionKind.SignificantEvents, ReportSectionKind.ExpectedDevelopment], texts.Order());
            Assert.Equal(6, await factory.WithDbAsync(db => db.ReportSignatories.CountAsync(s => s.Year == year)));
            var administration = await factory.WithDbAsync(db => db.ReportTexts.SingleAsync(t => t.Year == year && t.Kind == ReportSectionKind.AdministrationReport));
            var perMember = (await factory.WithDbAsync(db => db.StatementsForYearAsync(year)))!.Notes
                .Single(n => n.Title == "Verksamhetens intäkter per medlem och projekt");
            var fromMembers = perMember.Rows.Where(r => r.Text.StartsWith("Medlemsbidrag ", StringComparison.Ordinal)).Sum(r => r.Amount);
            Assert.Equal(data.Economy.Single(e => e.Year == year).MemberContributionTotal, fromMembers);
            Assert.Contains($"medlemsbidrag på totalt **{SwedishFormat.Number(fromMembers / 1_000_000m, 1)} miljoner kronor**", administration.Markdown, StringComparison.Ordinal);
        }

        Assert.False(await factory.WithDbAsync(db => db.ReportTexts.AnyAsync(t => t.Year == 2026)));
    }
}
