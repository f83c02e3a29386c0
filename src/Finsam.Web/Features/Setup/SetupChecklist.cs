using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Data.Identity;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Setup;

/// <summary>How far a step of going live has come.</summary>
public enum SetupState
{
    Missing,
    Partly,
    Done,
}

/// <summary>One step of going live: its state, what is there or missing (Swedish), and the page that does it.</summary>
/// <param name="Page">The Razor page that fills the step, for <c>asp-page</c>.</param>
/// <param name="RouteValues">Route values for the page (e.g. the year), or null.</param>
public sealed record SetupStep(string Title, SetupState State, string Detail, string Page, IReadOnlyDictionary<string, string>? RouteValues = null)
{
    public bool IsDone => State == SetupState.Done;
}

/// <summary>
/// What a förbund must enter before its year can run on Finsam, in the order it is best done, read from the data
/// itself (nothing is ticked by hand): the förbund, its members, the year's contributions and key, the chart of
/// accounts, the insatser and their project codes, the ledger, the budget, the goals and a user for each role.
/// </summary>
public sealed class SetupChecklist(FinsamDbContext db, UserManager<AppUser> users)
{
    /// <summary>Whether the förbund and its members exist: without them nothing Finsam produces is the förbund's own.</summary>
    public async Task<bool> HasFoundationAsync(CancellationToken cancellationToken) =>
        await db.Federations.AnyAsync(cancellationToken) && await db.Members.AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<SetupStep>> StepsAsync(int year, CancellationToken cancellationToken)
    {
        var yearRoute = new Dictionary<string, string> { ["year"] = year.ToString(SwedishFormat.Culture) };
        var arRoute = new Dictionary<string, string> { ["ar"] = year.ToString(SwedishFormat.Culture) };
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        // The förbund, the year's members, board, auditors and förbundschef: read once for the four steps that need them.
        var organisation = await db.OrganisationOfYearAsync(year, cancellationToken);
        return
        [
            Federation(organisation.Federation),
            Members(organisation),
            await ContributionsAsync(organisation, fiscalYear, cancellationToken),
            Board(organisation),
            await AccountMappingAsync(cancellationToken),
            await InsatserAsync(year, fiscalYear, cancellationToken),
            await LedgerAsync(year, fiscalYear, yearRoute, cancellationToken),
            await BudgetAsync(year, fiscalYear, yearRoute, cancellationToken),
            await GoalsAsync(year, arRoute, cancellationToken),
            await UsersAsync(cancellationToken),
        ];
    }

    private static SetupStep Federation(Federation? federation)
    {
        const string title = "Förbundet";
        if (federation is null)
        {
            return new SetupStep(title, SetupState.Missing, "Förbundets namn, organisationsnummer och säte är inte inlagda.", SetupPages.Federation);
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(federation.OrganisationNumber))
        {
            missing.Add("organisationsnummer");
        }

        if (string.IsNullOrWhiteSpace(federation.Seat))
        {
            missing.Add("säte");
        }

        return missing.Count == 0
            ? new SetupStep(title, SetupState.Done, $"{federation.Name}, {federation.OrganisationNumber}, säte {federation.Seat}.", SetupPages.Federation)
            : new SetupStep(title, SetupState.Partly, $"{federation.Name}: {SwedishFormat.List(missing)} saknas.", SetupPages.Federation);
    }

    private static SetupStep Members(OrganisationQuery.YearOrganisation organisation)
    {
        var year = organisation.Year;
        var title = $"Medlemmar {year}";
        var members = organisation.Members;
        if (members.Count == 0)
        {
            return new SetupStep(title, SetupState.Missing, $"Inga medlemmar är inlagda för {year}.", SetupPages.Members);
        }

        // Law 2003:1210, 2 §: Försäkringskassan, Arbetsförmedlingen, at least one region and at least one municipality.
        var kinds = members.Select(m => m.Kind).ToHashSet();
        var missing = new[] { MemberKind.SocialInsuranceAgency, MemberKind.PublicEmploymentService, MemberKind.Region, MemberKind.Municipality }
            .Where(k => !kinds.Contains(k)).Select(k => SwedishNames.Of(k).ToLowerInvariant()).ToList();
        return missing.Count == 0
            ? new SetupStep(title, SetupState.Done, $"{members.Count} medlemmar.", SetupPages.Members)
            : new SetupStep(title, SetupState.Partly, $"{members.Count} medlemmar; saknas: {SwedishFormat.List(missing)}.", SetupPages.Members);
    }

