using System.Net;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>Each role reaches exactly its own pages; every other page is refused.</summary>
public sealed class AuthorizationTests(AuthorizationTests.Fixture fixture) : IClassFixture<AuthorizationTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public Dictionary<string, HttpClient> Clients { get; } = [];

        public int InsatsId { get; private set; }

        public int ParticipantId { get; private set; }

        public int EnrolmentId { get; private set; }

        public int AreaId { get; private set; }

        public int ObjectiveId { get; private set; }

        public int IndicatorId { get; private set; }

        public int InsatsGoalId { get; private set; }

        public int SurveyId { get; private set; }

        public int MemberId { get; private set; }

        public int BoardMemberId { get; private set; }

        public int AuditorId { get; private set; }

        public int DirectorId { get; private set; }

        public int StaffId { get; private set; }

        /// <summary>A user other than the signed-in ones, for the user administration pages.</summary>
        public string UserId { get; private set; } = "";

        /// <summary>The page URL with the fixture's ids in place of {insats}, {participant} and the like.</summary>
        public string Url(string page) =>
            new Dictionary<string, int>
            {
                ["{insats}"] = InsatsId, ["{participant}"] = ParticipantId, ["{enrolment}"] = EnrolmentId, ["{area}"] = AreaId,
                ["{objective}"] = ObjectiveId, ["{indicator}"] = IndicatorId, ["{goal}"] = InsatsGoalId, ["{survey}"] = SurveyId,
                ["{member}"] = MemberId, ["{boardmember}"] = BoardMemberId, ["{auditor}"] = AuditorId, ["{director}"] = DirectorId,
                ["{staff}"] = StaffId,
            }.Aggregate(page, (url, p) => url.Replace(p.Key, p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .Replace("{user}", UserId, StringComparison.Ordinal);

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(2025);
            InsatsId = await Factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P31").Select(i => i.Id).SingleAsync());
            ParticipantId = await Factory.WithDbAsync(db => db.Participants.Select(p => p.Id).FirstAsync());
            EnrolmentId = await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.EndDate == null).Select(e => e.Id).FirstAsync());
            AreaId = await Factory.WithDbAsync(db => db.GoalAreas.Select(a => a.Id).FirstAsync());
            ObjectiveId = await Factory.WithDbAsync(db => db.Objectives.Select(o => o.Id).FirstAsync());
            IndicatorId = await Factory.WithDbAsync(db => db.Indicators.Select(i => i.Id).FirstAsync());
            InsatsGoalId = await Factory.WithDbAsync(db => db.InsatsGoals.Select(g => g.Id).FirstAsync());
            SurveyId = await Factory.WithDbAsync(db => db.SurveyRounds.Select(r => r.Id).FirstAsync());
            MemberId = await Factory.WithDbAsync(db => db.Members.Select(m => m.Id).FirstAsync());
            BoardMemberId = await Factory.WithDbAsync(db => db.BoardAssignments.Select(b => b.Id).FirstAsync());
            AuditorId = await Factory.WithDbAsync(db => db.Auditors.Select(a => a.Id).FirstAsync());
            DirectorId = await Factory.WithDbAsync(db => db.FederationDirectors.Select(d => d.Id).FirstAsync());
            StaffId = await Factory.WithDbAsync(db => db.StaffMembers.Select(s => s.Id).FirstAsync());
            var other = await Factory.CreateUserAsync(Roles.Kansli);
            UserId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == other.Email).Select(u => u.Id).SingleAsync());
            foreach (var role in Roles.All)
            {
                Clients[role] = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(role));
            }
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private const string Admin = Roles.Administrator;
    private const string Kansli = Roles.Kansli;
    private const string Chef = Roles.Director;
    private const string Board = Roles.Board;
    private const string Auditor = Roles.Auditor;

    /// <summary>Every page and the roles allowed on it. A new page belongs here.</summary>
    public static TheoryData<string, string[]> Pages => new()
    {
        { "/", [Admin, Kansli, Chef, Board, Auditor] },
        { "/KomIgang", [Admin, Chef] },
        { "/Organisation", [Admin, Chef] },
        { "/Organisation/Medlemmar", [Admin, Chef] },
        { "/Organisation/Medlem/{member}", [Admin, Chef] },
        { "/Organisation/Styrelse", [Admin, Chef] },
        { "/Organisation/Styrelse?ar=2024", [Admin, Chef] },
        { "/Organisation/Styrelse/Ledamot/{boardmember}", [Admin, Chef] },
        { "/Organisation/Styrelse/Revisor/{auditor}", [Admin, Chef] },
        { "/Organisation/Styrelse/Forbundschef/{director}", [Admin, Chef] },
        { "/Organisation/Kansli", [Admin, Chef] },
        { "/Organisation/Kansli/{staff}", [Admin, Chef] },
        { "/Konto/BytLosenord", [Admin, Kansli, Chef, Board, Auditor] },
        { "/Konto/TvaFaktor", [Admin, Kansli, Chef, Board, Auditor] },
        { "/Jobb", [Admin, Kansli, Chef, Board, Auditor] },
        { "/Insatser", [Kansli, Chef] },
        { "/Insatser/Detaljer/{insats}", [Kansli, Chef] },
        { "/Deltagare", [Kansli, Chef] },
        { "/Deltagare/Detaljer/{participant}", [Kansli, Chef] },
        { "/Deltagare/Andra/{participant}", [Kansli, Chef] },
        { "/Deltagare/Ratta/{participant}", [Kansli, Chef] },
        { "/Deltagare/Ny", [Kansli, Chef] },
        { "/Deltagare/Avslut/{enrolment}", [Kansli, Chef] },
        { "/Deltagare/Deltagande/{enrolment}", [Kansli, Chef] },
        { "/Deltagare/Import", [Kansli, Chef] },
        { "/Deltagare/Import/Format", [Kansli, Chef] },
        { "/Deltagare/Sok", [Kansli, Chef] },
        { "/AttGora", [Kansli, Chef] },
        { "/Deltagare/Export?format=csv", [Kansli, Chef] },
        { "/Deltagare/Gallring", [Kansli, Chef] },
        { "/Deltagare/Underkoder", [Kansli, Chef] },
        { "/Insatser/Ny", [Kansli, Chef] },
        { "/Insatser/Redigera/{insats}", [Kansli, Chef] },
        { "/Oversikt", [Kansli, Chef, Board, Auditor] },
        { "/Oversikt/Mal?ar=2024", [Kansli, Chef, Board, Auditor] },
        { "/Oversikt/Mal/Insats/{insats}?ar=2024", [Kansli, Chef, Board, Auditor] },
        { "/Oversikt/Statistik?ar=2024&insats={insats}", [Kansli, Chef, Board, Auditor] },
        { "/Mal?ar=2024", [Kansli, Chef] },
        { "/Mal/Omrade?ar=2024", [Kansli, Chef] },
        { "/Mal/Omrade/{area}", [Kansli, Chef] },
        { "/Mal/Malsattning?omrade={area}", [Kansli, Chef] },
        { "/Mal/Malsattning/{objective}", [Kansli, Chef] },
        { "/Mal/Indikator?malsattning={objective}", [Kansli, Chef] },
        { "/Mal/Indikator/{indicator}", [Kansli, Chef] },
        { "/Mal/Insatsmal?ar=2024", [Kansli, Chef] },
        { "/Mal/Insatsmal/{goal}", [Kansli, Chef] },
        { "/Mal/Bedomning/{insats}?ar=2024", [Kansli, Chef] },
        { "/Mal/Enkat?ar=2024", [Kansli, Chef] },
        { "/Mal/Enkat/{survey}", [Kansli, Chef] },
        { "/Ekonomi", [Kansli, Chef, Auditor] },
        { "/Ekonomi/Import", [Kansli, Chef] },
        { "/Ekonomi/Kontoplan", [Kansli, Chef, Auditor] },
        { "/Ekonomi/Medlemsbidrag", [Kansli, Chef, Auditor] },
        { "/Ekonomi/Budget/2025", [Kansli, Chef, Auditor] },
        { "/Ekonomi/Huvudbok/2024", [Kansli, Chef, Auditor] },
        { "/Ekonomi/Huvudbok/2024?konto=1930", [Kansli, Chef, Auditor] },
        { "/Ekonomi/Verifikationer/2024", [Kansli, Chef, Auditor] },
        { "/Ekonomi/Rakenskaper/2024/Rad/2", [Kansli, Chef, Auditor] },
        { "/Arsredovisning", [Kansli, Chef, Board, Auditor] },
        { "/Arsredovisning/Forhandsgranska/2024", [Kansli, Chef, Board, Auditor] },
        { "/Arsredovisning/rapport.css", [Kansli, Chef, Board, Auditor] },
        { "/api/arsredovisning/2024", [Kansli, Chef, Board, Auditor] },
        { "/Arsredovisning/Text/2024/ChairmanForeword", [Chef] },
        { "/Arsredovisning/Avsnitt", [Chef] },
        { "/Arsredovisning/Undertecknare/2024", [Chef] },
        { "/Arsredovisning/Faststall/2024", [Chef] },
        { "/Admin/Anvandare", [Admin] },
        { "/Admin/Anvandare/Ny", [Admin] },
        { "/Admin/Anvandare/Redigera/{user}", [Admin] },
        { "/Admin/Anvandare/TvaFaktor/{user}", [Admin] },
        { "/Admin/Granskningslogg", [Admin] },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_role_reaches_its_pages_and_is_refused_the_others(string page, string[] allowed)
    {
        var url = fixture.Url(page);
        foreach (var role in Roles.All)
        {
            var response = await fixture.Clients[role].GetAsync(url);
            if (allowed.Contains(role))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} should reach {url} but got {(int)response.StatusCode}.");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} should be refused {url} but got {(int)response.StatusCode}.");
                Assert.Equal("/Konto/AtkomstNekad", response.Headers.Location!.AbsolutePath);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string page, string[] allowed)
    {
        Assert.NotEmpty(allowed);
        var url = System.Text.RegularExpressions.Regex.Replace(page, "\\{[a-z]+\\}", "1");
        var response = await fixture.Factory.AnonymousClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Konto/LoggaIn", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_user_without_a_role_reaches_nothing()
    {
        var user = await fixture.Factory.CreateUserAsync();
        var client = await fixture.Factory.SignedInClientAsync(user);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Konto/AtkomstNekad", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_non_administrator_cannot_create_users_by_posting_the_form()
    {
        var kansli = fixture.Clients[Kansli];
        var token = SignIn.AntiforgeryToken(await kansli.GetStringAsync("/Konto/BytLosenord"));
        var response = await kansli.PostAsync("/Admin/Anvandare/Ny", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "intrang@test.finsam.test",
            ["Input.DisplayName"] = "Intrång",
            ["Input.Roles"] = Admin,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Konto/AtkomstNekad", response.Headers.Location!.AbsolutePath);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "intrang@test.finsam.test")));
    }

    [Fact]
    public async Task An_unknown_page_gets_a_swedish_not_found_page()
    {
        var response = await fixture.Clients[Kansli].GetAsync("/finns-inte");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_endpoint_is_open_and_checks_the_database()
    {
        var response = await fixture.Factory.AnonymousClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
