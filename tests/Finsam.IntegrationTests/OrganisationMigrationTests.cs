using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Data.Sqlite;
using Finsam.Domain.Economy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Finsam.IntegrationTests;

/// <summary>The organisation model's migration keeps a database's data and its figures (SQLite, the provider that runs here).</summary>
public sealed class OrganisationMigrationTests : IDisposable
{
    private const string Before = "20261202113456_InsatsCodeIgnoresCase";
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
    public async Task Existing_members_get_the_first_year_and_existing_years_the_former_25_25_split()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            foreach (var sql in new[]
            {
                "INSERT INTO Federations (Name, OrganisationNumber, Seat) VALUES ('Samordningsförbundet Gammalt', '222000-0000', 'Åby')",
                "INSERT INTO FiscalYears (Year, StartDate, EndDate, Status, MemberContributionTotal, Version) VALUES (2024, '2024-01-01', '2024-12-31', 2, '1000000.0', '00000000-0000-0000-0000-000000000000')",
                "INSERT INTO FiscalYears (Year, StartDate, EndDate, Status, MemberContributionTotal, Version) VALUES (2025, '2025-01-01', '2025-12-31', 1, '2000000.0', '00000000-0000-0000-0000-000000000000')",
                "INSERT INTO Members (Name, Kind, IsActive) VALUES ('Försäkringskassan', 1, 1), ('Region Åby', 3, 1), ('Åby kommun', 4, 1), ('Öby kommun', 4, 1), ('Gamla kommunen', 4, 0)",
                "INSERT INTO MunicipalityShares (FiscalYearId, MemberId, Percent) SELECT y.Id, m.Id, CASE m.Name WHEN 'Åby kommun' THEN '47.0' ELSE '53.0' END FROM FiscalYears y, Members m WHERE m.Name IN ('Åby kommun', 'Öby kommun')",
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
            var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Name);
            Assert.Equal(new DateOnly(2024, 1, 1), members["Åby kommun"].MemberFrom);
            Assert.Null(members["Åby kommun"].MemberTo);
            Assert.Equal((null, new DateOnly(2023, 12, 31)), (members["Gamla kommunen"].MemberFrom, members["Gamla kommunen"].MemberTo));
            Assert.Equal(2024, await db.Federations.Select(f => f.FirstFiscalYear).SingleAsync());
            var splits = await db.ContributionSplits.AsNoTracking().ToListAsync();
            Assert.Equal(2, splits.Count);
            Assert.All(splits, s => Assert.Equal((ContributionMode.Percent, 25m, 25m), (s.Mode, s.RegionPercent, s.MunicipalityPercent)));

            // The figures are the former fixed split's: state half, region a quarter, municipalities a quarter by the key.
            var contributions = (await db.MemberContributionsForYearAsync(2024)).ToDictionary(c => c.Member.Name, c => c.Amount);
            Assert.Equal(500_000m, contributions["Försäkringskassan"]);
            Assert.Equal(250_000m, contributions["Region Åby"]);
            Assert.Equal(117_500m, contributions["Åby kommun"]);
            Assert.Equal(132_500m, contributions["Öby kommun"]);
            Assert.False(contributions.ContainsKey("Gamla kommunen"));
            Assert.Equal(2_000_000m, (await db.MemberContributionsForYearAsync(2025)).Sum(c => c.Amount));
        }
    }
}
