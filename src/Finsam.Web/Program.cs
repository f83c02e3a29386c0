using Finsam.Web.Hosting;

var (command, configurationArgs) = StartupCommand.Parse(args);
var builder = WebApplication.CreateBuilder(configurationArgs);
builder.AddFinsam(command);
var app = builder.Build();

if (command.ExitsAfterRunning)
{
    return await StartupTasks.RunCommandAsync(app.Services, command, Console.Out);
}

app.UseFinsam();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
