using System.Globalization;
using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Goals;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Finsam.TestSupport;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>
/// The one write path (docs/architecture.md): a concurrent edit gives the shared message instead of an error page,
/// the contribution key is audited, and a closed year refuses every write that affects its figures.
/// </summary>
public sealed class WritePathTests(WritePathTests.Fixture fixture) : IClassFixture<WritePathTests.Fixture>
{
    private const int OpenYear = 2031;
    private const int ClosedYear = 2030;

    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public HttpClient Director { get; private set; } = null!;

        public int InsatsId { get; private set; }

        public int ClosedAreaId { get; private set; }

        public List<int> Municipalities { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await Factory.WithDbAsync(async db =>
            {
                var insats = new Insats { Code = "W1", Name = "Skrivväg", Kind = InsatsKind.Individual, StartDate = new(2029, 1, 1) };
                db.Insatser.Add(insats);
                Member[] members =
                [
                    new() { Name = "Norrby kommun", Kind = MemberKind.Municipality },
                    new() { Name = "Söderby kommun", Kind = MemberKind.Municipality },
                ];
                db.Members.AddRange(members);
                var closed = FiscalYear.CalendarYear(ClosedYear);
                closed.Status = FiscalYearStatus.Closed;
                closed.MemberContributionTotal = 1_000_000m;
                db.FiscalYears.Add(closed);
                var area = new GoalArea { Year = ClosedYear, Number = 1, Name = "Stängt område" };
                db.GoalAreas.Add(area);
                await db.SaveChangesAsync();
                db.ContributionSplits.Add(new ContributionSplit { FiscalYearId = closed.Id, Mode = ContributionMode.Percent, RegionPercent = 25m, MunicipalityPercent = 25m });
                await db.SaveChangesAsync();
                (InsatsId, ClosedAreaId, Municipalities) = (insats.Id, area.Id, members.Select(m => m.Id).ToList());
                return 0;
            });
            Director = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Director));
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static string Text(string html) => WebUtility.HtmlDecode(html).Replace('\u00a0', ' ');

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> NewAreaAsync(int year, string name) => fixture.Factory.WithDbAsync(async db =>
    {
        var area = new GoalArea { Year = year, Number = 7, Name = name };
        db.GoalAreas.Add(area);
        await db.SaveChangesAsync();
        return area.Id;
    });

    private static Dictionary<string, string> AreaForm(Guid version, string name) => new()
    {
        ["Input.Version"] = version.ToString(),
        ["Input.Number"] = "7",
        ["Input.Name"] = name,
    };

    [Fact]
    public async Task A_simultaneous_edit_of_a_goal_area_gives_the_shared_concurrency_message_not_an_error_page()
    {
        var id = await NewAreaAsync(OpenYear, "Före");
        var url = $"/Mal/Omrade/{id}";
        var opened = await fixture.Factory.WithDbAsync(db => db.GoalAreas.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        // Two people opened the form with the same version; the first to save wins.
        var first = await fixture.Director.PostFormAsync(url, AreaForm(opened, "Den första"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await fixture.Director.PostFormAsync(url, AreaForm(opened, "Den andra"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(WritePath.ConcurrencyMessage, Text(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Den första", await fixture.Factory.WithDbAsync(db => db.GoalAreas.Where(a => a.Id == id).Select(a => a.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_change_saved_between_loading_and_saving_is_caught_as_the_shared_message()
    {
        var id = await NewAreaAsync(OpenYear, "Före");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Finsam.Data.FinsamDbContext>();
        var stale = await db.GoalAreas.SingleAsync(a => a.Id == id);   // this unit of work keeps the version it loaded

        // Someone else saves the area in the meantime.
        await fixture.Factory.WithDbAsync(async other =>
        {
            (await other.GoalAreas.SingleAsync(a => a.Id == id)).Name = "Någon annans";
            return await other.SaveChangesAsync();
        });

        var result = await scope.ServiceProvider.GetRequiredService<GoalHandler>()
            .SaveAreaAsync(id, OpenYear, new GoalAreaInput { Version = stale.Version, Number = 7, Name = "Min" }, CancellationToken.None);
        Assert.Equal([new FieldError("", WritePath.ConcurrencyMessage)], result.Errors);
        Assert.Equal("Någon annans", await fixture.Factory.WithDbAsync(other => other.GoalAreas.Where(a => a.Id == id).Select(a => a.Name).SingleAsync()));
        Assert.False(await fixture.Factory.WithDbAsync(other => other.AuditEntries.AnyAsync(e => e.EntityType == "GoalArea" && e.EntityId == Id(id) && e.Details!.Contains("Min"))));
    }

    [Fact]
    public async Task Changing_the_member_contribution_key_writes_an_audit_entry()
    {
        const int year = 2032;
        var url = $"/Ekonomi/Medlemsbidrag?ar={year}";
        var response = await fixture.Director.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Total"] = "2 000 000",
            ["Input.Mode"] = "Percent",
            ["Input.RegionPercent"] = "0",
            ["Input.MunicipalityPercent"] = "50",
            ["Input.Shares[0].MemberId"] = Id(fixture.Municipalities[0]),
            ["Input.Shares[0].Percent"] = "60",
            ["Input.Shares[1].MemberId"] = Id(fixture.Municipalities[1]),
            ["Input.Shares[1].Percent"] = "40",
        });
        var savedPage = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(savedPage.QuerySelector("[role=status]") is { } status && Html.TextOf(status) == $"Medlemsbidragen för {year} är sparade.",
            Html.TextOf(savedPage.QuerySelector("main")!));

        var entry = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == "ContributionSplit" && e.EntityId == Id(year)));
        Assert.Equal(AuditAction.Update, entry.Action);
        Assert.NotNull(entry.UserId);
        Assert.Contains("Norrby kommun 60 %", Text(entry.Details!), StringComparison.Ordinal);
        Assert.Contains("Söderby kommun 40 %", Text(entry.Details!), StringComparison.Ordinal);
        var percents = await fixture.Factory.WithDbAsync(db => db.MunicipalityShares.Where(s => db.FiscalYears.Any(y => y.Id == s.FiscalYearId && y.Year == year))
            .Select(s => s.Percent).ToListAsync());
        Assert.Equal([40m, 60m], percents.Order());
    }

    [Fact]
    public async Task A_closed_year_refuses_the_goal_text_contribution_and_budget_writes_that_affect_it()
    {
        var message = WritePath.ClosedYearMessage(ClosedYear);
        var auditBefore = await fixture.Factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        async Task Refused(string url, Dictionary<string, string> form, string? getUrl = null)
        {
            var response = await fixture.Director.PostFormAsync(url, form, getUrl);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // Goals: a new area, a change to an area, an insats goal, a rating, a survey round.
        await Refused($"/Mal/Omrade?ar={ClosedYear}", new() { ["Input.Number"] = "2", ["Input.Name"] = "Nytt" });
        var version = await fixture.Factory.WithDbAsync(db => db.GoalAreas.Where(a => a.Id == fixture.ClosedAreaId).Select(a => a.Version).SingleAsync());
        await Refused($"/Mal/Omrade/{fixture.ClosedAreaId}", AreaForm(version, "Ändrat"));
        await Refused($"/Mal/Insatsmal?ar={ClosedYear}&insats={Id(fixture.InsatsId)}", new() { ["Input.Text"] = "Ett mål", ["Input.SortOrder"] = "1" });
        await Refused($"/Mal/Bedomning/{Id(fixture.InsatsId)}?ar={ClosedYear}", new() { ["Input.Version"] = Guid.Empty.ToString() });
        await Refused($"/Mal/Enkat?ar={ClosedYear}", new() { ["Input.Name"] = "Mätning", ["Input.Version"] = Guid.Empty.ToString() });

        // The annual report's text, the contribution and the budget.
        await Refused($"/Arsredovisning/Text/{ClosedYear}/ChairmanForeword", new() { ["Markdown"] = "Ny text" });
        await Refused($"/Ekonomi/Medlemsbidrag?ar={ClosedYear}", new()
        {
            ["Input.Total"] = "5",
            ["Input.Mode"] = "Percent",
            ["Input.RegionPercent"] = "0",
            ["Input.MunicipalityPercent"] = "50",
            ["Input.Shares[0].MemberId"] = Id(fixture.Municipalities[0]),
            ["Input.Shares[0].Percent"] = "100",
        });
        await Refused($"/Ekonomi/Budget/{ClosedYear}", new() { ["Lines[0].Category"] = "1", ["Lines[0].Income"] = "100" });

        await fixture.Factory.WithDbAsync(async db =>
        {
            Assert.Equal(["Stängt område"], await db.GoalAreas.Where(a => a.Year == ClosedYear).Select(a => a.Name).ToListAsync());
            Assert.False(await db.InsatsGoals.AnyAsync(g => g.Year == ClosedYear));
            Assert.False(await db.InsatsRatings.AnyAsync(r => r.Year == ClosedYear));
            Assert.False(await db.SurveyRounds.AnyAsync(r => r.Year == ClosedYear));
            Assert.False(await db.ReportTexts.AnyAsync(t => t.Year == ClosedYear));
            Assert.False(await db.BudgetLines.AnyAsync());
            Assert.Equal(1_000_000m, await db.FiscalYears.Where(y => y.Year == ClosedYear).Select(y => y.MemberContributionTotal).SingleAsync());
            Assert.False(await db.MunicipalityShares.AnyAsync(s => db.FiscalYears.Any(y => y.Id == s.FiscalYearId && y.Year == ClosedYear)));
            return 0;
        });
        Assert.Equal(auditBefore, await fixture.Factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }
}
