using Microsoft.Data.Sqlite;

namespace Finsam.Web.Hosting;

/// <summary>
/// Backup and restore of the SQLite database with SQLite's online backup API (Microsoft.Data.Sqlite
/// <c>BackupDatabase</c>): a backup is a consistent copy even while the app writes; a restore copies a backup
/// back page by page, but only when no app has the database open (see <see cref="DatabaseInUseLock"/>).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database to a new file at <paramref name="path"/>. Returns the exit code.</summary>
    public static async Task<int> BackupAsync(string connectionString, string path, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var source = DatabasePath(connectionString);
        var target = Path.GetFullPath(path);
        if (!File.Exists(source))
        {
            await console.WriteLineAsync($"Databasen {source} finns inte; det finns inget att säkerhetskopiera.");
            return 1;
        }

        if (File.Exists(target))
        {
            await console.WriteLineAsync($"Filen {target} finns redan. Välj ett nytt filnamn; en säkerhetskopia skrivs aldrig över.");
            return 1;
        }

        if (Path.GetDirectoryName(target) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using (var from = Open(source, SqliteOpenMode.ReadOnly))
        await using (var to = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            from.BackupDatabase(to);
            await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;");
        }

        if (await CheckAsync(target) is { } problem)
        {
            File.Delete(target);
            await console.WriteLineAsync($"Säkerhetskopian blev inte hel ({problem}) och är borttagen.");
            return 1;
        }

        PrivateFiles.Files(target);
        await console.WriteLineAsync($"Databasen är säkerhetskopierad till {target} ({new FileInfo(target).Length / 1024:N0} kB).");
        return 0;
    }

    /// <summary>Replaces the database with the backup at <paramref name="path"/>. Returns the exit code.</summary>
    public static async Task<int> RestoreAsync(string connectionString, string path, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var target = DatabasePath(connectionString);
        var backup = Path.GetFullPath(path);
        if (!File.Exists(backup))
        {
            await console.WriteLineAsync($"Säkerhetskopian {backup} finns inte.");
            return 1;
        }

        if (await CheckAsync(backup) is { } problem)
        {
            await console.WriteLineAsync($"{backup} kan inte återställas: {problem}");
            return 1;
        }

        if (Path.GetDirectoryName(target) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        using var exclusive = DatabaseInUseLock.TryAcquireExclusive(target);
        if (exclusive is null)
        {
            await console.WriteLineAsync($"Finsam kör mot {target}. Stoppa appen (alla instanser) och försök igen; databasen är inte ändrad.");
            return 1;
        }

        await using (var from = Open(backup, SqliteOpenMode.ReadOnly))
        await using (var to = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            from.BackupDatabase(to);
            await ExecuteAsync(to, "PRAGMA journal_mode=WAL;");
        }

        PrivateFiles.Database(target);
        await console.WriteLineAsync($"Databasen {target} är återställd från {backup}. Starta appen; den migrerar databasen om säkerhetskopian är äldre.");
        return 0;
    }

    /// <summary>Why the file is not a whole Finsam database, or null when it is.</summary>
    public static async Task<string?> CheckAsync(string path)
    {
        try
        {
            await using var connection = Open(path, SqliteOpenMode.ReadOnly);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var integrity = (string?)await command.ExecuteScalarAsync();
            if (integrity != "ok")
            {
                return "filen är skadad (" + integrity + ").";
            }

            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'AspNetUsers');";
            return (long)(await command.ExecuteScalarAsync() ?? 0L) == 2 ? null : "filen är ingen Finsam-databas.";
        }
        catch (SqliteException ex)
        {
            return "filen är ingen SQLite-databas (" + ex.Message + ").";
        }
    }

    public static string DatabasePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A lock file beside the SQLite database (finsam.db.inuse). Every running app holds a shared lock on it; a restore
/// needs the exclusive lock, so it cannot replace the database under a running app.
/// </summary>
public sealed class DatabaseInUseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseInUseLock(FileStream stream) => _stream = stream;

    public static string LockPath(string databasePath) => databasePath + ".inuse";

    /// <summary>Held by a running app for its lifetime. Several apps may hold it at once.</summary>
    public static DatabaseInUseLock AcquireShared(string databasePath) =>
        new(new FileStream(LockPath(databasePath), FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite));

    /// <summary>The lock for a restore, or null while any app holds the shared lock.</summary>
    public static DatabaseInUseLock? TryAcquireExclusive(string databasePath)
    {
        try
        {
            return new DatabaseInUseLock(new FileStream(LockPath(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
