using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.Domain.Participants;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>Many people writing to the SQLite file at once: WAL mode and the busy timeout make every write count.</summary>
public sealed partial class ConcurrencyTests(FinsamFactory factory) : IClassFixture<FinsamFactory>
{
    private const int Writers = 4;
    private const int PerWriter = 10;

    [Fact]
    public async Task The_database_runs_in_wal_mode_with_a_busy_timeout()
    {
        var (mode, timeout) = await factory.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var journal = (string?)await command.ExecuteScalarAsync();
            return (journal, command.CommandTimeout);
        });
        Assert.Equal("wal", mode);
        Assert.Equal(30, timeout);
    }

    [Fact]
    public async Task Parallel_registrations_and_audited_reads_lose_nothing()
    {
        await factory.SeedDemoAsync(TestClock.Today.Year);
        var insats = await factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P31").Select(i => i.Id).SingleAsync());
        var clients = new List<HttpClient>();
        for (var i = 0; i < Writers; i++)
        {
            clients.Add(await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli)));
        }

        var enrolmentsBefore = await factory.WithDbAsync(db => db.Enrolments.CountAsync());
        var createdBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.Create && e.EntityType == nameof(Enrolment)));
        var start = new DateOnly(TestClock.Today.Year - 1, 3, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var responses = await Task.WhenAll(Enumerable.Range(0, Writers * PerWriter).Select(n => clients[n % Writers].PostFormAsync("/Deltagare/Ny", new Dictionary<string, string>
        {
            ["Input.PersonalIdentityNumber"] = TestData.Personnummer(n + 1),
            ["Input.ConsentDate"] = start,
            ["Input.Gender"] = nameof(Gender.Man),
            ["Input.BirthYear"] = TestData.Personnummer(n + 1)[..4],
            ["Input.HomeMunicipality"] = "Åkerby",
            ["Input.Education"] = nameof(EducationLevel.UpperSecondary),
            ["Input.InsatsId"] = insats.ToString(CultureInfo.InvariantCulture),
            ["Input.StartDate"] = start,
            ["Input.SupportAtStart"] = nameof(IncomeSupport.SicknessBenefit),
            ["Input.TimeInSupportBeforeStart"] = nameof(TimeInSupport.OneToTwoYears),
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var participantIds = responses.Select(r => int.Parse(ParticipantId().Match(r.Headers.Location!.ToString()).Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Writers * PerWriter, participantIds.Distinct().Count());
        Assert.Equal(enrolmentsBefore + (Writers * PerWriter), await factory.WithDbAsync(db => db.Enrolments.CountAsync()));
        Assert.Equal(createdBefore + (Writers * PerWriter), await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.Create && e.EntityType == nameof(Enrolment))));

        // Every read of a person is audit-logged, also when many read at once.
        var viewsBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.View));
        var reads = await Task.WhenAll(participantIds.Select((id, n) => clients[n % Writers].GetAsync($"/Deltagare/Detaljer/{id}")));
        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var views = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.View).Select(e => e.EntityId).ToListAsync());
        Assert.Equal(viewsBefore + participantIds.Count, views.Count);
        Assert.All(participantIds, id => Assert.Contains(id.ToString(CultureInfo.InvariantCulture), views));
    }

    [GeneratedRegex("/Deltagare/Detaljer/(\\d+)")]
    private static partial Regex ParticipantId();
}
