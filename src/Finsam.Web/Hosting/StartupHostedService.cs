using Finsam.Data;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Hosting;

/// <summary>
/// Runs <see cref="StartupTasks.InitialiseAsync"/> when the host starts, before the server accepts requests, and
/// holds the SQLite database's in-use lock while the app runs (so a restore cannot replace it underneath).
/// </summary>
public sealed class StartupHostedService(IServiceProvider services, StartupCommand command) : IHostedService, IDisposable
{
    private DatabaseInUseLock? _inUse;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StartupTasks.InitialiseAsync(services, command, Console.Out, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinsamDbContext>();
        if (db.Database.IsSqlite() && db.Database.GetConnectionString() is { } connectionString)
        {
            _inUse = DatabaseInUseLock.AcquireShared(SqliteBackup.DatabasePath(connectionString));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _inUse?.Dispose();
        _inUse = null;
    }
}
