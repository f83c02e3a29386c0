using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>The aggregate pages show what the registrations say, and person-level views are audit-logged.</summary>
public sealed partial class OverviewTests(OverviewTests.Fixture fixture) : IClassFixture<OverviewTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public async Task InitializeAsync() => await Factory.SeedDemoAsync(2025);

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Fact]
    public async Task The_boards_overview_shows_the_totals_computed_from_the_registrations()
    {
        // Independent recomputation straight from the enrolment rows.
        var enrolments = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking()
            .Where(e => e.Insats!.CountsInParticipantTotals)
            .Select(e => new { e.StartDate, e.EndDate, e.EndReason, e.Participant!.Gender, e.ParticipantId })
            .ToListAsync());
        var from = new DateOnly(2024, 1, 1);
        var to = new DateOnly(2024, 12, 31);
        var current = enrolments.Where(e => e.StartDate <= to && (e.EndDate == null || e.EndDate >= from)).ToList();
        var ended = current.Where(e => e.EndDate <= to).ToList();
        Assert.True(current.Count > 50, "The demo year should have a few hundred participants.");

        var board = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(Roles.Board));
        var html = await board.GetStringAsync("/Oversikt?ar=2024");
        var total = Html.Parse(html).QuerySelector("tfoot tr");
        Assert.True(total is not null, "The overview has a total row.");
        var cells = total.QuerySelectorAll("td").Select(c => c.TextContent).ToList();

        Assert.Equal(SwedishFormat.Number(current.Count), cells[0]);
        Assert.Equal(SwedishFormat.Number(current.Count(e => e.Gender == Gender.Woman)), cells[1]);
        Assert.Equal(SwedishFormat.Number(current.Count(e => e.Gender == Gender.Man)), cells[2]);
        Assert.Equal(SwedishFormat.Number(current.Count(e => e.StartDate >= from)), cells[4]);
        Assert.Equal(SwedishFormat.Number(ended.Count), cells[5]);
        var toWork = ended.Count(e => e.EndReason is EndReason.Work or EndReason.Studies);
        Assert.Equal(SwedishFormat.ShareWithBasis(new Share(toWork, ended.Count)), cells[6]);
        Assert.Contains($"{SwedishFormat.Number(current.Select(e => e.ParticipantId).Distinct().Count())} unika individer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_never_shows_participant_numbers_or_links()
    {
        var board = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(Roles.Board));
        var html = await board.GetStringAsync("/Oversikt");
        Assert.DoesNotContain("/Deltagare", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Deltagar-nr", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_year_in_the_query_string_gets_a_message_and_the_newest_year()
    {
        var auditor = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(Roles.Auditor));
        var html = await auditor.GetStringAsync("/Oversikt?ar=abc");
        Assert.Contains("Året ska anges med fyra siffror", html, StringComparison.Ordinal);
        html = await auditor.GetStringAsync("/Oversikt?ar=1999");
        Assert.Contains("Året 1999 finns inte", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewing_a_participant_is_written_to_the_audit_log()
    {
        var user = await fixture.Factory.CreateUserAsync(Roles.Kansli);
        var kansli = await fixture.Factory.SignedInClientAsync(user);
        var id = await fixture.Factory.WithDbAsync(db => db.Participants.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

        await kansli.GetStringAsync($"/Deltagare/Detaljer/{id}");
        await kansli.GetStringAsync("/Deltagare?kon=Woman");

        var entries = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserName == user.Email).OrderBy(a => a.Id).ToListAsync());
        Assert.Collection(
            entries,
            e =>
            {
                Assert.Equal(AuditAction.View, e.Action);
                Assert.Equal("Participant", e.EntityType);
                Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.EntityId);
            },
            e =>
            {
                Assert.Equal(AuditAction.View, e.Action);
                Assert.Equal("EnrolmentList", e.EntityType);
                Assert.Contains("kön=Woman", e.Details, StringComparison.Ordinal);
            });
    }

    [Fact]
    public async Task The_enrolment_list_pages_and_filters()
    {
        var kansli = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(Roles.Kansli));
        var women = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.Participant!.Gender == Gender.Woman));
        var html = System.Net.WebUtility.HtmlDecode(await kansli.GetStringAsync("/Deltagare?kon=Woman&sida=2"));
        Assert.Contains($"{SwedishFormat.Number(women)} deltaganden, sida 2 av {(women + 49) / 50}", html, StringComparison.Ordinal);
        Assert.Contains("kon=Woman&sida=1", html, StringComparison.Ordinal);

        var ongoingIn2024 = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync(e =>
            e.EndDate == null && e.StartDate <= new DateOnly(2024, 12, 31)));
        html = System.Net.WebUtility.HtmlDecode(await kansli.GetStringAsync("/Deltagare?ar=2024&status=Ongoing"));
        Assert.Contains($"{SwedishFormat.Number(ongoingIn2024)} deltaganden", html, StringComparison.Ordinal);

        var bad = await kansli.GetStringAsync("/Deltagare?ar=1850");
        Assert.Contains("Året ska vara mellan 2004 och 2100.", bad, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null, null, null)]
    [InlineData("ar=2025&status=Ongoing&kon=Woman", 2025, true, Gender.Woman)]
    [InlineData("ar=2024&status=Ended&kon=Man", 2024, false, Gender.Man)]
    [InlineData("kon=Man", null, null, Gender.Man)]
    public async Task Every_page_of_the_enrolment_list_shows_exactly_the_right_rows_in_order(string filter, int? year, bool? ongoing, Gender? gender)
    {
        // Independent computation in memory over all seeded enrolments: the filter, newest start first, then newest id.
        var all = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking()
            .Select(e => new { e.Id, e.ParticipantId, e.Insats!.Code, e.StartDate, e.EndDate, e.Participant!.Gender })
            .ToListAsync());
        var expected = all
            .Where(e => year is not { } y || (e.StartDate <= new DateOnly(y, 12, 31) && (e.EndDate is null || e.EndDate >= new DateOnly(y, 1, 1))))
            .Where(e => ongoing is not { } o || (e.EndDate is null) == o)
            .Where(e => gender is not { } g || e.Gender == g)
            .OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Id)
            .Select(e => $"{e.ParticipantId} {e.Code} {SwedishFormat.Date(e.StartDate)} {(e.EndDate is { } end ? SwedishFormat.Date(end) : "Pågår")} {SwedishNames.Of(e.Gender)}")
            .ToList();
        var pages = (expected.Count + 49) / 50;
        Assert.True(pages >= 2, $"The filter should give at least two pages (the last is read from the end), not {pages}.");

        var kansli = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(Roles.Kansli));
        var shown = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var html = System.Net.WebUtility.HtmlDecode(await kansli.GetStringAsync($"/Deltagare?{filter}&sida={page}")).Replace('\u00A0', ' ');
            Assert.Contains($"{SwedishFormat.Number(expected.Count).Replace('\u00A0', ' ')} deltaganden, sida {page} av {pages}", html, StringComparison.Ordinal);
            var rows = Html.Parse(html).QuerySelectorAll("table tbody tr").Select(Html.Cells)
                .Select(c => string.Join(' ', c[0], c[1], c[2], c[3], c[5])).ToList();
            Assert.Equal(expected.Skip((page - 1) * 50).Take(50), rows);
            shown.AddRange(rows);
        }

        Assert.Equal(expected, shown);
    }
}
