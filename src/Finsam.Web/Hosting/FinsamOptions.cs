namespace Finsam.Web.Hosting;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default) or SqlServer.</summary>
    public Data.DatabaseProvider Provider { get; set; } = Data.DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts. Default true; turn off where a DBA migrates with the script.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

/// <summary>Configuration section "Finsam": where the app keeps its files.</summary>
public sealed class StorageOptions
{
    public const string Section = "Finsam";

    /// <summary>Folder for the SQLite database, logs and archived reports. Relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";
}

/// <summary>
/// Configuration section "Bootstrap": the first administrator, created at start-up when no administrator exists.
/// Give the password through an environment variable or a secret store, never in a committed file.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
