using System.Security.Cryptography;

namespace Finsam.Domain;

/// <summary>The fingerprint kept with an imported or archived file: SHA-256 as 64 lower-case hex digits.</summary>
public static class ContentHash
{
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
