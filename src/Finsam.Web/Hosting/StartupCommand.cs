namespace Finsam.Web.Hosting;

/// <summary>
/// The command-line switches of Finsam.Web that are not configuration. They are taken out of the arguments
/// before the rest are handed to the configuration system.
/// </summary>
/// <param name="SeedDemo">--seed-demo: fill an empty database with the demo förbund and (re)set the demo accounts, then run.</param>
/// <param name="CreateAdminEmail">--create-admin EMAIL: create an administrator and exit. The password is read from
/// FINSAM_ADMIN_PASSWORD or generated and printed once.</param>
/// <param name="MigrateOnly">--migrate: apply pending migrations and exit.</param>
public sealed record StartupCommand(bool SeedDemo, string? CreateAdminEmail, bool MigrateOnly)
{
    public static (StartupCommand Command, string[] RemainingArgs) Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seedDemo = false;
        var migrateOnly = false;
        string? adminEmail = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed-demo":
                    seedDemo = true;
                    break;
                case "--migrate":
                    migrateOnly = true;
                    break;
                case "--create-admin":
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new ArgumentException("--create-admin behöver en e-postadress: --create-admin namn@forbund.se");
                    }

                    adminEmail = args[++i];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return (new StartupCommand(seedDemo, adminEmail, migrateOnly), rest.ToArray());
    }

    public bool ExitsAfterRunning => CreateAdminEmail is not null || MigrateOnly;
}
