using System.Globalization;
using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Participants;
using Finsam.TestSupport;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>
/// "Rätta uppgifter": a registered person's gender and birth year change only through this correction, which needs a
/// reason, is audit-logged with the old and new values, and is refused while a closed year counts the person.
/// </summary>
public sealed class IdentityCorrectionTests(IdentityCorrectionTests.Fixture fixture) : IClassFixture<IdentityCorrectionTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public HttpClient Kansli { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(TestClock.Today.Year);
            Kansli = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Kansli));
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static readonly int ThisYear = TestClock.Today.Year;

    /// <summary>A woman whose enrolments all started this year (no earlier year counts her).</summary>
    private Task<Participant> WomanOfThisYearAsync(int skip) =>
        fixture.Factory.WithDbAsync(db => db.Participants.AsNoTracking().Include(p => p.Enrolments)
            .Where(p => p.Gender == Gender.Woman && p.Enrolments.All(e => e.StartDate >= new DateOnly(ThisYear, 1, 1)))
            .OrderBy(p => p.Id).Skip(skip).FirstAsync());

    private Task<HttpResponseMessage> CorrectAsync(Participant person, Gender gender, int birthYear, string reason) =>
        fixture.Kansli.PostFormAsync($"/Deltagare/Ratta/{person.Id}", new Dictionary<string, string>
        {
            ["Input.Version"] = person.Version.ToString(),
            ["Input.Gender"] = gender.ToString(),
            ["Input.BirthYear"] = birthYear.ToString(CultureInfo.InvariantCulture),
            ["Input.Reason"] = reason,
        });

    private static string Errors(string html) => Html.TextOf(Html.Parse(html).QuerySelector(".error-summary")!);

    [Fact]
    public async Task A_correction_with_a_reason_changes_gender_and_birth_year_and_is_audit_logged()
    {
        var person = await WomanOfThisYearAsync(0);
        var page = Html.Parse(await fixture.Kansli.GetStringAsync($"/Deltagare/Detaljer/{person.Id}"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => Html.TextOf(a) == "Rätta uppgifter" && a.GetAttribute("href") == $"/Deltagare/Ratta/{person.Id}");

        // Without a reason nothing changes.
        var refused = await CorrectAsync(person, Gender.Man, person.BirthYear, " ");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Skriv varför uppgifterna rättas.", Errors(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(Gender.Woman, await fixture.Factory.WithDbAsync(db => db.Participants.Where(p => p.Id == person.Id).Select(p => p.Gender).SingleAsync()));

        var response = await CorrectAsync(person, Gender.Man, person.BirthYear - 1, "Felregistrerad vid starten, enligt remissen.");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Deltagare/Detaljer/{person.Id}", response.Headers.Location!.ToString());
        var after = await fixture.Factory.WithDbAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal((Gender.Man, person.BirthYear - 1), (after.Gender, after.BirthYear));
        var entry = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Update && a.EntityType == nameof(Participant) && a.EntityId == person.Id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).LastAsync());
        Assert.Equal(
            $"rättade uppgifter: kön Kvinna → Man, födelseår {person.BirthYear} → {person.BirthYear - 1}. Skäl: Felregistrerad vid starten, enligt remissen.",
            entry.Details);
        Assert.NotNull(entry.UserName);

        // The form it was opened with is stale now.
        var stale = await CorrectAsync(person, Gender.Woman, person.BirthYear, "Tillbaka.");
        Assert.Contains(WritePath.ConcurrencyMessage, Errors(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>
    /// The participant list filters on the enrolment's copy of the person's gender (docs/performance.md): a correction
    /// changes it on every enrolment of the person in the same save, so the list's gender filter follows at once.
    /// </summary>
    [Fact]
    public async Task A_corrected_gender_moves_every_enrolment_of_the_person_in_the_lists_gender_filter()
    {
        var person = await WomanOfThisYearAsync(3);
        Assert.NotEmpty(person.Enrolments);
        Assert.All(person.Enrolments, e => Assert.Equal(Gender.Woman, e.ParticipantGender));

        Assert.Equal(HttpStatusCode.Redirect, (await CorrectAsync(person, Gender.Man, person.BirthYear, "Felregistrerad.")).StatusCode);

        var copies = await fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().Where(e => e.ParticipantId == person.Id)
            .Select(e => e.ParticipantGender).ToListAsync());
        Assert.Equal(person.Enrolments.Count, copies.Count);
        Assert.All(copies, g => Assert.Equal(Gender.Man, g));
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.ParticipantGender != e.Participant!.Gender)));

        // The list shows the person's enrolments under men, no longer under women (the participant number is the row's first cell).
        async Task<bool> ListedAsync(Gender gender)
        {
            var html = await fixture.Kansli.GetStringAsync($"/Deltagare?ar={ThisYear}&kon={gender}");
            var pages = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.Participant!.Gender == gender
                && e.StartDate <= new DateOnly(ThisYear, 12, 31) && (e.EndDate == null || e.EndDate >= new DateOnly(ThisYear, 1, 1))));
            var found = false;
            for (var page = 1; page <= (pages + 49) / 50; page++)
            {
                html = await fixture.Kansli.GetStringAsync($"/Deltagare?ar={ThisYear}&kon={gender}&sida={page}");
                found |= Html.Parse(html).QuerySelectorAll("table tbody tr").Select(Html.Cells)
                    .Any(c => c[0] == person.Id.ToString(CultureInfo.InvariantCulture));
            }

            return found;
        }

        Assert.True(await ListedAsync(Gender.Man));
        Assert.False(await ListedAsync(Gender.Woman));
    }

    [Fact]
    public async Task A_correction_is_refused_while_a_closed_year_counts_the_person()
    {
        var closedYear = ThisYear - 2;
        var person = await fixture.Factory.WithDbAsync(db => db.Participants.AsNoTracking().Include(p => p.Enrolments)
            .Where(p => p.Gender == Gender.Woman && p.Enrolments.Any(e => e.StartDate <= new DateOnly(closedYear, 12, 31) && (e.EndDate == null || e.EndDate >= new DateOnly(closedYear, 1, 1))))
            .OrderBy(p => p.Id).FirstAsync());
        var other = await WomanOfThisYearAsync(1);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.FiscalYears.Where(y => y.Year == closedYear)
            .ExecuteUpdateAsync(s => s.SetProperty(y => y.Status, FiscalYearStatus.Closed))));

        var response = await CorrectAsync(person, Gender.Man, person.BirthYear, "Felregistrerad.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WritePath.ClosedYearMessage(closedYear), Errors(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(Gender.Woman, await fixture.Factory.WithDbAsync(db => db.Participants.Where(p => p.Id == person.Id).Select(p => p.Gender).SingleAsync()));

        // A person the closed year does not count may still be corrected.
        Assert.Equal(HttpStatusCode.Redirect, (await CorrectAsync(other, Gender.OtherOrUnspecified, other.BirthYear, "Personen har bett om det.")).StatusCode);
    }

    [Fact]
    public async Task The_identity_form_no_longer_changes_gender_or_birth_year()
    {
        var person = await WomanOfThisYearAsync(2);
        var response = await fixture.Kansli.PostFormAsync($"/Deltagare/Andra/{person.Id}", new Dictionary<string, string>
        {
            ["Input.Version"] = person.Version.ToString(),
            ["Input.Gender"] = nameof(Gender.Man),
            ["Input.BirthYear"] = (person.BirthYear + 2).ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await fixture.Factory.WithDbAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal((Gender.Woman, person.BirthYear), (after.Gender, after.BirthYear));
    }
}
