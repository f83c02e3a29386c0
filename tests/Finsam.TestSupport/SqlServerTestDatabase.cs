using Microsoft.Data.SqlClient;

namespace Finsam.TestSupport;

/// <summary>
/// A new, empty database on the SQL Server that the environment variable <see cref="Variable"/> names (a connection
/// string whose login may create and drop databases), for running tests on the production provider. Without the
/// variable there is none, and the tests marked <see cref="SqlServerFactAttribute"/> are reported as skipped.
/// </summary>
public sealed class SqlServerTestDatabase
{
    public const string Variable = "FINSAM_TEST_SQLSERVER";

    private readonly string _server;

    private SqlServerTestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString;
    }

    /// <summary>The connection string from <see cref="Variable"/>, or null when it is not set.</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public string Name { get; }

    /// <summary>The connection string of this test's database (created by the app's migrations at start-up).</summary>
    public string ConnectionString { get; }

    /// <summary>A database name of its own on the configured server; throws when no server is configured.</summary>
    public static SqlServerTestDatabase Create() =>
        new(ServerConnectionString ?? throw new InvalidOperationException($"{Variable} is not set."), "finsam_test_" + Guid.NewGuid().ToString("N"));

    /// <summary>Drops the database, if the app created it.</summary>
    public void Drop()
    {
        SqlConnection.ClearAllPools();
        using var connection = new SqlConnection(new SqlConnectionStringBuilder(_server) { InitialCatalog = "master" }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"IF DB_ID(@name) IS NOT NULL BEGIN ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}]; END";
        command.Parameters.AddWithValue("@name", Name);
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// A test that runs on SQL Server: reported as skipped, never as passed, unless <see cref="SqlServerTestDatabase.Variable"/>
/// names a server. docs/operations.md says how a förbund's IT runs them against its own server.
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (SqlServerTestDatabase.ServerConnectionString is null)
        {
            Skip = $"No SQL Server: set {SqlServerTestDatabase.Variable} to a connection string to run the tests on it.";
        }
    }
}
