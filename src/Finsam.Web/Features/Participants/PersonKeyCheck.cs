using Finsam.Data;
using Finsam.Data.Installation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

/// <summary>
/// The personnummer key must be the one the database's hashes were made with. The database keeps the key's
/// fingerprint (<see cref="InstallationSetting.PersonKeyFingerprint"/>); at start the app compares it with the key it
/// has and refuses to start on a difference, instead of silently no longer recognising known persons (who would then be
/// registered twice), e.g. after a restore into a folder without the old key file.
/// </summary>
public static class PersonKeyCheck
{
    public static async Task VerifyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<FinsamDbContext>();
        var fingerprint = services.GetRequiredService<PersonKeyProvider>().Hasher.Fingerprint;
        var stored = await db.InstallationSettings.SingleOrDefaultAsync(s => s.Name == InstallationSetting.PersonKeyFingerprint, cancellationToken);
        if (stored is null)
        {
            // The first start (or the first since the fingerprint was introduced): this key is the database's.
            db.InstallationSettings.Add(new InstallationSetting { Name = InstallationSetting.PersonKeyFingerprint, Value = fingerprint });
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        if (stored.Value != fingerprint)
        {
            throw new InvalidOperationException(
                $"Personnummernyckeln stämmer inte med databasen (databasen: {stored.Value}, nyckeln: {fingerprint}). " +
                $"Databasens personnummer är beräknade med en annan nyckel, så kända personer skulle inte kännas igen. " +
                $"Lägg tillbaka filen {PersonKeyProvider.KeyFileName} från samma säkerhetskopia som databasen, eller ange " +
                "den nyckel databasen gjordes med i Privacy:PersonKeySecret. Finsam startar inte förrän nyckeln stämmer.");
        }
    }
}