    private async Task<SetupStep> ContributionsAsync(OrganisationQuery.YearOrganisation organisation, FiscalYear? fiscalYear, CancellationToken cancellationToken)
    {
        var year = organisation.Year;
        var title = $"Medlemsbidrag och fördelning {year}";
        var split = fiscalYear is null ? null
            : await db.ContributionSplits.AsNoTracking().SingleOrDefaultAsync(s => s.FiscalYearId == fiscalYear.Id, cancellationToken);
        if (fiscalYear?.MemberContributionTotal is not { } total || split is null)
        {
            return new SetupStep(title, SetupState.Missing, $"Årets medlemsbidrag och förbundsordningens fördelning för {year} är inte inlagda.", SetupPages.Contributions);
        }

        if (split.Mode == ContributionMode.Amount)
        {
            return new SetupStep(title, SetupState.Done, $"Medlemsbidrag {SwedishFormat.Kronor(total)}, beslutade som belopp per medlem.", SetupPages.Contributions);
        }

        var municipalities = organisation.Members.Count(m => m.Kind == MemberKind.Municipality);
        var keySum = await db.MunicipalityShares.AsNoTracking().Where(s => s.FiscalYearId == fiscalYear.Id).SumAsync(s => (decimal?)s.Percent, cancellationToken);
        // The shares as decided (30,5 % stays 30,5 %).
        var split50 = $"regionen {MemberContributions.Exact(split.RegionPercent)} %, kommunerna {MemberContributions.Exact(split.MunicipalityPercent)} %";
        return keySum == 100m || municipalities <= 1
            ? new SetupStep(title, SetupState.Done, $"Medlemsbidrag {SwedishFormat.Kronor(total)}: staten 50 %, {split50}.", SetupPages.Contributions)
            : new SetupStep(title, SetupState.Partly, $"Medlemsbidrag {SwedishFormat.Kronor(total)}, men kommunernas fördelningsnyckel saknas.", SetupPages.Contributions);
    }

    private static SetupStep Board(OrganisationQuery.YearOrganisation organisation)
    {
        var year = organisation.Year;
        var title = $"Styrelse, revisorer och förbundschef {year}";
        var missing = new List<string>();
        if (!organisation.Board.Any(b => b.Office == BoardOffice.Chair))
        {
            missing.Add("ordförande");
        }

        if (organisation.Board.Count == 0)
        {
            missing.Add("styrelseledamöter");
        }

        if (organisation.Auditors.Count == 0)
        {
            missing.Add("revisorer");
        }

        if (organisation.Directors.Count == 0)
        {
            missing.Add("förbundschef");
        }

        return missing.Count switch
        {
            0 => new SetupStep(title, SetupState.Done,
                $"{organisation.Board.Count} uppdrag i styrelsen, {organisation.Auditors.Count} revisorer, förbundschef {SwedishFormat.List(organisation.Directors.Select(d => d.Name).ToList())}.",
                SetupPages.Board),
            4 => new SetupStep(title, SetupState.Missing, $"Styrelsen, revisorerna och förbundschefen för {year} är inte inlagda.", SetupPages.Board),
            _ => new SetupStep(title, SetupState.Partly, $"Saknas för {year}: {SwedishFormat.List(missing)}.", SetupPages.Board),
        };
    }

    private async Task<SetupStep> AccountMappingAsync(CancellationToken cancellationToken)
    {
        const string title = "Kontoplan och mappning";
        var rules = await db.AccountMappingRules.AsNoTracking().CountAsync(cancellationToken);
        return rules > 0
            ? new SetupStep(title, SetupState.Done, $"{rules} regler mappar kontona till resultat- och balansräkningens rader.", SetupPages.AccountMapping)
            : new SetupStep(title, SetupState.Missing, "Inga regler mappar kontona till resultat- och balansräkningens rader.", SetupPages.AccountMapping);
    }

