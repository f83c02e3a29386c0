namespace Finsam.Data.Identity;

/// <summary>
/// The five roles. The constant is the role's name as stored and shown (Swedish); code uses the English member names.
/// </summary>
public static class Roles
{
    public const string Administrator = "Administratör";
    public const string Kansli = "Kansli";
    public const string Director = "Förbundschef";
    public const string Board = "Styrelse";
    public const string Auditor = "Revisor";

    public static readonly IReadOnlyList<string> All = [Administrator, Kansli, Director, Board, Auditor];

    /// <summary>The roles that see and change participants' personal data.</summary>
    public static readonly IReadOnlyList<string> PersonData = [Kansli, Director];

    /// <summary>
    /// Separation of duties: the account that manages accounts never sees person data. An account may not be both
    /// Administratör and Kansli or Förbundschef; the message says why, or null when the roles may be combined.
    /// </summary>
    public static string? SeparationOfDutiesError(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return set.Contains(Administrator) && PersonData.FirstOrDefault(set.Contains) is { } personRole
            ? $"Ett konto kan inte vara både Administratör och {personRole}: den som hanterar konton ska inte se deltagaruppgifter. Skapa ett eget konto för arbetet som {personRole}."
            : null;
    }

    /// <summary>What each role is for, shown on the user administration page.</summary>
    public static string Describe(string role) => role switch
    {
        Administrator => "Hanterar användare, behörigheter och loggar. Ser inga deltagaruppgifter.",
        Kansli => "Registrerar insatser, deltagare, deltaganden och resultat.",
        Director => "Som kansliet, och skriver och tar fram årsredovisningen.",
        Board => "Följer mål och resultat på översiktsnivå. Ser aldrig enskilda personer.",
        Auditor => "Granskar ekonomi och rapporter på översiktsnivå. Ser aldrig enskilda personer.",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Okänd roll."),
    };
}
