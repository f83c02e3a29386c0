namespace Finsam.Web.Hosting;

/// <summary>Runs <see cref="StartupTasks.InitialiseAsync"/> when the host starts, before the server accepts requests.</summary>
public sealed class StartupHostedService(IServiceProvider services, StartupCommand command) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        StartupTasks.InitialiseAsync(services, command, Console.Out, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