    private async Task<SetupStep> InsatserAsync(int year, FiscalYear? fiscalYear, CancellationToken cancellationToken)
    {
        const string title = "Insatser med projektkoder";
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var codes = await db.Insatser.AsNoTracking().Where(i => i.StartDate <= end && (i.EndDate == null || i.EndDate >= start))
            .Select(i => i.Code).ToListAsync(cancellationToken);
        if (codes.Count == 0)
        {
            return new SetupStep(title, SetupState.Missing, $"Inga insatser pågår {year}.", SetupPages.Insatser);
        }

        if (fiscalYear is null)
        {
            return new SetupStep(title, SetupState.Done, $"{codes.Count} insatser pågår {year}.", SetupPages.Insatser);
        }

        // The ledger's objects that name no insats: their costs cannot be shown per insats.
        var objects = await db.LedgerBalances.AsNoTracking()
            .Where(b => b.FiscalYearId == fiscalYear.Id && b.ObjectCode != null)
            .Select(b => b.ObjectCode!).Distinct().ToListAsync(cancellationToken);
        var known = codes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unmatched = objects.Where(o => !known.Contains(o)).Order(StringComparer.Ordinal).ToList();
        return unmatched.Count == 0
            ? new SetupStep(title, SetupState.Done, $"{codes.Count} insatser pågår {year}.", SetupPages.Insatser)
            : new SetupStep(title, SetupState.Partly,
                $"{codes.Count} insatser pågår {year}, men bokföringens objekt {SwedishFormat.List(unmatched.Take(10).ToList())}{(unmatched.Count > 10 ? " med flera" : "")} motsvarar ingen insats.",
                SetupPages.Insatser);
    }

    private async Task<SetupStep> LedgerAsync(int year, FiscalYear? fiscalYear, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var title = $"Bokföring {year}";
        var import = fiscalYear is null ? null
            : await db.LedgerImports.AsNoTracking().SingleOrDefaultAsync(i => i.FiscalYearId == fiscalYear.Id, cancellationToken);
        return import is null
            ? new SetupStep(title, SetupState.Missing, $"Ingen SIE-fil för {year} är inläst.", SetupPages.LedgerImport)
            : new SetupStep(title, SetupState.Done, $"{import.FileName}: {SwedishFormat.Number(import.VoucherCount)} verifikationer.", SetupPages.Statements, route);
    }

    private async Task<SetupStep> BudgetAsync(int year, FiscalYear? fiscalYear, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var title = $"Budget {year}";
        var lines = fiscalYear is null ? 0 : await db.BudgetLines.AsNoTracking().CountAsync(l => l.FiscalYearId == fiscalYear.Id, cancellationToken);
        return lines > 0
            ? new SetupStep(title, SetupState.Done, $"{lines} budgetrader.", SetupPages.Budget, route)
            : new SetupStep(title, SetupState.Missing, $"Ingen budget för {year} är inlagd.", SetupPages.Budget, route);
    }

    private async Task<SetupStep> GoalsAsync(int year, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var title = $"Mål {year}";
        var areas = await db.GoalAreas.AsNoTracking().CountAsync(a => a.Year == year, cancellationToken);
        return areas > 0
            ? new SetupStep(title, SetupState.Done, $"{areas} målområden.", SetupPages.Goals, route)
            : new SetupStep(title, SetupState.Missing, $"Förbundets mål för {year} är inte inlagda.", SetupPages.Goals, route);
    }

    private async Task<SetupStep> UsersAsync(CancellationToken cancellationToken)
    {
        const string title = "Användare för varje roll";
        var missing = new List<string>();
        foreach (var role in new[] { Roles.Kansli, Roles.Director, Roles.Board, Roles.Auditor })
        {
            var members = await users.GetUsersInRoleAsync(role);
            if (!members.Any(u => u.IsActive))
            {
                missing.Add(role.ToLowerInvariant());
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return missing.Count == 0
            ? new SetupStep(title, SetupState.Done, "Kansli, förbundschef, styrelse och revisorer har konton.", SetupPages.Users)
            : new SetupStep(title, missing.Count == 4 ? SetupState.Missing : SetupState.Partly, $"Ingen aktiv användare med rollen {SwedishFormat.List(missing)}.", SetupPages.Users);
    }
}

/// <summary>The pages that fill the steps (Razor page names).</summary>
public static class SetupPages
{
    public const string Federation = "/Organisation/Index";
    public const string Members = "/Organisation/Members";
    public const string Board = "/Organisation/Board";
    public const string Contributions = "/Economy/MemberContributions";
    public const string AccountMapping = "/Economy/AccountMapping";
    public const string Insatser = "/Insatser/Index";
    public const string LedgerImport = "/Economy/Import";
    public const string Statements = "/Economy/Statements";
    public const string Budget = "/Economy/Budget";
    public const string Goals = "/Goals/Index";
    public const string Users = "/Admin/Users/Index";
}
