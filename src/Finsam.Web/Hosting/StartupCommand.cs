namespace Finsam.Web.Hosting;

/// <summary>
/// The command-line switches of Finsam.Web that are not configuration. They are taken out of the arguments
/// before the rest are handed to the configuration system.
/// </summary>
/// <param name="SeedDemo">--seed-demo: fill an empty database with the demo förbund and (re)set the demo accounts, then run.</param>
/// <param name="CreateAdminEmail">--create-admin EMAIL: create an administrator and exit. The password is read from
/// FINSAM_ADMIN_PASSWORD or generated and printed once.</param>
/// <param name="MigrateOnly">--migrate: apply pending migrations and exit.</param>
/// <param name="BackupPath">--backup PATH: copy the SQLite database to a new file with SQLite's online backup (the app may run) and exit.</param>
/// <param name="RestorePath">--restore PATH: replace the SQLite database with a backup and exit; refused while the app runs.</param>
public sealed record StartupCommand(bool SeedDemo, string? CreateAdminEmail, bool MigrateOnly, string? BackupPath = null, string? RestorePath = null)
{
    public static (StartupCommand Command, string[] RemainingArgs) Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seedDemo = false;
        var migrateOnly = false;
        string? adminEmail = null;
        string? backupPath = null;
        string? restorePath = null;
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
                case "--backup":
                    backupPath = PathArgument(args, ref i, "--backup behöver en sökväg till säkerhetskopian: --backup /var/backups/finsam-2026-01-31.db");
                    break;
                case "--restore":
                    restorePath = PathArgument(args, ref i, "--restore behöver en sökväg till säkerhetskopian: --restore /var/backups/finsam-2026-01-31.db");
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        if (backupPath is not null && restorePath is not null)
        {
            throw new ArgumentException("Ange antingen --backup eller --restore, inte båda.");
        }

        return (new StartupCommand(seedDemo, adminEmail, migrateOnly, backupPath, restorePath), rest.ToArray());
    }

    private static string PathArgument(string[] args, ref int i, string message)
    {
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(message);
        }

        return args[++i];
    }

    public bool ExitsAfterRunning => CreateAdminEmail is not null || MigrateOnly || BackupPath is not null || RestorePath is not null;
}
