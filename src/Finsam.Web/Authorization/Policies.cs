using Finsam.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Finsam.Web.Authorization;

/// <summary>
/// Every authorisation policy and the roles it admits: the one place that says who may do what.
/// Pages and their handlers get their policies from <see cref="PageAccess"/>; navigation is filtered by the same policies.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user with at least one role.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>User administration and the audit log.</summary>
    public const string Administration = nameof(Administration);

    /// <summary>Registering and changing insatser.</summary>
    public const string Registration = nameof(Registration);

    /// <summary>Reading person-level participant data. Never the board or the auditors.</summary>
    public const string ParticipantData = nameof(ParticipantData);

    /// <summary>The ledger, statements and reports: read.</summary>
    public const string Economy = nameof(Economy);

    /// <summary>Importing the ledger.</summary>
    public const string EconomyImport = nameof(EconomyImport);

    /// <summary>Entering goals, results, ratings and survey aggregates.</summary>
    public const string GoalManagement = nameof(GoalManagement);

    /// <summary>The annual report: read, preview, download (aggregates only).</summary>
    public const string Report = nameof(Report);

    /// <summary>Writing the annual report's texts and sections, generating a draft despite failing checks, adopting it.</summary>
    public const string ReportAuthor = nameof(ReportAuthor);

    /// <summary>Aggregated figures: statistics and goal dashboards.</summary>
    public const string Overview = nameof(Overview);

    /// <summary>Going live: the "Kom igång" checklist and the förbund's organisation (förbund, members, board).</summary>
    public const string Setup = nameof(Setup);

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [SignedIn] = [.. Roles.All],
        [Administration] = [Roles.Administrator],
        [Registration] = [Roles.Kansli, Roles.Director],
        [ParticipantData] = [Roles.Kansli, Roles.Director],
        [Overview] = [Roles.Kansli, Roles.Director, Roles.Board, Roles.Auditor],
        [Economy] = [Roles.Kansli, Roles.Director, Roles.Auditor],
        [EconomyImport] = [Roles.Kansli, Roles.Director],
        [GoalManagement] = [Roles.Kansli, Roles.Director],
        [Report] = [Roles.Kansli, Roles.Director, Roles.Board, Roles.Auditor],
        [ReportAuthor] = [Roles.Director],
        [Setup] = [Roles.Administrator, Roles.Director],
    };

    public static void Register(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (policy, roles) in RolesByPolicy)
        {
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        // Anything not given a policy explicitly still needs a signed-in user with a role.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
