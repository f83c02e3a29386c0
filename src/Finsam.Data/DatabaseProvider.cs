namespace Finsam.Data;

/// <summary>The database engines Finsam runs on. Chosen by the configuration key Database:Provider.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: a file under the app's data folder, nothing to install.</summary>
    Sqlite,

    /// <summary>Production: SQL Server 2022 or Azure SQL.</summary>
    SqlServer,
}
