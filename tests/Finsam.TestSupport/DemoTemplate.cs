using System.Collections.Concurrent;
using Finsam.Data.Demo;
using Finsam.Web.Features.Participants;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.TestSupport;

/// <summary>
/// The demo förbund, migrated and seeded once per test process and last year, kept as a template: a SQLite file and
/// the personnummer key it was hashed with. A test class's factory starts from a copy of the template instead of
/// migrating and seeding (with a real SIE import) all over again, and owns its copy alone.
/// </summary>
public static class DemoTemplate
{
    private static readonly ConcurrentDictionary<int, Lazy<Task<Template>>> Templates = new();

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "finsam-tests", "templates-" + Guid.NewGuid().ToString("N"));

    private sealed record Template(string Directory, DemoData Data);

    /// <summary>Copies the template for <paramref name="lastYear"/> (made on first use) into an empty data folder.</summary>
    /// <returns>The demo data the template was seeded with.</returns>
    public static async Task<DemoData> CopyToAsync(string dataDirectory, int lastYear)
    {
        var template = await Templates.GetOrAdd(lastYear, year => new Lazy<Task<Template>>(() => CreateAsync(year))).Value;
        Directory.CreateDirectory(dataDirectory);
        foreach (var file in Directory.EnumerateFiles(template.Directory))
        {
            File.Copy(file, Path.Combine(dataDirectory, Path.GetFileName(file)), overwrite: false);
        }

        return template.Data;
    }

    private static async Task<Template> CreateAsync(int lastYear)
    {
        var directory = Path.Combine(Root, lastYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        await using var factory = new FinsamFactory();
        var data = await factory.SeedDemoFromScratchAsync(lastYear)
            ?? throw new InvalidOperationException("The template database already held a förbund.");

        // VACUUM INTO writes one consistent file (nothing left in the write-ahead log) while the app has it open.
        var target = Path.Combine(directory, "finsam.db");
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", target);
            await command.ExecuteNonQueryAsync();
        }

        // The personnummer key is made on first use; the copies must share the template's.
        _ = factory.Services.GetRequiredService<PersonKeyProvider>();
        File.Copy(Path.Combine(factory.DataDirectory, PersonKeyProvider.KeyFileName), Path.Combine(directory, PersonKeyProvider.KeyFileName));
        return new Template(directory, data);
    }
}
