using System.Net;
using System.Text.RegularExpressions;
using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.Domain.Participants;
using Finsam.TestSupport;
using Finsam.Web.Features.Participants;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>The kansli registers starts and ends through the forms; rules, privacy, concurrency and audit hold.</summary>
public sealed partial class RegistrationTests(RegistrationTests.Fixture fixture) : IClassFixture<RegistrationTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public HttpClient Kansli { get; private set; } = null!;

        public int P31 { get; private set; }

        public int P33 { get; private set; }

        public int Structural { get; private set; }

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(TestClock.Today.Year);
            P31 = await Factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P31").Select(i => i.Id).SingleAsync());
            P33 = await Factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P33").Select(i => i.Id).SingleAsync());
            Structural = await Factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P20").Select(i => i.Id).SingleAsync());
            Kansli = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Kansli));
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }


    /// <summary>Last year: inside the demo insatser's periods whenever the tests run.</summary>
    private static readonly int LastYear = TestClock.Today.Year - 1;

    private static string D(int month, int day) => new DateOnly(LastYear, month, day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Start(string pnr, string birthYear, int insats, string start) =>
    [
        new("Input.PersonalIdentityNumber", pnr),
        new("Input.ConsentDate", pnr.Length > 0 ? start : ""),
        new("Input.Gender", nameof(Gender.Woman)),
        new("Input.BirthYear", birthYear),
        new("Input.HomeMunicipality", "Åkerby"),
        new("Input.Education", nameof(EducationLevel.UpperSecondary)),
        new("Input.InsatsId", insats.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.StartDate", start),
        new("Input.SupportAtStart", nameof(IncomeSupport.SicknessBenefit)),
        new("Input.SupportAtStart", nameof(IncomeSupport.MeansTestedAllowance)),
        new("Input.TimeInSupportBeforeStart", nameof(TimeInSupport.OneToTwoYears)),
    ];

    private async Task<(HttpResponseMessage Response, string Html)> PostAsync(string url, List<KeyValuePair<string, string>> fields, string? getUrl = null)
    {
        var response = await fixture.Kansli.PostFormAsync(url, fields, getUrl);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_start_with_personnummer_stores_only_the_hash_and_recognises_the_person_next_time()
    {
        var (response, _) = await PostAsync("/Deltagare/Ny", Start("19850704-5568", "1985", fixture.P31, D(2, 3)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var participantId = int.Parse(ParticipantIdInUrl().Match(response.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var participant = await fixture.Factory.WithDbAsync(db => db.Participants.Include(p => p.Enrolments).SingleAsync(p => p.Id == participantId));
        Assert.Matches("^[0-9a-f]{64}$", participant.PersonKeyHash);
        Assert.Equal(new DateOnly(LastYear, 2, 3), participant.ConsentDate);
        var enrolment = Assert.Single(participant.Enrolments);
        Assert.Equal(IncomeSupport.SicknessBenefit | IncomeSupport.MeansTestedAllowance, enrolment.SupportAtStart);

        // The same person in another insats, written the short way: the same participant.
        var (second, _) = await PostAsync("/Deltagare/Ny", Start("850704-5568", "1985", fixture.P33, D(5, 5)));
        Assert.Equal(response.Headers.Location, second.Headers.Location);
        Assert.Equal(2, await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.ParticipantId == participantId)));

        // The number is nowhere in the database file, in any form.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(fixture.Factory.DataDirectory, "finsam.db"));
        var wal = Path.Combine(fixture.Factory.DataDirectory, "finsam.db-wal");
        var all = System.Text.Encoding.Latin1.GetString(bytes) + (File.Exists(wal) ? System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(wal)) : "");
        Assert.DoesNotContain("8507045568", all, StringComparison.Ordinal);
        Assert.DoesNotContain("198507045568", all, StringComparison.Ordinal);
        Assert.DoesNotContain("850704-5568", all, StringComparison.Ordinal);

        // Searching by the number finds the person, through a POST that logs no number.
        var search = await fixture.Kansli.PostFormAsync("/Deltagare?handler=Search", [new("pnr", "19850704-5568")], getUrl: "/Deltagare");
        Assert.Equal(response.Headers.Location!.ToString(), search.Headers.Location!.ToString());
        var entries = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(entries, e => (e.Details ?? "").Contains("5568", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_without_personnummer_is_anonymous()
    {
        var (response, _) = await PostAsync("/Deltagare/Ny", Start("", "1999", fixture.P31, D(3, 3)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(ParticipantIdInUrl().Match(response.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var participant = await fixture.Factory.WithDbAsync(db => db.Participants.SingleAsync(p => p.Id == id));
        Assert.Null(participant.PersonKeyHash);
        Assert.Null(participant.ConsentDate);
    }

    [Fact]
    public async Task A_form_sent_twice_registers_once_and_both_answers_lead_to_the_same_participant()
    {
        // The form as the browser has it: antiforgery and once-only token from the page.
        var form = Html.Parse(await fixture.Kansli.GetStringAsync("/Deltagare/Ny"));
        var hidden = form.QuerySelectorAll("form").Single(f => f.QuerySelector("[name='Input.StartDate']") is not null).QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        Assert.Contains(hidden, f => f.Key == Finsam.Web.Validation.OnceOnlyForms.Field && f.Value.Length > 0);
        var fields = hidden.Where(f => f.Key != "Input.ParticipantId").Concat(Start("", "1977", fixture.P31, D(4, 7))).ToList();
        var before = await fixture.Factory.WithDbAsync(db => db.Participants.CountAsync());

        // A double click: both posts at once; then the same post again later (a reload that re-posts).
        var both = await Task.WhenAll(
            fixture.Kansli.PostAsync("/Deltagare/Ny", new FormUrlEncodedContent(fields)),
            fixture.Kansli.PostAsync("/Deltagare/Ny", new FormUrlEncodedContent(fields)));
        var again = await fixture.Kansli.PostAsync("/Deltagare/Ny", new FormUrlEncodedContent(fields));

        Assert.Equal(before + 1, await fixture.Factory.WithDbAsync(db => db.Participants.CountAsync()));
        Assert.All(both.Append(again), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(both.Append(again).Select(r => r.Headers.Location!.ToString()).Distinct());

        // A refused post leaves its token free: corrected, the same form registers.
        var refused = fields.Where(f => f.Key != "Input.StartDate").Append(new("Input.StartDate", "2026-13-45")).ToList();
        var form2 = Html.Parse(await fixture.Kansli.GetStringAsync("/Deltagare/Ny"));
        var token = form2.QuerySelectorAll("form").Single(f => f.QuerySelector("[name='Input.StartDate']") is not null)
            .QuerySelector($"input[name={Finsam.Web.Validation.OnceOnlyForms.Field}]")!.GetAttribute("value")!;
        List<KeyValuePair<string, string>> WithToken(List<KeyValuePair<string, string>> f) =>
            [.. f.Where(x => x.Key != Finsam.Web.Validation.OnceOnlyForms.Field), new(Finsam.Web.Validation.OnceOnlyForms.Field, token)];
        Assert.Equal(HttpStatusCode.OK, (await fixture.Kansli.PostAsync("/Deltagare/Ny", new FormUrlEncodedContent(WithToken(refused)))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Kansli.PostAsync("/Deltagare/Ny", new FormUrlEncodedContent(WithToken(fields)))).StatusCode);
        Assert.Equal(before + 2, await fixture.Factory.WithDbAsync(db => db.Participants.CountAsync()));
    }

    [Theory]
    [InlineData("19850704-5569", "1985", "Kontrollsiffran i personnumret stämmer inte.")]
    [InlineData("19850231-5568", "1985", "Datumet i personnumret finns inte.")]
    [InlineData("19900315-1231", "1991", "Födelseåret stämmer inte med personnumret.")]
    public async Task A_bad_personnummer_is_refused_and_not_sent_back(string pnr, string birthYear, string message)
    {
        var (response, html) = await PostAsync("/Deltagare/Ny", Start(pnr, birthYear, fixture.P31, D(2, 3)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain(pnr, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impossible_dates_and_unknown_codes_are_refused_with_messages()
    {
        var future = TestClock.Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (_, html) = await PostAsync("/Deltagare/Ny", Start("", "1990", fixture.P31, future));
        Assert.Contains("Startdatumet ligger i framtiden.", html, StringComparison.Ordinal);

        (_, html) = await PostAsync("/Deltagare/Ny", Start("", "1990", fixture.Structural, D(1, 10)));
        Assert.Contains("Insatsen P20 är strukturinriktad och tar inte emot deltagare.", html, StringComparison.Ordinal);

        (_, html) = await PostAsync("/Deltagare/Ny", Start("", "1990", 99_999, D(1, 10)));
        Assert.Contains("Insatsen finns inte.", html, StringComparison.Ordinal);

        var fields = Start("", "1990", fixture.P31, "2025-13-45");
        (_, html) = await PostAsync("/Deltagare/Ny", fields);
        Assert.Contains("Startdatum: skriv datumet som åååå-mm-dd, t.ex. 2026-03-31.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-13-45", Html.TextOf(Html.Parse(html).QuerySelector(".error-summary")!), StringComparison.Ordinal);

        fields = Start("", "abc", fixture.P31, D(1, 10));
        fields.RemoveAll(f => f.Key == "Input.Gender");
        (_, html) = await PostAsync("/Deltagare/Ny", fields);
        Assert.Contains("Välj kön.", html, StringComparison.Ordinal);
        Assert.Contains("Födelseår: skriv ett heltal med siffror.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_an_enrolment_checks_the_dates_and_saves_the_outcome()
    {
        var (created, _) = await PostAsync("/Deltagare/Ny", Start("", "1992", fixture.P31, D(4, 1)));
        var participantId = int.Parse(ParticipantIdInUrl().Match(created.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var enrolment = await fixture.Factory.WithDbAsync(db => db.Enrolments.SingleAsync(e => e.ParticipantId == participantId));
        var url = $"/Deltagare/Avslut/{enrolment.Id}";

        List<KeyValuePair<string, string>> End(string date, string reason) =>
        [
            new("Input.Version", enrolment.Version.ToString()),
            new("Input.EndDate", date),
            new("Input.EndReason", reason),
            new("Input.EndReasonSubCode", reason == nameof(EndReason.Work) ? "Subventionerad anställning" : ""),
            new("Input.SupportAtEnd", nameof(IncomeSupport.Salary)),
        ];

        var (_, html) = await PostAsync(url, End(D(3, 1), nameof(EndReason.Work)));
        Assert.Contains("Slutdatumet ligger före startdatumet.", html, StringComparison.Ordinal);

        var (ok, _) = await PostAsync(url, End(D(9, 30), nameof(EndReason.Work)));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var ended = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id));
        Assert.Equal(new DateOnly(LastYear, 9, 30), ended.EndDate);
        Assert.Equal(EndReason.Work, ended.EndReason);
        Assert.Equal("Subventionerad anställning", ended.EndReasonSubCode);
        Assert.Equal(IncomeSupport.Salary, ended.SupportAtEnd);
        Assert.NotEqual(enrolment.Version, ended.Version);
    }

    [Fact]
    public async Task Two_people_editing_the_same_enrolment_the_second_is_told_and_nothing_is_overwritten()
    {
        var (created, _) = await PostAsync("/Deltagare/Ny", Start("", "1993", fixture.P33, D(1, 15)));
        var participantId = int.Parse(ParticipantIdInUrl().Match(created.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var enrolment = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.ParticipantId == participantId));
        var other = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(Roles.Director));
        var url = $"/Deltagare/Avslut/{enrolment.Id}";

        // Both opened the form with the same version; the first saves.
        List<KeyValuePair<string, string>> End(string date, string reason) =>
        [
            new("Input.Version", enrolment.Version.ToString()),
            new("Input.EndDate", date),
            new("Input.EndReason", reason),
        ];
        var first = await other.PostFormAsync(url, End(D(6, 30), nameof(EndReason.Studies)));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var (second, html) = await PostAsync(url, End(D(7, 31), nameof(EndReason.Illness)));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(RegistrationService.ConcurrencyMessage, html, StringComparison.Ordinal);

        var saved = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id));
        Assert.Equal((new DateOnly(LastYear, 6, 30), EndReason.Studies), (saved.EndDate!.Value, saved.EndReason!.Value));
    }

    [Fact]
    public async Task An_overlapping_enrolment_in_the_same_insats_is_refused()
    {
        await PostAsync("/Deltagare/Ny", Start("20020611-2344", "2002", fixture.P31, D(1, 1)));
        var (_, html) = await PostAsync("/Deltagare/Ny", Start("20020611-2344", "2002", fixture.P31, D(6, 1)));
        Assert.Contains("Personen har redan ett deltagande i P31 som pågår då", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrections_and_removal_are_audit_logged()
    {
        var (created, _) = await PostAsync("/Deltagare/Ny", Start("", "1994", fixture.P31, D(2, 10)));
        var participantId = int.Parse(ParticipantIdInUrl().Match(created.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var enrolment = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.ParticipantId == participantId));
        var url = $"/Deltagare/Deltagande/{enrolment.Id}";
        var hint = Html.TextOf(Html.Parse(await fixture.Kansli.GetStringAsync(url)).QuerySelectorAll("p.hint")[^1]);
        Assert.Equal($"Deltagande {enrolment.Id} i P31 tas bort med sitt avslut och sin uppföljning; det är deltagarens enda deltagande, så deltagare {participantId} tas också bort.", hint);

        var (saved, _) = await PostAsync(url + "?handler=Save",
        [
            new("Input.Version", enrolment.Version.ToString()),
            new("Input.InsatsId", fixture.P31.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.StartDate", D(2, 11)),
            new("Input.TimeInSupportBeforeStart", nameof(TimeInSupport.Unknown)),
        ], getUrl: url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var version = await fixture.Factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == enrolment.Id).Select(e => e.Version).SingleAsync());

        var (notConfirmed, html) = await PostAsync(url + "?handler=Delete", [new("version", version.ToString())], getUrl: url);
        Assert.Contains("Kryssa i att deltagandet är felregistrerat", html, StringComparison.Ordinal);

        var (deleted, _) = await PostAsync(url + "?handler=Delete", [new("version", version.ToString()), new("confirm", "true")], getUrl: url);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.Participants.AnyAsync(p => p.Id == participantId)));

        var id = enrolment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var log = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Enrolment" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.View, AuditAction.View, AuditAction.Update, AuditAction.View, AuditAction.View, AuditAction.Delete], log.Select(a => a.Action));
        var correction = log.Single(a => a.Action == AuditAction.Update).Details!;
        Assert.StartsWith("rättelse: ", correction, StringComparison.Ordinal);
        Assert.Contains("startdatum", correction.Split(": ")[1].Split(", "));
        Assert.DoesNotContain("StartDate", correction, StringComparison.Ordinal);
        Assert.All(log, a => Assert.NotNull(a.UserName));
    }

    [Fact]
    public async Task Home_municipality_and_education_are_recorded_per_enrolment_and_a_known_persons_gender_is_not_changed_by_a_start()
    {
        var (created, _) = await PostAsync("/Deltagare/Ny", Start("19910419-2381", "1991", fixture.P31, D(1, 20)));
        var participantId = int.Parse(ParticipantIdInUrl().Match(created.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // A new enrolment for the known person: the form suggests the latest enrolment's values; this one records others.
        var form = Html.Parse(await fixture.Kansli.GetStringAsync($"/Deltagare/Ny?deltagare={participantId}"));
        Assert.Equal("Åkerby", form.QuerySelector("#Input_HomeMunicipality")!.GetAttribute("value"));
        Assert.Equal(nameof(EducationLevel.UpperSecondary), form.QuerySelector("#Input_Education option[selected]")!.GetAttribute("value"));
        var fields = Start("", "", fixture.P33, D(8, 1));
        fields.RemoveAll(f => f.Key is "Input.Gender" or "Input.BirthYear" or "Input.HomeMunicipality" or "Input.Education");
        fields.AddRange([new("Input.ParticipantId", participantId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.HomeMunicipality", "Strandvik"), new("Input.Education", nameof(EducationLevel.PostSecondary))]);
        var (second, _) = await PostAsync("/Deltagare/Ny", fields, getUrl: $"/Deltagare/Ny?deltagare={participantId}");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var enrolments = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().Where(e => e.ParticipantId == participantId).OrderBy(e => e.StartDate).ToListAsync());
        Assert.Equal([("Åkerby", EducationLevel.UpperSecondary), ("Strandvik", EducationLevel.PostSecondary)], enrolments.Select(e => (e.HomeMunicipality!, e.Education)).ToList());
        var details = Html.Parse(await fixture.Kansli.GetStringAsync($"/Deltagare/Detaljer/{participantId}"));
        var rows = details.QuerySelectorAll("main table tbody tr").Select(r => Html.Cells(r)).ToList();
        Assert.Equal([("Åkerby", "Gymnasial"), ("Strandvik", "Eftergymnasial")], rows.Select(c => (c[2], c[3])).ToList());

        // The same personnummer registered as a man: refused, the person stays a woman.
        var asMan = Start("19910419-2381", "1991", fixture.P31, D(11, 1));
        asMan.RemoveAll(f => f.Key == "Input.Gender");
        asMan.Add(new("Input.Gender", nameof(Gender.Man)));
        var (refused, html) = await PostAsync("/Deltagare/Ny", asMan);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"Deltagare {participantId} är registrerad som Kvinna. Rätta personen med Rätta uppgifter om det är fel.", html, StringComparison.Ordinal);
        Assert.Equal(2, await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.ParticipantId == participantId)));
    }

    [Fact]
    public async Task The_board_and_auditors_cannot_post_registrations()
    {
        foreach (var role in new[] { Roles.Board, Roles.Auditor, Roles.Administrator })
        {
            var client = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(role));
            var token = SignIn.AntiforgeryToken(await client.GetStringAsync("/Konto/BytLosenord"));
            var fields = Start("", "1990", fixture.P31, D(1, 10));
            fields.Add(new("__RequestVerificationToken", token));
            var count = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync());
            var response = await client.PostAsync("/Deltagare/Ny", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Konto/AtkomstNekad", response.Headers.Location!.AbsolutePath);
            Assert.Equal(count, await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync()));
        }
    }

    [GeneratedRegex("/Deltagare/Detaljer/(\\d+)")]
    private static partial Regex ParticipantIdInUrl();
}
