using Finsam.Data;
using Finsam.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Finsam.TestSupport;

/// <summary>
/// Every Razor page handler of the app, GET and POST, with a URL that reaches it and the roles it admits: the truth
/// that the app's declaration (Authorization/PageAccess.cs) is tested against (HandlerMatrixTests), and the list of
/// pages that the form tests post to and the browser tests visit. A URL may hold placeholders such as {insats},
/// replaced by <see cref="RecordIdsAsync"/>'s records of the demo förbund ({user} by the test's own user).
/// </summary>
public static class PageMatrix
{
    private const string Admin = Roles.Administrator;
    private const string Kansli = Roles.Kansli;
    private const string Chef = Roles.Director;
    private const string Board = Roles.Board;
    private const string Auditor = Roles.Auditor;

    /// <summary>The name used for a visitor who has not signed in.</summary>
    public const string Anonymous = "anonym";

    /// <summary>A handler ("METHOD page?handler=Name"), a URL that reaches it, the roles it admits, and whether a POST needs the antiforgery token.</summary>
    public sealed record Access(string Handler, string Url, string[] Allowed, bool NeedsToken = true);

    /// <summary>
    /// The expected access to every handler. GET URLs use the fixture's real records; POST URLs use records that do not
    /// exist (999999) or empty forms wherever a post could change what later rows read. The rows that sign out or turn
    /// off two-factor sign-in come last.
    /// </summary>
    public static readonly IReadOnlyList<Access> Matrix =
    [
        // Start, errors and the account pages
        new("GET /Index", "/", [Admin, Kansli, Chef, Board, Auditor]),
        new("GET /Setup/Index", "/KomIgang", [Admin, Chef]),

        // The organisation: the förbund, its members, board, auditors, förbundschef and kansli
        new("GET /Organisation/Index", "/Organisation", [Admin, Chef]),
        new("GET /Organisation/Index?handler=Logo", "/Organisation?handler=Logo", [Admin, Chef]),
        new("POST /Organisation/Index", "/Organisation", [Admin, Chef]),
        new("GET /Organisation/Members", "/Organisation/Medlemmar", [Admin, Chef]),
        new("POST /Organisation/Members", "/Organisation/Medlemmar", [Admin, Chef]),
        new("POST /Organisation/Members?handler=End", "/Organisation/Medlemmar?handler=End&id=999999", [Admin, Chef]),
        new("GET /Organisation/Member", "/Organisation/Medlem/{member}", [Admin, Chef]),
        new("POST /Organisation/Member", "/Organisation/Medlem/999999", [Admin, Chef]),
        new("POST /Organisation/Member?handler=Delete", "/Organisation/Medlem/999999?handler=Delete", [Admin, Chef]),
        new("GET /Organisation/Board", "/Organisation/Styrelse", [Admin, Chef]),
        new("POST /Organisation/Board?handler=BoardMember", "/Organisation/Styrelse?handler=BoardMember", [Admin, Chef]),
        new("POST /Organisation/Board?handler=Auditor", "/Organisation/Styrelse?handler=Auditor", [Admin, Chef]),
        new("POST /Organisation/Board?handler=Director", "/Organisation/Styrelse?handler=Director", [Admin, Chef]),
        new("GET /Organisation/BoardMember", "/Organisation/Styrelse/Ledamot/{boardmember}", [Admin, Chef]),
        new("POST /Organisation/BoardMember", "/Organisation/Styrelse/Ledamot/999999", [Admin, Chef]),
        new("POST /Organisation/BoardMember?handler=Delete", "/Organisation/Styrelse/Ledamot/999999?handler=Delete", [Admin, Chef]),
        new("GET /Organisation/Auditor", "/Organisation/Styrelse/Revisor/{auditor}", [Admin, Chef]),
        new("POST /Organisation/Auditor", "/Organisation/Styrelse/Revisor/999999", [Admin, Chef]),
        new("POST /Organisation/Auditor?handler=Delete", "/Organisation/Styrelse/Revisor/999999?handler=Delete", [Admin, Chef]),
        new("GET /Organisation/Director", "/Organisation/Styrelse/Forbundschef/{director}", [Admin, Chef]),
        new("POST /Organisation/Director", "/Organisation/Styrelse/Forbundschef/999999", [Admin, Chef]),
        new("POST /Organisation/Director?handler=Delete", "/Organisation/Styrelse/Forbundschef/999999?handler=Delete", [Admin, Chef]),
        new("GET /Organisation/Staff", "/Organisation/Kansli", [Admin, Chef]),
        new("POST /Organisation/Staff", "/Organisation/Kansli", [Admin, Chef]),
        new("GET /Organisation/StaffMember", "/Organisation/Kansli/{staff}", [Admin, Chef]),
        new("POST /Organisation/StaffMember", "/Organisation/Kansli/999999", [Admin, Chef]),
        new("POST /Organisation/StaffMember?handler=Delete", "/Organisation/Kansli/999999?handler=Delete", [Admin, Chef]),
        new("GET /Error", "/Error", [Admin, Kansli, Chef, Board, Auditor, Anonymous]),
        new("POST /Error", "/Error", [Admin, Kansli, Chef, Board, Auditor, Anonymous], NeedsToken: false),   // the re-executed error page of a failed POST
        new("GET /Account/SignIn", "/Konto/LoggaIn", [Admin, Kansli, Chef, Board, Auditor, Anonymous]),
        new("POST /Account/SignIn", "/Konto/LoggaIn", [Admin, Kansli, Chef, Board, Auditor, Anonymous]),
        new("GET /Account/SignInTwoFactor", "/Konto/LoggaIn2FA", [Admin, Kansli, Chef, Board, Auditor, Anonymous]),
        new("POST /Account/SignInTwoFactor", "/Konto/LoggaIn2FA", [Admin, Kansli, Chef, Board, Auditor, Anonymous]),
        new("GET /Account/RecoveryCode", "/Konto/Aterstallningskod", [Admin, Kansli, Chef, Board, Auditor, Anonymous]),
        new("POST /Account/RecoveryCode", "/Konto/Aterstallningskod", [Admin, Kansli, Chef, Board, Auditor, Anonymous]),
        new("GET /Account/AccessDenied", "/Konto/AtkomstNekad", [Admin, Kansli, Chef, Board, Auditor]),
        new("GET /Account/ChangePassword", "/Konto/BytLosenord", [Admin, Kansli, Chef, Board, Auditor]),
        new("POST /Account/ChangePassword", "/Konto/BytLosenord", [Admin, Kansli, Chef, Board, Auditor]),
        new("GET /Account/TwoFactor", "/Konto/TvaFaktor", [Admin, Kansli, Chef, Board, Auditor]),
        new("POST /Account/TwoFactor?handler=Enable", "/Konto/TvaFaktor?handler=Enable", [Admin, Kansli, Chef, Board, Auditor]),
        new("POST /Account/TwoFactor?handler=RecoveryCodes", "/Konto/TvaFaktor?handler=RecoveryCodes", [Admin, Kansli, Chef, Board, Auditor]),
        new("POST /Account/TwoFactor?handler=Setup", "/Konto/TvaFaktor?handler=Setup", [Admin, Kansli, Chef, Board, Auditor]),
        new("GET /Account/SignOut", "/Konto/LoggaUt", [Admin, Kansli, Chef, Board, Auditor]),

        // Background jobs: every user has their own ("Mina jobb"); a job no one here started answers 404 (JobsTests
        // checks that another user's job does too).
        new("GET /Jobs/Index", "/Jobb", [Admin, Kansli, Chef, Board, Auditor]),
        new("GET /Jobs/Details", "/Jobb/00000000-0000-0000-0000-000000000001", [Admin, Kansli, Chef, Board, Auditor]),
        new("GET /Jobs/Details?handler=Status", "/Jobb/00000000-0000-0000-0000-000000000001?handler=Status", [Admin, Kansli, Chef, Board, Auditor]),
        new("GET /Jobs/Details?handler=Download", "/Jobb/00000000-0000-0000-0000-000000000001?handler=Download", [Admin, Kansli, Chef, Board, Auditor]),

        // Administration
        new("GET /Admin/Users/Index", "/Admin/Anvandare", [Admin]),
        new("GET /Admin/Users/New", "/Admin/Anvandare/Ny", [Admin]),
        new("POST /Admin/Users/New", "/Admin/Anvandare/Ny", [Admin]),
        new("GET /Admin/Users/Edit", "/Admin/Anvandare/Redigera/{user}", [Admin]),
        new("POST /Admin/Users/Edit?handler=Roles", "/Admin/Anvandare/Redigera/saknas?handler=Roles", [Admin]),
        new("POST /Admin/Users/Edit?handler=ResetPassword", "/Admin/Anvandare/Redigera/saknas?handler=ResetPassword", [Admin]),
        new("POST /Admin/Users/Edit?handler=SetActive", "/Admin/Anvandare/Redigera/saknas?handler=SetActive", [Admin]),
        new("GET /Admin/Users/ResetTwoFactor", "/Admin/Anvandare/TvaFaktor/{user}", [Admin]),
        new("POST /Admin/Users/ResetTwoFactor", "/Admin/Anvandare/TvaFaktor/saknas", [Admin]),
        new("GET /Admin/Audit/Index", "/Admin/Granskningslogg", [Admin]),

        // Insatser
        new("GET /Insatser/Index", "/Insatser", [Kansli, Chef]),
        new("GET /Insatser/Details", "/Insatser/Detaljer/{insats}", [Kansli, Chef]),
        new("POST /Insatser/Details?handler=YearSettings", "/Insatser/Detaljer/999999?handler=YearSettings", [Kansli, Chef]),
        new("GET /Insatser/New", "/Insatser/Ny", [Kansli, Chef]),
        new("POST /Insatser/New", "/Insatser/Ny", [Kansli, Chef]),
        new("GET /Insatser/Edit", "/Insatser/Redigera/{insats}", [Kansli, Chef]),
        new("POST /Insatser/Edit", "/Insatser/Redigera/999999", [Kansli, Chef]),

        // Participants
        new("GET /Participants/Index", "/Deltagare", [Kansli, Chef]),
        new("POST /Participants/Index?handler=Search", "/Deltagare?handler=Search", [Kansli, Chef]),
        new("GET /Participants/Search", "/Deltagare/Sok", [Kansli, Chef]),
        new("POST /Participants/Search", "/Deltagare/Sok", [Kansli, Chef]),
        new("GET /Participants/ImportFormat", "/Deltagare/Import/Format", [Kansli, Chef]),
        new("GET /Worklist/Index", "/AttGora", [Kansli, Chef]),
        new("GET /Participants/Details", "/Deltagare/Detaljer/{participant}", [Kansli, Chef]),
        new("GET /Participants/Edit", "/Deltagare/Andra/{participant}", [Kansli, Chef]),
        new("POST /Participants/Edit", "/Deltagare/Andra/999999", [Kansli, Chef]),
        new("GET /Participants/Correct", "/Deltagare/Ratta/{participant}", [Kansli, Chef]),
        new("POST /Participants/Correct", "/Deltagare/Ratta/999999", [Kansli, Chef]),
        new("GET /Participants/New", "/Deltagare/Ny", [Kansli, Chef]),
        new("POST /Participants/New", "/Deltagare/Ny", [Kansli, Chef]),
        new("GET /Participants/End", "/Deltagare/Avslut/{enrolment}", [Kansli, Chef]),
        new("POST /Participants/End", "/Deltagare/Avslut/999999", [Kansli, Chef]),
        new("GET /Participants/Enrolment", "/Deltagare/Deltagande/{enrolment}", [Kansli, Chef]),
        new("POST /Participants/Enrolment?handler=Save", "/Deltagare/Deltagande/999999?handler=Save", [Kansli, Chef]),
        new("POST /Participants/Enrolment?handler=Delete", "/Deltagare/Deltagande/999999?handler=Delete", [Kansli, Chef]),
        new("GET /Participants/Import", "/Deltagare/Import", [Kansli, Chef]),
        new("POST /Participants/Import", "/Deltagare/Import", [Kansli, Chef]),
        new("GET /Participants/Export", "/Deltagare/Export?format=csv", [Kansli, Chef]),
        new("GET /Participants/Retention", "/Deltagare/Gallring", [Kansli, Chef]),
        new("POST /Participants/Retention", "/Deltagare/Gallring", [Kansli, Chef]),
        new("GET /Participants/EndReasonSubCodes", "/Deltagare/Underkoder", [Kansli, Chef]),
        new("POST /Participants/EndReasonSubCodes?handler=Add", "/Deltagare/Underkoder?handler=Add", [Kansli, Chef]),
        new("POST /Participants/EndReasonSubCodes?handler=Toggle", "/Deltagare/Underkoder?handler=Toggle&id=999999", [Kansli, Chef]),

        // The board's overview
        new("GET /Overview/Index", "/Oversikt", [Kansli, Chef, Board, Auditor]),
        new("GET /Overview/Goals", "/Oversikt/Mal?ar=2024", [Kansli, Chef, Board, Auditor]),
        new("GET /Overview/InsatsGoals", "/Oversikt/Mal/Insats/{insats}?ar=2024", [Kansli, Chef, Board, Auditor]),
        new("GET /Overview/Statistics", "/Oversikt/Statistik?ar=2024&insats={insats}", [Kansli, Chef, Board, Auditor]),

        // Goals
        new("GET /Goals/Index", "/Mal?ar=2024", [Kansli, Chef]),
        new("POST /Goals/Index?handler=Copy", "/Mal?handler=Copy&ar=2024", [Kansli, Chef]),
        new("GET /Goals/Area", "/Mal/Omrade/{area}", [Kansli, Chef]),
        new("POST /Goals/Area", "/Mal/Omrade?ar=2024", [Kansli, Chef]),
        new("POST /Goals/Area?handler=Delete", "/Mal/Omrade/999999?handler=Delete", [Kansli, Chef]),
        new("GET /Goals/Objective", "/Mal/Malsattning/{objective}", [Kansli, Chef]),
        new("POST /Goals/Objective", "/Mal/Malsattning/999999", [Kansli, Chef]),
        new("POST /Goals/Objective?handler=Delete", "/Mal/Malsattning/999999?handler=Delete", [Kansli, Chef]),
        new("GET /Goals/Indicator", "/Mal/Indikator/{indicator}", [Kansli, Chef]),
        new("POST /Goals/Indicator", "/Mal/Indikator/999999", [Kansli, Chef]),
        new("POST /Goals/Indicator?handler=Delete", "/Mal/Indikator/999999?handler=Delete", [Kansli, Chef]),
        new("GET /Goals/InsatsGoals", "/Mal/Insatsmal/{goal}", [Kansli, Chef]),
        new("POST /Goals/InsatsGoals", "/Mal/Insatsmal/999999", [Kansli, Chef]),
        new("POST /Goals/InsatsGoals?handler=Delete", "/Mal/Insatsmal/999999?handler=Delete", [Kansli, Chef]),
        new("GET /Goals/Rating", "/Mal/Bedomning/{insats}?ar=2024", [Kansli, Chef]),
        new("POST /Goals/Rating", "/Mal/Bedomning/999999?ar=2024", [Kansli, Chef]),
        new("GET /Goals/Survey", "/Mal/Enkat/{survey}", [Kansli, Chef]),
        new("POST /Goals/Survey", "/Mal/Enkat/999999", [Kansli, Chef]),
        new("POST /Goals/Survey?handler=Row", "/Mal/Enkat/999999?handler=Row", [Kansli, Chef]),
        new("POST /Goals/Survey?handler=Import", "/Mal/Enkat/999999?handler=Import", [Kansli, Chef]),
        new("POST /Goals/Survey?handler=DeleteResult", "/Mal/Enkat/999999?handler=DeleteResult&resultId=999999", [Kansli, Chef]),
        new("POST /Goals/Survey?handler=Delete", "/Mal/Enkat/999999?handler=Delete", [Kansli, Chef]),

        // Economy: the auditors read, the kansli and the director change
        new("GET /Economy/Index", "/Ekonomi", [Kansli, Chef, Auditor]),
        new("GET /Economy/Import", "/Ekonomi/Import", [Kansli, Chef]),
        new("POST /Economy/Import", "/Ekonomi/Import", [Kansli, Chef]),
        new("POST /Economy/Import?handler=Confirm", "/Ekonomi/Import?handler=Confirm", [Kansli, Chef]),
        new("POST /Economy/Import?handler=Dimension", "/Ekonomi/Import?handler=Dimension", [Kansli, Chef]),
        new("GET /Economy/TrialBalance", "/Ekonomi/Saldon/2025", [Kansli, Chef, Auditor]),
        new("GET /Economy/AccountMapping", "/Ekonomi/Kontoplan", [Kansli, Chef, Auditor]),
        new("POST /Economy/AccountMapping?handler=Save", "/Ekonomi/Kontoplan?handler=Save", [Kansli, Chef]),
        new("POST /Economy/AccountMapping?handler=Remove", "/Ekonomi/Kontoplan?handler=Remove&id=999999", [Kansli, Chef]),
        new("GET /Economy/MemberContributions", "/Ekonomi/Medlemsbidrag", [Kansli, Chef, Auditor]),
        new("POST /Economy/MemberContributions", "/Ekonomi/Medlemsbidrag?ar=2099", [Kansli, Chef]),
        new("GET /Economy/Budget", "/Ekonomi/Budget/2025", [Kansli, Chef, Auditor]),
        new("GET /Economy/Budget?handler=Excel", "/Ekonomi/Budget/2025?handler=Excel", [Kansli, Chef, Auditor]),
        new("POST /Economy/Budget", "/Ekonomi/Budget/2099", [Kansli, Chef]),
        new("POST /Economy/Budget?handler=Import", "/Ekonomi/Budget/2099?handler=Import", [Kansli, Chef]),
        new("GET /Economy/Statements", "/Ekonomi/Rakenskaper/2025", [Kansli, Chef, Auditor]),
        new("GET /Economy/StatementLine", "/Ekonomi/Rakenskaper/2024/Rad/2", [Kansli, Chef, Auditor]),
        new("GET /Economy/Ledger", "/Ekonomi/Huvudbok/2024?konto=1930", [Kansli, Chef, Auditor]),
        new("GET /Economy/Ledger?handler=Excel", "/Ekonomi/Huvudbok/2024?handler=Excel&konto=1930", [Kansli, Chef, Auditor]),
        new("GET /Economy/Vouchers", "/Ekonomi/Verifikationer/2024", [Kansli, Chef, Auditor]),
        new("GET /Economy/Vouchers?handler=Excel", "/Ekonomi/Verifikationer/2024?handler=Excel&konto=1930", [Kansli, Chef, Auditor]),
        new("GET /Economy/Voucher", "/Ekonomi/Verifikationer/2024/{voucher}", [Kansli, Chef, Auditor]),
        new("POST /Economy/Statements?handler=Ceiling", "/Ekonomi/Rakenskaper/1999?handler=Ceiling", [Kansli, Chef]),
        new("POST /Economy/Statements?handler=Balanskrav", "/Ekonomi/Rakenskaper/1999?handler=Balanskrav", [Kansli, Chef]),

        // The annual report: everyone but the administrator reads, the director writes and adopts
        new("GET /AnnualReport/Index", "/Arsredovisning", [Kansli, Chef, Board, Auditor]),
        new("GET /AnnualReport/Index?handler=Pdf", "/Arsredovisning?handler=Pdf&ar=1999", [Kansli, Chef, Board, Auditor]),
        new("GET /AnnualReport/Index?handler=Excel", "/Arsredovisning?handler=Excel&ar=1999", [Kansli, Chef, Board, Auditor]),
        new("POST /AnnualReport/Index?handler=Pdf", "/Arsredovisning?handler=Pdf&ar=1999", [Kansli, Chef, Board, Auditor]),
        new("GET /AnnualReport/Adopt", "/Arsredovisning/Faststall/2024", [Chef]),
        new("POST /AnnualReport/Adopt", "/Arsredovisning/Faststall/1999", [Chef]),
        new("GET /AnnualReport/Reopen", "/Arsredovisning/Ateroppna/2024", [Chef]),
        new("POST /AnnualReport/Reopen", "/Arsredovisning/Ateroppna/1999", [Chef]),
        new("GET /AnnualReport/Preview", "/Arsredovisning/Forhandsgranska/2024", [Kansli, Chef, Board, Auditor]),
        new("GET /AnnualReport/Text", "/Arsredovisning/Text/2024/ChairmanForeword", [Chef]),
        new("POST /AnnualReport/Text", "/Arsredovisning/Text/2099/ChairmanForeword", [Chef]),
        new("GET /AnnualReport/Sections", "/Arsredovisning/Avsnitt", [Chef]),
        new("POST /AnnualReport/Sections", "/Arsredovisning/Avsnitt", [Chef]),
        new("GET /AnnualReport/Signatories", "/Arsredovisning/Undertecknare/2024", [Chef]),
        new("POST /AnnualReport/Signatories", "/Arsredovisning/Undertecknare/2099", [Chef]),

        // Last: these change the signed-in session itself.
        new("POST /Account/TwoFactor?handler=Disable", "/Konto/TvaFaktor?handler=Disable", [Admin, Kansli, Chef, Board, Auditor]),
        new("POST /Account/SignOut", "/Konto/LoggaUt", [Admin, Kansli, Chef, Board, Auditor]),
    ];

