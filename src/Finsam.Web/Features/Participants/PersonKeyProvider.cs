using System.Security.Cryptography;
using Finsam.Domain.Participants;
using Finsam.Web.Hosting;

namespace Finsam.Web.Features.Participants;

/// <summary>Configuration section "Privacy".</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// The secret key (base64, at least 32 bytes) for the personnummer HMAC. Set it in production and keep it as safe
    /// as the database backups: without it, identified participants can no longer be recognised.
    /// When empty, a key is generated once and kept in the file person-key.secret in the data folder.
    /// </summary>
    public string? PersonKeySecret { get; set; }

    /// <summary>Years after an enrolment's end before gallring anonymises it.</summary>
    public int RetentionYears { get; set; } = 5;
}

/// <summary>Holds the installation's <see cref="PersonKeyHasher"/>.</summary>
public sealed partial class PersonKeyProvider
{
    public const string KeyFileName = "person-key.secret";

    public PersonKeyProvider(Microsoft.Extensions.Options.IOptions<PrivacyOptions> options, StorageLocation storage, ILogger<PersonKeyProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        Hasher = new PersonKeyHasher(LoadKey(options.Value.PersonKeySecret, storage.DataDirectory, logger));
    }

    public PersonKeyHasher Hasher { get; }

    private static byte[] LoadKey(string? configured, string dataDirectory, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                return Convert.FromBase64String(configured.Trim());
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException("Privacy:PersonKeySecret ska vara base64 (minst 32 byte).", ex);
            }
        }

        var path = Path.Combine(dataDirectory, KeyFileName);
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        LogKeyGenerated(logger, path);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a personnummer key in {Path}. Back it up, or set Privacy:PersonKeySecret")]
    private static partial void LogKeyGenerated(ILogger logger, string path);
}
