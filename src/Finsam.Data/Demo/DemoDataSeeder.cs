using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Demo;

/// <summary>Saves generated demo data into an empty database. Does nothing when the förbund is already set up.</summary>
public static class DemoDataSeeder
{
    /// <returns>The saved data, or null when the database already held a förbund.</returns>
    public static async Task<DemoData?> SeedAsync(FinsamDbContext db, int lastYear, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Federations.AnyAsync(cancellationToken))
        {
            return null;
        }

        var data = new DemoDataGenerator(lastYear).Generate();
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
        await transaction.CommitAsync(cancellationToken);
        return data;
    }
}
