using System.Text.RegularExpressions;
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
        var total = TotalRow().Match(html);
        Assert.True(total.Success, "The overview has a total row.");
        var cells = Cell().Matches(total.Groups[1].Value).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

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

    [GeneratedRegex("<tfoot>\\s*<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TotalRow();

    [GeneratedRegex("<td>([^<]*)</td>")]
    private static partial Regex Cell();
}
