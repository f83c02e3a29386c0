using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Budget;
using Finsam.Domain.Economy.Statements;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Demo;

/// <summary>
/// Saves generated demo data into an empty database: the förbund, its members, insatser, participants and
/// enrolments, and for each demo year the members' contributions, the key, the equity ceiling and the budget, and for
/// the finished years the annual report's texts and signatories.
/// The ledgers (<see cref="DemoEconomyYear.Sie"/>) are left to the caller, which reads them through the real SIE import.
/// Does nothing when the förbund is already set up.
/// </summary>
public static class DemoDataSeeder
{
    /// <returns>The saved data, or null when the database already held a förbund.</returns>
    public static Task<DemoData?> SeedAsync(FinsamDbContext db, int lastYear, CancellationToken cancellationToken = default) =>
        SeedAsync(db, lastYear, DemoDataGenerator.DefaultParticipantCount, cancellationToken);

    /// <summary>As above with another number of generated participants (the benchmarks use a large förbund).</summary>
    public static async Task<DemoData?> SeedAsync(FinsamDbContext db, int lastYear, int participantCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Federations.AnyAsync(cancellationToken))
        {
            return null;
        }

        var data = new DemoDataGenerator(lastYear).Generate(participantCount);
        data = data with { Economy = new DemoEconomy(data, lastYear).Generate() };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Federations.Add(data.Federation);
        db.Members.AddRange(data.Members);
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
            year.MemberContributionTotal = economy.MemberContributionTotal;
            year.EquityCeiling = economy.EquityCeiling;
            db.FiscalYears.Add(year);
            await db.SaveChangesAsync(cancellationToken);
            db.MunicipalityShares.AddRange(economy.MunicipalityKey.Select(k => new MunicipalityShare { FiscalYearId = year.Id, MemberId = k.Member.Id, Percent = k.Percent }));
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
        var written = DateTime.SpecifyKind(new DateTime(lastYear, 2, 15, 9, 0, 0), DateTimeKind.Utc);
        foreach (var economy in data.Economy.Where(e => e.Sie is not null))
        {
            db.ReportTexts.AddRange(DemoReportContent.Texts(data, economy, written));
            db.ReportSignatories.AddRange(DemoReportContent.Signatories(economy.Year));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return data;
    }
}
