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
