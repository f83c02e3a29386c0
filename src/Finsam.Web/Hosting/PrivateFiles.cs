namespace Finsam.Web.Hosting;

/// <summary>
/// The data folder and the files in it (the SQLite database and its write-ahead log, backups, the personnummer key)
/// are readable by the app's own user only: 0700 for folders, 0600 for files. On Windows the folder's ACL decides
/// (docs/operations.md); there the calls do nothing.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Makes the folder private (creating it when missing).</summary>
    public static void Folder(string path)
    {
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, FolderMode);
        }
    }

    /// <summary>Makes each existing file private; a missing one (a SQLite -wal before the first write) is skipped.</summary>
    public static void Files(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in paths.Where(File.Exists))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>A SQLite database with its -wal and -shm files.</summary>
    public static void Database(string path) => Files(path, path + "-wal", path + "-shm");
}