    /// <summary>The GET pages (not the handlers that answer with a file), as (URL template, roles).</summary>
    public static IEnumerable<Access> GetPages => Matrix.Where(a => a.Handler.StartsWith("GET ", StringComparison.Ordinal) && !a.Url.Contains("handler=", StringComparison.Ordinal));

    /// <summary>The demo's records that the URLs' placeholders stand for (all but {user}).</summary>
    public static async Task<Dictionary<string, string>> RecordIdsAsync(FinsamDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        ids["{insats}"] = Key(await db.Insatser.Where(i => i.Code == "P31").Select(i => i.Id).SingleAsync());
        ids["{participant}"] = Key(await db.Participants.Select(p => p.Id).FirstAsync());
        ids["{enrolment}"] = Key(await db.Enrolments.Where(e => e.EndDate == null).Select(e => e.Id).FirstAsync());
        ids["{area}"] = Key(await db.GoalAreas.Select(a => a.Id).FirstAsync());
        ids["{objective}"] = Key(await db.Objectives.Select(o => o.Id).FirstAsync());
        ids["{indicator}"] = Key(await db.Indicators.Select(i => i.Id).FirstAsync());
        ids["{goal}"] = Key(await db.InsatsGoals.Select(g => g.Id).FirstAsync());
        ids["{survey}"] = Key(await db.SurveyRounds.Select(r => r.Id).FirstAsync());
        ids["{member}"] = Key(await db.Members.Select(m => m.Id).FirstAsync());
        ids["{boardmember}"] = Key(await db.BoardAssignments.Select(b => b.Id).FirstAsync());
        ids["{auditor}"] = Key(await db.Auditors.Select(a => a.Id).FirstAsync());
        ids["{director}"] = Key(await db.FederationDirectors.Select(d => d.Id).FirstAsync());
        ids["{staff}"] = Key(await db.StaffMembers.Select(s => s.Id).FirstAsync());
        ids["{voucher}"] = (await db.Vouchers.Where(v => db.FiscalYears.Any(y => y.Id == v.FiscalYearId && y.Year == 2024)).Select(v => v.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ids;
    }

    /// <summary>A URL template with its placeholders replaced.</summary>
    public static string Url(string template, IReadOnlyDictionary<string, string> ids) =>
        ids.Aggregate(template, (url, id) => url.Replace(id.Key, id.Value, StringComparison.Ordinal));

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
