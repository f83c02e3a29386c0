using Finsam.Data;
using Finsam.Data.Sqlite;
using Finsam.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Finsam.IntegrationTests;

/// <summary>
/// The migration that moves home municipality and education from the participant to each enrolment copies the person's
/// values to every enrolment, and SQLite's rebuild of the participants' table keeps the people and their links.
/// </summary>
public sealed class EnrolmentPersonDataMigrationTests : IDisposable
{
    private const string Before = "20261202150639_FederationInsatsDimension";
    private readonly string _path = Path.Combine(Path.GetTempPath(), "finsam-tests", $"migration-{Guid.NewGuid():N}.db");

    private FinsamDbContext Context() =>
        new(new DbContextOptionsBuilder<FinsamDbContext>().UseFinsamSqlite($"Data Source={_path}").Options as DbContextOptions<FinsamDbContext>
            ?? throw new InvalidOperationException());

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task Every_enrolment_gets_its_participants_home_municipality_and_education()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        const string V = "'00000000-0000-0000-0000-000000000000'";
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            foreach (var sql in new[]
            {
                $"INSERT INTO Insatser (Id, Code, Name, Kind, StartDate, Status, CountsInParticipantTotals, Version) VALUES (1, 'P1', 'Steget', 1, '2020-01-01', 1, 1, {V})",
                $"INSERT INTO Participants (Id, Gender, BirthYear, HomeMunicipality, Education, PersonKeyHash, CreatedAtUtc, Version) VALUES (1, 1, 1980, 'Åkerby', 2, 'aa', '2024-01-01 00:00:00', {V})",
                $"INSERT INTO Participants (Id, Gender, BirthYear, HomeMunicipality, Education, PersonKeyHash, CreatedAtUtc, Version) VALUES (2, 2, 1990, NULL, 0, NULL, '2024-01-01 00:00:00', {V})",
                $"INSERT INTO Enrolments (Id, ParticipantId, InsatsId, StartDate, SupportAtStart, SupportAtEnd, TimeInSupportBeforeStart, Version) VALUES (1, 1, 1, '2024-02-01', 0, 0, 0, {V}), (2, 1, 1, '2025-02-01', 0, 0, 0, {V}), (3, 2, 1, '2025-03-01', 0, 0, 0, {V})",
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
            var enrolments = await db.Enrolments.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(
                [(1, "Åkerby", EducationLevel.UpperSecondary), (1, "Åkerby", EducationLevel.UpperSecondary), (2, null, EducationLevel.Unknown)],
                enrolments.Select(e => (e.ParticipantId, e.HomeMunicipality, e.Education)).ToList());
            var people = await db.Participants.AsNoTracking().Include(p => p.Enrolments).OrderBy(p => p.Id).ToListAsync();
            Assert.Equal([(1, Gender.Woman, 1980, true, 2), (2, Gender.Man, 1990, false, 1)],
                people.Select(p => (p.Id, p.Gender, p.BirthYear, p.IsIdentified, p.Enrolments.Count)).ToList());

            // The rebuilt table keeps its unique personal key, and the enrolments' links to it still hold.
            db.Participants.Add(new Participant { Gender = Gender.Woman, BirthYear = 1985, PersonKeyHash = "aa", CreatedAtUtc = DateTime.UnixEpoch });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = Context())
        {
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM Participants WHERE Id = 2"));
        }
    }
}
