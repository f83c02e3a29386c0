namespace Finsam.Web.Features.Economy;

/// <summary>
/// Keeps an uploaded SIE file while the user looks at the import's proposals, so that confirming does not mean
/// choosing the file again. A file is kept under a random token in the server's temporary folder, at most a day,
/// and removed when its import is confirmed. (With several app servers behind a load balancer, the confirmation
/// must reach the server that kept the file.)
/// </summary>
public sealed class PendingLedgerFiles(TimeProvider clock)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private static string Folder => Path.Combine(Path.GetTempPath(), "finsam-pending-sie");

    /// <summary>Keeps the file; its token.</summary>
    public async Task<string> KeepAsync(byte[] file, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        Directory.CreateDirectory(Folder);
        RemoveExpired();
        var token = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(Path.Combine(Folder, token + ".sie"), file, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Folder, token + ".name"), Path.GetFileName(fileName), cancellationToken);
        return token;
    }

    /// <summary>The kept file and its name, or null when the token is unknown or expired.</summary>
    public async Task<(byte[] File, string FileName)?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!IsToken(token) || !File.Exists(Path.Combine(Folder, token + ".sie")))
        {
            return null;
        }

        return (await File.ReadAllBytesAsync(Path.Combine(Folder, token + ".sie"), cancellationToken),
            await File.ReadAllTextAsync(Path.Combine(Folder, token + ".name"), cancellationToken));
    }

    public void Remove(string? token)
    {
        if (IsToken(token))
        {
            File.Delete(Path.Combine(Folder, token + ".sie"));
            File.Delete(Path.Combine(Folder, token + ".name"));
        }
    }

    private static bool IsToken(string? token) => token is { Length: 32 } && token.All(char.IsAsciiHexDigitLower);

    private void RemoveExpired()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var path in Directory.EnumerateFiles(Folder))
        {
            if (now - File.GetLastWriteTimeUtc(path) > KeptFor)
            {
                File.Delete(path);
            }
        }
    }
}
