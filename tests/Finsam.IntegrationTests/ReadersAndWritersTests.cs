using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.TestSupport;
using Finsam.Web.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>
/// Readers never wait for a writer (docs/security.md, "Readers and writers"): while another connection holds SQLite's
/// write lock, as a long import does, a participant page still answers, and its audit entry is written once the lock
/// is released, never lost. Synchronised on the lock and the audit writer's queue, not on time.
/// </summary>
public sealed class ReadersAndWritersTests : IAsyncLifetime, IDisposable
{
    private readonly FinsamFactory _factory = new();

    public async Task InitializeAsync() => await _factory.SeedDemoAsync(2025);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_participant_page_answers_while_a_writer_holds_the_lock_and_its_audit_entry_is_written_afterwards()
    {
        var user = await _factory.CreateUserAsync(Roles.Kansli);
        var kansli = await _factory.SignedInClientAsync(user);
        var id = await _factory.WithDbAsync(db => db.Participants.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var writer = _factory.Services.GetRequiredService<AuditWriter>();

        await using var import = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _factory.DatabasePath, Pooling = false }.ToString());
        await import.OpenAsync();
        await using (var mode = import.CreateCommand())
        {
            mode.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
        }

        // The import's write transaction: SQLite's write lock is held until it ends.
        await using var transaction = import.BeginTransaction(deferred: false);
        await using (var write = import.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText = "UPDATE Insatser SET Name = Name;";
            await write.ExecuteNonQueryAsync();
        }

        var response = await kansli.GetAsync($"/Deltagare/Detaljer/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The entry could not be written while the lock is held: it waits in the queue (readers still read in WAL mode).
        Assert.Equal(1, writer.Unwritten);
        Assert.False(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserName == user.Email && a.EntityType == "Participant")));
        Assert.Contains("\"EntityType\":\"Participant\"", await File.ReadAllTextAsync(writer.SpoolPath), StringComparison.Ordinal);   // kept on disk: a crash now loses nothing

        await transaction.CommitAsync();
        await writer.WhenWrittenAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var entry = await _factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.UserName == user.Email && a.EntityType == "Participant"));
        Assert.Equal(AuditAction.View, entry.Action);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal(0, writer.Unwritten);
        Assert.False(File.Exists(writer.SpoolPath));
    }

    [Fact]
    public async Task Entries_kept_on_disk_by_a_stopped_app_are_written_at_the_next_start()
    {
        // What a crash while a writer held the lock leaves behind, before the app starts (SeedDemoAsync starts it).
        using var factory = new FinsamFactory();
        Directory.CreateDirectory(factory.DataDirectory);
        await File.WriteAllTextAsync(Path.Combine(factory.DataDirectory, AuditWriter.SpoolFileName),
            """{"AtUtc":"2026-11-16T09:00:00Z","UserId":"u1","UserName":"spooled@example.se","Action":"View","EntityType":"Participant","EntityId":"7","Details":null}""" + "\n");

        await factory.SeedDemoAsync(2025);
        var writer = factory.Services.GetRequiredService<AuditWriter>();
        await writer.WhenWrittenAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var entry = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.UserName == "spooled@example.se"));
        Assert.Equal(AuditAction.View, entry.Action);
        Assert.Equal("7", entry.EntityId);
        Assert.False(File.Exists(writer.SpoolPath));
    }
}
