using System.Security.Cryptography;
using System.Text;

namespace Finsam.Domain.Participants;

/// <summary>
/// Turns a personal identity number into the participant's <see cref="Participant.PersonKeyHash"/>: HMAC-SHA256
/// under the installation's secret key. The same person gives the same hash, the hash does not give the number,
/// and without the key the hash cannot be found by trying every birth date.
/// </summary>
public sealed class PersonKeyHasher
{
    public const int MinimumKeyBytes = 32;

    private readonly byte[] _key;

    public PersonKeyHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"Nyckeln måste vara minst {MinimumKeyBytes} byte.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>
    /// A fingerprint of the key (16 hex characters of an HMAC of a fixed text): the same key always gives the same
    /// fingerprint, and the fingerprint gives nothing away about the key or any hash.
    /// </summary>
    public string Fingerprint => Convert.ToHexStringLower(HMACSHA256.HashData(_key, "finsam:person-key-fingerprint"u8))[..16];

    /// <summary>64 lower-case hex characters.</summary>
    public string Hash(PersonalIdentityNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(number.Normalised)));
    }
}
