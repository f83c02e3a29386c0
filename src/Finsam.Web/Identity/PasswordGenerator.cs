using System.Security.Cryptography;

namespace Finsam.Web.Identity;

/// <summary>Random passwords for new accounts and demo accounts: long enough for the password policy, easy to type.</summary>
public static class PasswordGenerator
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Four groups of five characters joined by hyphens, e.g. "k7Tqa-9mRfe-XbN2c-Pw4sd" (about 117 bits).</summary>
    public static string Generate()
    {
        var groups = new string[4];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = RandomNumberGenerator.GetString(Alphabet, 5);
        }

        return string.Join('-', groups);
    }
}
