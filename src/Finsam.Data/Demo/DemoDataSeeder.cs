using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Budget;
using Finsam.Domain.Economy.Statements;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Demo;

/// <summary>
/// Generates the demo data and saves what is not the förbund's organisation into a database where the förbund and its
/// members are already saved: insatser, participants, enrolments, goals, and for each demo year the fiscal year with its
/// equity ceiling and budget, and for the finished years the annual report's texts and signatories.
/// The organisation (the förbund, its members, the contribution split and key, the board and auditors) and the ledgers
/// (<see cref="DemoEconomyYear.Sie"/>) are left to the caller, which enters them through the app's real write paths.
/// </summary>
public static class DemoDataSeeder
{
    /// <summary>The demo förbund's data, with the economy of its years, not yet saved.</summary>
    public static DemoData Generate(int lastYear, int participantCount = DemoDataGenerator.DefaultParticipantCount)
    {
        var data = new DemoDataGenerator(lastYear).Generate(participantCount);
        return data with { Economy = new DemoEconomy(data, lastYear).Generate() };
    }

    /// <summary>
    /// Saves the generated data besides the organisation. Each of <see cref="DemoData.Members"/> must have the id of the
    /// saved member of its name (the caller sets it); the members are attached, not added.
    /// </summary>
    public static async Task SeedAsync(FinsamDbContext db, DemoData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Members.Any(m => m.Id == 0))
        {
            throw new InvalidOperationException("Demomedlemmarna ska sparas innan resten av demodata.");
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Members.AttachRange(data.Members);
        db.Insatser.AddRange(data.Insatser);
        db.Participants.AddRange(data.Participants);
        db.Enrolments.AddRange(data.Enrolments);
        db.GoalAreas.AddRange(data.Goals.GoalAreas);
        db.InsatsGoals.AddRange(data.Goals.InsatsGoals);
        db.InsatsRatings.AddRange(data.Goals.Ratings);
        db.SurveyRounds.AddRange(data.Goals.Surveys);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var economy in data.Economy)
        {
            var year = FiscalYear.CalendarYear(economy.Year);
            year.EquityCeiling = economy.EquityCeiling;
            db.FiscalYears.Add(year);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (code, (income, cost)) in economy.Budget)
            {
                var insats = code.Length == 0 ? null : data.Insatser.Single(i => i.Code == code);
                db.BudgetLines.Add(new BudgetLine
                {
                    FiscalYearId = year.Id,
                    Category = insats is null ? OperatingCategory.MemberIncome : BudgetRowParser.CategoryOf(insats),
                    InsatsId = insats?.Id,
                    Income = income,
                    Cost = cost,
                });
            }
        }

        // The finished years' reports have their texts written and their signatories entered; the current year's not yet.
        var lastYear = data.Economy.Max(e => e.Year);
        var written = DateTime.SpecifyKind(new DateTime(lastYear, 2, 15, 9, 0, 0), DateTimeKind.Utc);
        foreach (var economy in data.Economy.Where(e => e.Sie is not null))
        {
            db.ReportTexts.AddRange(DemoReportContent.Texts(data, economy, written));
            db.ReportSignatories.AddRange(DemoReportContent.Signatories(economy.Year));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
