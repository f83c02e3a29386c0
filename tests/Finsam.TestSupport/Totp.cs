using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Finsam.TestSupport;

/// <summary>
/// What an authenticator app does (RFC 6238: HMAC-SHA1, 30-second steps, six digits) from the Base32 key that
/// Identity stores and the enrolment page shows, so tests can sign in with two-factor like a person with a phone.
/// </summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this mirrors them, it protects nothing.
        var hash = HMACSHA1.HashData(Decode(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static readonly Dictionary<string, Dictionary<string, DateTimeOffset>> Handed = [];

    /// <summary>
    /// A valid code that this process has not handed out for the key in the last few minutes: Finsam accepts each code
    /// once, so a second sign-in within the same 30 seconds takes the next step's code (still inside the accepted
    /// window), as a person would wait for the next one. Deterministic however fast the tests run, up to four sign-ins
    /// per user within two and a half minutes.
    /// </summary>
    public static string UnusedCode(string base32Key)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        var now = DateTimeOffset.UtcNow;
        lock (Handed)
        {
            var key = base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            if (!Handed.TryGetValue(key, out var used))
            {
                Handed[key] = used = [];
            }

            foreach (var old in used.Where(u => now - u.Value > TimeSpan.FromMinutes(3)).Select(u => u.Key).ToList())
            {
                used.Remove(old);
            }

            foreach (var step in new[] { 0, 1, -1, 2 })
            {
                var code = Code(base32Key, now.AddSeconds(30 * step));
                if (used.TryAdd(code, now))
                {
                    return code;
                }
            }

            throw new InvalidOperationException("More than four sign-ins with one authenticator key within a few minutes: every valid code is used.");
        }
    }

    /// <summary>Base32 (RFC 4648) to bytes; spaces and case as shown on the page are accepted.</summary>
    public static byte[] Decode(string base32)
    {
        ArgumentNullException.ThrowIfNull(base32);
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"Not Base32: '{c}'.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
