using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Finsam.Web.Hosting;

/// <summary>
/// Serilog: readable structured lines on the console, compact JSON in daily rolling files under the data folder.
/// Log user ids and record ids, never personal data (names, e-mail addresses, personal identity numbers).
/// Levels can be changed in the "Serilog" configuration section.
/// </summary>
public static class LoggingSetup
{
    public static void Configure(HostBuilderContext context, IServiceProvider services, LoggerConfiguration logger, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logger);
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .ReadFrom.Configuration(context.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(dataDirectory, "logs", "finsam-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                fileSizeLimitBytes: 100 * 1024 * 1024,
                rollOnFileSizeLimit: true);
    }
}
