using System.Globalization;
using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Domain.Insatser;
using Finsam.Domain.Participants;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>
/// Finding people and work: the header's search by Deltagar-nr, Deltagande-nr or personnummer (only for those who may
/// see participants, audited), the "Att göra" lists, and the participant list's sorting and page jump.
/// </summary>
public sealed class FindingTests(FindingTests.Fixture fixture) : IClassFixture<FindingTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public Dictionary<string, HttpClient> Clients { get; } = [];

        public Dictionary<string, TestUser> Users { get; } = [];

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(TestClock.Today.Year);
            foreach (var role in Roles.All)
            {
                Users[role] = await Factory.CreateUserAsync(role);
                Clients[role] = await Factory.SignedInClientAsync(Users[role]);
            }
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private HttpClient Kansli => fixture.Clients[Roles.Kansli];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> SearchAsync(string text, string role = Roles.Kansli) =>
        fixture.Clients[role].PostFormAsync("/Deltagare/Sok", [new("sok", text)], getUrl: "/");

    private static int IdIn(Uri location) =>
        int.Parse(location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

    private Task<List<AuditEntry>> SearchEntriesAsync(string role = Roles.Kansli) =>
        fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.UserName == fixture.Users[role].Email && a.EntityType == "ParticipantSearch").OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task The_header_search_is_shown_only_to_roles_that_see_participants()
    {
        foreach (var role in Roles.All)
        {
            var page = Html.Parse(await fixture.Clients[role].GetStringAsync("/"));
            var form = page.QuerySelector("header form.header-search");
            if (role is Roles.Kansli or Roles.Director)
            {
                Assert.NotNull(form);
                Assert.Equal("post", form.GetAttribute("method"));
                Assert.Equal("/Deltagare/Sok", form.GetAttribute("action"));
                Assert.NotNull(form.QuerySelector("input[name=sok]"));
                Assert.NotNull(page.QuerySelector("label[for=sok-rubrik]"));
            }
            else
            {
                Assert.Null(form);
                Assert.Null(page.QuerySelector("input[name=sok]"));

                // Posting the search anyway is refused and leaves no trace of a search.
                var refused = await SearchAsync("1", role);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Equal("/Konto/AtkomstNekad", refused.Headers.Location!.AbsolutePath);
                Assert.Empty(await SearchEntriesAsync(role));
            }
        }
    }

    [Fact]
    public async Task A_deltagande_nr_goes_straight_to_its_participant_and_is_audited()
    {
        // An enrolment whose number is no participant's: one hit.
        var (enrolmentId, participantId) = await fixture.Factory.WithDbAsync(async db =>
        {
            var maxParticipant = await db.Participants.MaxAsync(p => p.Id);
            var e = await db.Enrolments.Where(e => e.Id > maxParticipant).OrderBy(e => e.Id).Select(e => new { e.Id, e.ParticipantId }).FirstAsync();
            return (e.Id, e.ParticipantId);
        });
        var response = await SearchAsync(enrolmentId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Deltagare/Detaljer/{participantId}", response.Headers.Location!.OriginalString);

        // The participant's page shows the number searched for, so it can be found again.
        var details = Html.Parse(await Kansli.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains(details.QuerySelectorAll("main table tbody tr"), tr => Html.Cells(tr).Contains(enrolmentId.ToString(CultureInfo.InvariantCulture)));

        var entry = (await SearchEntriesAsync()).Last();
        Assert.Equal(AuditAction.View, entry.Action);
        Assert.Equal(participantId.ToString(CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Contains($"deltagande {enrolmentId}", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deltagar_nr_goes_straight_to_the_participant()
    {
        // A participant whose number is no other person's enrolment (none, or the person's own): one participant.
        var participantId = await fixture.Factory.WithDbAsync(db => db.Participants
            .Where(p => !db.Enrolments.Any(e => e.Id == p.Id && e.ParticipantId != p.Id))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var response = await SearchAsync($" {participantId} ");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Deltagare/Detaljer/{participantId}", response.Headers.Location!.OriginalString);
        Assert.Contains($"deltagare {participantId}", (await SearchEntriesAsync()).Last().Details, StringComparison.Ordinal);

        // Following it reads the participant, which is audited as every participant page is.
        var details = await Kansli.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.True(await fixture.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.UserName == fixture.Users[Roles.Kansli].Email && a.EntityType == "Participant" && a.EntityId == participantId.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task A_number_that_is_both_kinds_for_different_people_lists_both()
    {
        var (number, other) = await fixture.Factory.WithDbAsync(async db =>
        {
            var e = await db.Enrolments.Where(e => e.ParticipantId != e.Id && db.Participants.Any(p => p.Id == e.Id))
                .OrderBy(e => e.Id).Select(e => new { e.Id, e.ParticipantId }).FirstAsync();
            return (e.Id, e.ParticipantId);
        });
        var response = await SearchAsync(number.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var links = page.QuerySelectorAll("main section li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/Deltagare/Detaljer/{number}", $"/Deltagare/Detaljer/{other}"], links);
        Assert.Null((await SearchEntriesAsync()).Last().EntityId);
    }

    [Fact]
    public async Task A_personnummer_is_found_by_its_hash_and_never_shown_logged_or_put_in_an_address()
    {
        var pnr = TestData.Personnummer(4711);
        var insats = await fixture.Factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P31").Select(i => i.Id).SingleAsync());
        var start = Iso(new DateOnly(TestClock.Today.Year - 1, 2, 3));
        var registered = await Kansli.PostFormAsync("/Deltagare/Ny",
        [
            new("Input.PersonalIdentityNumber", pnr), new("Input.ConsentDate", start), new("Input.Gender", nameof(Gender.Woman)),
            new("Input.BirthYear", pnr[..4]), new("Input.Education", nameof(EducationLevel.Unknown)),
            new("Input.InsatsId", insats.ToString(CultureInfo.InvariantCulture)), new("Input.StartDate", start),
            new("Input.TimeInSupportBeforeStart", nameof(TimeInSupport.Unknown)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var participantId = IdIn(registered.Headers.Location!);

        // The long form with hyphen, and the short form without: the same person.
        foreach (var typed in new[] { pnr, pnr[2..].Replace("-", "", StringComparison.Ordinal) })
        {
            var response = await SearchAsync(typed);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Deltagare/Detaljer/{participantId}", response.Headers.Location!.OriginalString);
        }

        var digits = pnr.Replace("-", "", StringComparison.Ordinal);
        var entries = await SearchEntriesAsync();
        Assert.Contains(entries, e => e.EntityId == participantId.ToString(CultureInfo.InvariantCulture) && e.Details == "sökning på personnummer");
        Assert.DoesNotContain(await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Select(a => a.Details ?? "").ToListAsync()),
            d => d.Contains(digits[6..], StringComparison.Ordinal) && d.Contains(digits[2..6], StringComparison.Ordinal));

        // Not found: a clear message, and the number is not written back into the page.
        var unknown = TestData.Personnummer(4712);
        var none = await SearchAsync(unknown);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        var html = WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync());
        Assert.Contains("Ingen deltagare är registrerad med det personnumret.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(unknown[2..], html, StringComparison.Ordinal);
        Assert.DoesNotContain(unknown.Replace("-", "", StringComparison.Ordinal)[2..], html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("999999999", "Ingen deltagare och inget deltagande har nummer 999999999.")]
    [InlineData("", "Skriv ett deltagar-nr, ett deltagande-nr eller ett personnummer.")]
    [InlineData("19850704-5569", "Kontrollsiffran")]
    [InlineData("abc", "Skriv ett deltagar-nr (t.ex. 1043), ett deltagande-nr eller ett personnummer (ÅÅÅÅMMDD-NNNN).")]
    public async Task Nothing_found_gets_a_clear_swedish_message_at_the_field(string text, string message)
    {
        var response = await SearchAsync(text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".error-summary a[href='#sok']");
        Assert.NotNull(summary);
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("main input#sok")!.GetAttribute("aria-invalid"));
    }

    /// <summary>Enrolments this test creates in an insats of its own, so the lists' rows can be told from the demo's.</summary>
    [Fact]
    public async Task Att_gora_lists_due_follow_ups_enrolments_past_their_insats_and_missing_end_reasons()
    {
        var today = TestClock.Today;
        var ids = await fixture.Factory.WithDbAsync(async db =>
        {
            var ended = new Insats { Code = "T91", Name = "Avslutad testinsats", Kind = InsatsKind.Individual, StartDate = today.AddYears(-4), EndDate = today.AddDays(-20) };
            var running = new Insats { Code = "T92", Name = "Pågående testinsats", Kind = InsatsKind.Individual, StartDate = today.AddYears(-4) };
            var person = new Participant { Gender = Gender.Woman, BirthYear = 1980 };
            db.AddRange(ended, running, person);
            Enrolment Add(Insats insats, DateOnly start, DateOnly? end, EndReason? reason, FollowUpResult? followUp)
            {
                var e = new Enrolment { Participant = person, Insats = insats, StartDate = start, EndDate = end, EndReason = reason, FollowUp12Months = followUp };
                db.Enrolments.Add(e);
                return e;
            }

            var due = Add(running, today.AddMonths(-20), today.AddMonths(-13), EndReason.Work, null);
            var done = Add(running, today.AddMonths(-20), today.AddMonths(-13), EndReason.Work, FollowUpResult.SelfSupporting);
            var tooOld = Add(running, today.AddMonths(-40), today.AddMonths(-30), EndReason.Studies, null);
            var notYet = Add(running, today.AddMonths(-8), today.AddMonths(-6), EndReason.Studies, null);
            var late = Add(ended, today.AddMonths(-6), null, null, null);
            var endedInTime = Add(ended, today.AddMonths(-6), today.AddDays(-25), EndReason.Illness, null);
            var noReason = Add(running, today.AddMonths(-5), today.AddMonths(-1), null, null);
            await db.SaveChangesAsync();
            return new { due = due.Id, done = done.Id, tooOld = tooOld.Id, notYet = notYet.Id, late = late.Id, endedInTime = endedInTime.Id, noReason = noReason.Id };
        });

        // The test's own rows, from every list (each list shows its rows with a link to the enrolment).
        var html = await Kansli.GetStringAsync("/AttGora");
        var page = Html.Parse(html);
        IReadOnlyList<int> Listed(string table) => page.QuerySelectorAll($"table#{table} tbody tr")
            .Where(tr => Html.Cells(tr)[1].StartsWith('T'))
            .Select(tr => tr.QuerySelectorAll("a")[^1].GetAttribute("href")!)
            .Select(href => int.Parse(href[(href.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal([ids.due], Listed("lista-uppfoljning").Where(id => new[] { ids.due, ids.done, ids.tooOld, ids.notYet }.Contains(id)));
        Assert.Equal([ids.late], Listed("lista-efter-insatsens-slut"));
        Assert.Equal([ids.noReason], Listed("lista-utan-avslutsorsak"));
        Assert.Contains($"/Deltagare/Deltagande/{ids.due}", html, StringComparison.Ordinal);
        Assert.Contains($"/Deltagare/Avslut/{ids.late}", html, StringComparison.Ordinal);

        // The counts are the whole lists, computed here independently.
        var (followUps, pastEnd, noReasons) = await fixture.Factory.WithDbAsync(async db =>
        {
            var all = await db.Enrolments.AsNoTracking().Select(e => new { e.EndDate, e.EndReason, e.FollowUp12Months, InsatsEnd = e.Insats!.EndDate }).ToListAsync();
            return (
                all.Count(e => e.EndDate is { } end && end <= today.AddMonths(-12) && end >= today.AddMonths(-24) && e.FollowUp12Months is null),
                all.Count(e => e.EndDate is null && e.InsatsEnd is { } insatsEnd && insatsEnd < today),
                all.Count(e => e.EndDate is not null && e.EndReason is null));
        });
        var headings = page.QuerySelectorAll("main h2").Select(h => Html.TextOf(h)).ToList();
        Assert.Contains($"Uppföljning efter 12 månader: {SwedishFormat.Number(followUps)}", headings);
        Assert.Contains($"Pågår efter insatsens slut: {SwedishFormat.Number(pastEnd)}", headings);
        Assert.Contains($"Avslutade utan avslutsorsak: {SwedishFormat.Number(noReasons)}", headings);
        Assert.All(page.QuerySelectorAll("main table"), t => Assert.True(t.QuerySelectorAll("tbody tr").Length <= Finsam.Web.Features.Worklist.IndexModel.Shown));

        // The view is audited, with counts only.
        var entry = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.UserName == fixture.Users[Roles.Kansli].Email && a.EntityType == "Worklist").OrderBy(a => a.Id).LastAsync());
        Assert.Equal(AuditAction.View, entry.Action);
        Assert.Contains($"uppföljningar {followUps}", entry.Details, StringComparison.Ordinal);

        // Done: the follow-up registered, the enrolment ended, the reason given; the rows leave the lists.
        await fixture.Factory.WithDbAsync(async db =>
        {
            await db.Enrolments.Where(e => e.Id == ids.due).ExecuteUpdateAsync(s => s.SetProperty(e => e.FollowUp12Months, FollowUpResult.NotReached));
            await db.Enrolments.Where(e => e.Id == ids.late).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndDate, today.AddDays(-21)).SetProperty(e => e.EndReason, EndReason.Work));
            return await db.Enrolments.Where(e => e.Id == ids.noReason).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndReason, EndReason.Other));
        });
        page = Html.Parse(await Kansli.GetStringAsync("/AttGora"));
        Assert.DoesNotContain(ids.due, Listed("lista-uppfoljning"));
        Assert.Empty(Listed("lista-efter-insatsens-slut"));
        Assert.Empty(Listed("lista-utan-avslutsorsak"));
    }

    [Fact]
    public async Task Att_gora_shows_empty_states_and_is_in_the_navigation_only_for_kansli_and_forbundschef()
    {
        foreach (var role in Roles.All)
        {
            var nav = Html.Parse(await fixture.Clients[role].GetStringAsync("/")).QuerySelectorAll("nav.main-nav a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(role is Roles.Kansli or Roles.Director, nav.Contains("/AttGora"));
        }

        // A förbund with nothing to do: every list says so.
        var empty = new FinsamFactory();
        await using (empty)
        {
            var chef = await empty.SignedInClientAsync(await empty.CreateUserAsync(Roles.Director));
            var text = Html.TextOf(Html.Parse(await chef.GetStringAsync("/AttGora")).QuerySelector("main")!);
            Assert.Contains("Inga uppföljningar väntar.", text, StringComparison.Ordinal);
            Assert.Contains("Inga deltaganden pågår efter sin insats slut.", text, StringComparison.Ordinal);
            Assert.Contains("Alla avslutade deltaganden har en avslutsorsak.", text, StringComparison.Ordinal);
        }
    }

    private async Task<List<string>> ParticipantRowsAsync(string query)
    {
        var page = Html.Parse(await Kansli.GetStringAsync("/Deltagare?" + query));
        return page.QuerySelectorAll("table tbody tr").Select(Html.Cells).Select(c => $"{c[0]} {c[1]} {c[2]}").ToList();
    }

    [Theory]
    [InlineData("deltagarnr", "stigande")]
    [InlineData("deltagarnr", "fallande")]
    [InlineData("insats", "stigande")]
    [InlineData("insats", "fallande")]
    [InlineData("start", "stigande")]
    public async Task The_participant_list_sorts_by_its_columns_on_every_page(string column, string order)
    {
        var all = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().Where(e => e.Participant!.Gender == Gender.Woman)
            .Select(e => new { e.Id, e.ParticipantId, e.Insats!.Code, e.StartDate }).ToListAsync());
        var sorted = column switch
        {
            "deltagarnr" => all.OrderBy(e => e.ParticipantId).ThenBy(e => e.Id).ToList(),
            "insats" => all.OrderBy(e => e.Code, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.StartDate).ThenBy(e => e.Id).ToList(),
            _ => all.OrderBy(e => e.StartDate).ThenBy(e => e.Id).ToList(),
        };
        if (order == "fallande")
        {
            sorted.Reverse();
        }

        var expected = sorted.Select(e => $"{e.ParticipantId} {e.Code} {SwedishFormat.Date(e.StartDate)}").ToList();
        var pages = (expected.Count + 49) / 50;
        Assert.True(pages >= 3);
        // Every page (the list by insats reads insats by insats, from the nearer end of each).
        for (var page = 1; page <= pages; page++)
        {
            Assert.Equal(expected.Skip((page - 1) * 50).Take(50), await ParticipantRowsAsync($"kon=Woman&sortera={column}&ordning={order}&sida={page}"));
        }
    }

    [Fact]
    public async Task Column_headers_link_to_their_sort_keeping_the_filters_and_a_page_jump_keeps_both()
    {
        var page = Html.Parse(await Kansli.GetStringAsync("/Deltagare?kon=Woman&status=Ended&sida=3"));
        string Header(string text) => page.QuerySelectorAll("thead th a").Single(a => a.TextContent.StartsWith(text, StringComparison.Ordinal)).GetAttribute("href")!;

        // The default order is newest start first; its header offers the other order, the others their own first order.
        Assert.Equal("descending", page.QuerySelectorAll("thead th").Single(th => th.TextContent.Contains("Start", StringComparison.Ordinal)).GetAttribute("aria-sort"));
        Assert.Equal("/Deltagare?kon=Woman&status=Ended&sortera=start&ordning=stigande", Header("Start"));
        Assert.Equal("/Deltagare?kon=Woman&status=Ended&sortera=deltagarnr&ordning=stigande", Header("Deltagar-nr"));
        Assert.Equal("/Deltagare?kon=Woman&status=Ended&sortera=insats&ordning=stigande", Header("Insats"));

        // Sorted by insats, the header of the sorted column turns the order round.
        page = Html.Parse(await Kansli.GetStringAsync(Header("Insats")));
        Assert.Equal("ascending", page.QuerySelectorAll("thead th").Single(th => th.TextContent.Contains("Insats", StringComparison.Ordinal)).GetAttribute("aria-sort"));
        Assert.EndsWith("sortera=insats&ordning=fallande", Header("Insats"), StringComparison.Ordinal);

        // The page jump sends the page with the filters and the sort as they are.
        var jump = page.QuerySelector("form.page-jump")!;
        Assert.Equal("get", jump.GetAttribute("method"));
        var kept = jump.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}").ToList();
        Assert.Equal(["kon=Woman", "status=Ended", "sortera=insats", "ordning=stigande"], kept);
        Assert.NotNull(jump.QuerySelector("label[for=sidhopp]"));
        var jumped = WebUtility.HtmlDecode(await Kansli.GetStringAsync("/Deltagare?" + string.Join('&', kept) + "&sida=2"));
        Assert.Contains(", sida 2 av ", jumped, StringComparison.Ordinal);
        var first = await ParticipantRowsAsync("kon=Woman&status=Ended&sortera=insats&ordning=stigande");
        var second = await ParticipantRowsAsync("kon=Woman&status=Ended&sortera=insats&ordning=stigande&sida=2");
        Assert.Equal(50, second.Count);
        Assert.Empty(first.Intersect(second));
    }

    [Theory]
    [InlineData("sortera=namn", "Listan kan sorteras på Deltagar-nr, Insats eller Start")]
    [InlineData("sortera=start&ordning=baklänges", "Listan kan sorteras på Deltagar-nr, Insats eller Start")]
    [InlineData("sida=tre", "Skriv sidans nummer med siffror, t.ex. 3.")]
    public async Task A_bad_sort_or_page_gets_a_swedish_message(string query, string message)
    {
        var html = WebUtility.HtmlDecode(await Kansli.GetStringAsync("/Deltagare?" + query));
        Assert.Contains(message, html, StringComparison.Ordinal);
    }
}
