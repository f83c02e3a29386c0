using Finsam.Domain.Insatser;
using Finsam.TestSupport;
using Finsam.Web.Features.Participants;
using Finsam.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>--backup copies the SQLite database while the app runs; --restore brings it back, never under a running app.</summary>
public sealed class BackupTests
{
    private static StartupCommand Backup(string path) => new(false, null, false, BackupPath: path);

    private static StartupCommand Restore(string path) => new(false, null, false, RestorePath: path);

    [Fact]
    public async Task A_backup_taken_while_the_app_runs_restores_into_a_new_app_with_the_same_data()
    {
        var backupFolder = FinsamFactory.NewDataDirectory();
        var backup = Path.Combine(backupFolder, "finsam-backup.db");
        var restoredDirectory = FinsamFactory.NewDataDirectory();
        try
        {
            (int Participants, int Enrolments, int Insatser, int Users) before;
            await using (var original = new FinsamFactory())
            {
                await original.SeedDemoAsync(2025);
                var user = await original.CreateUserAsync(Finsam.Data.Identity.Roles.Kansli);
                before = await CountsAsync(original);

                using var output = new StringWriter();
                Assert.Equal(0, await StartupTasks.RunCommandAsync(original.Services, Backup(backup), output));
                Assert.Contains("Databasen är säkerhetskopierad till", output.ToString(), StringComparison.Ordinal);
                Assert.Null(await SqliteBackup.CheckAsync(backup));

                // Only the app's own user can read the data: the folder, the database with its log, the key, the backup.
                if (!OperatingSystem.IsWindows())
                {
                    Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(original.DataDirectory));
                    foreach (var file in new[] { original.DatabasePath, Path.Combine(original.DataDirectory, "person-key.secret"), backup })
                    {
                        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(file));
                    }

                    if (File.Exists(original.DatabasePath + "-wal"))
                    {
                        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(original.DatabasePath + "-wal"));
                    }
                }

                // A second backup to the same file is refused rather than overwriting it.
                using var again = new StringWriter();
                Assert.Equal(1, await StartupTasks.RunCommandAsync(original.Services, Backup(backup), again));
                Assert.Contains("finns redan", again.ToString(), StringComparison.Ordinal);

                // What happens after the backup is not in it.
                await original.WithDbAsync(async db =>
                {
                    db.Insatser.Add(new Insats { Code = "EFTER", Name = "Efter säkerhetskopian" });
                    return await db.SaveChangesAsync();
                });

                // Restoring over the running app is refused and changes nothing.
                using var refused = new StringWriter();
                Assert.Equal(1, await StartupTasks.RunCommandAsync(original.Services, Restore(backup), refused));
                Assert.Contains("Finsam kör mot", refused.ToString(), StringComparison.Ordinal);
                Assert.True(await original.WithDbAsync(db => db.Insatser.AnyAsync(i => i.Code == "EFTER")));

                // A restore into a folder no app uses.
                using var restoreOutput = new StringWriter();
                var exit = await SqliteBackup.RestoreAsync($"Data Source={Path.Combine(restoredDirectory, "finsam.db")}", backup, restoreOutput);
                Assert.True(exit == 0, restoreOutput.ToString());

                Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(Path.Combine(restoredDirectory, "finsam.db")) == PrivateFiles.FileMode);

                // Without the personnummer key the database was made with, the app refuses to start (it would no longer
                // recognise known persons and register them twice), and says what to do.
                var keyless = FinsamFactory.NewDataDirectory();
                Assert.Equal(0, await SqliteBackup.RestoreAsync($"Data Source={Path.Combine(keyless, "finsam.db")}", backup, TextWriter.Null));
                await using (var withoutKey = new FinsamFactory { DataDirectory = keyless })
                {
                    var refusal = Assert.ThrowsAny<Exception>(() => withoutKey.Services);
                    Assert.Contains("Personnummernyckeln stämmer inte med databasen", refusal.ToString(), StringComparison.Ordinal);
                    Assert.Contains(PersonKeyProvider.KeyFileName, refusal.ToString(), StringComparison.Ordinal);
                }

                // With the key file from the same backup it starts.
                File.Copy(Path.Combine(original.DataDirectory, PersonKeyProvider.KeyFileName), Path.Combine(restoredDirectory, PersonKeyProvider.KeyFileName));
                await using var restored = new FinsamFactory { DataDirectory = restoredDirectory };
                Assert.Equal(before, await CountsAsync(restored));
                Assert.False(await restored.WithDbAsync(db => db.Insatser.AnyAsync(i => i.Code == "EFTER")));

                // The restored app reads the same accounts (and the same data-protection keys: the old user signs in).
                await restored.SignedInClientAsync(user);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(backupFolder, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_finsam_database_is_not_restored()
    {
        var folder = FinsamFactory.NewDataDirectory();
        Directory.CreateDirectory(folder);
        try
        {
            var junk = Path.Combine(folder, "skräp.db");
            await File.WriteAllTextAsync(junk, "det här är ingen databas");
            var target = $"Data Source={Path.Combine(folder, "finsam.db")}";
            using var output = new StringWriter();
            Assert.Equal(1, await SqliteBackup.RestoreAsync(target, junk, output));
            Assert.Contains("kan inte återställas", output.ToString(), StringComparison.Ordinal);

            using var missing = new StringWriter();
            Assert.Equal(1, await SqliteBackup.RestoreAsync(target, Path.Combine(folder, "finns-inte.db"), missing));
            Assert.Contains("finns inte", missing.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "finsam.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<(int, int, int, int)> CountsAsync(FinsamFactory factory) => factory.WithDbAsync(async db =>
        (await db.Participants.CountAsync(), await db.Enrolments.CountAsync(), await db.Insatser.CountAsync(), await db.Users.CountAsync()));
}
