using Microsoft.Extensions.Time.Testing;
using System.Net;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Auditing;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>Gallring removes the person link of expired enrolments and keeps every aggregate but unique individuals.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Gallring_anonymises_expired_enrolments_and_keeps_the_statistics()
    {
        // The demo förbund (last year 2025) seen from 2032: with five years' retention, everything that ended is expired.
        await using var factory = new FinsamFactory { Clock = new FakeTimeProvider(new DateTimeOffset(2032, 6, 1, 9, 0, 0, TimeSpan.Zero)) };
        await factory.SeedDemoAsync(2025);
        var before = await factory.WithDbAsync(db => db.FlowsForYearAsync(2024));
        var identifiedBefore = await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.PersonKeyHash != null));
        var ended = await factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.EndDate != null));
        // Linked to a person: through a personnummer hash, or through other enrolments of the same participant.
        var expired = await factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.EndDate != null
            && (e.Participant!.PersonKeyHash != null || e.Participant.Enrolments.Count > 1)));
        var ongoing = await factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.EndDate == null));
        Assert.True(expired > 100 && identifiedBefore > 100 && ended > expired);

        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));
        var page = WebUtility.HtmlDecode(await chef.GetStringAsync("/Deltagare/Gallring"));
        Assert.Contains($"{expired.ToString("N0", Finsam.Domain.Formatting.SwedishFormat.Culture)} deltaganden är förfallna nu", page.Replace('\u00a0', ' ').Replace("<strong>", "", StringComparison.Ordinal).Replace("</strong>", "", StringComparison.Ordinal).Replace('\u00a0', ' '), StringComparison.Ordinal);

        // Without the confirmation nothing happens; the page says why at the box.
        var unconfirmed = Html.Parse(await (await chef.PostFormAsync("/Deltagare/Gallring", [])).Content.ReadAsStringAsync());
        Assert.Equal("Kryssa i rutan för att bekräfta gallringen. Den kan inte ångras.", Html.TextOf(unconfirmed.QuerySelector("#bekrafta-fel")!));
        Assert.Equal(identifiedBefore, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.PersonKeyHash != null)));

        var response = await chef.PostFormAsync("/Deltagare/Gallring", [new("confirm", "true")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace('\u00a0', ' ');
        Assert.Contains($"Gallringen är klar: {expired.ToString("N0", Finsam.Domain.Formatting.SwedishFormat.Culture).Replace('\u00a0', ' ')} deltaganden avidentifierades", html, StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            // Every ended enrolment now stands alone on an anonymous participant.
            var endedNow = await db.Enrolments.AsNoTracking().Where(e => e.EndDate != null)
                .Select(e => new { e.Participant!.PersonKeyHash, e.Participant.ConsentDate, Siblings = e.Participant.Enrolments.Count }).ToListAsync();
            Assert.Equal(ended, endedNow.Count);
            Assert.All(endedNow, e => Assert.Equal((null, null, 1), (e.PersonKeyHash, e.ConsentDate, e.Siblings)));

            // Ongoing enrolments keep their person; persons with nothing left are gone.
            Assert.Equal(ongoing, await db.Enrolments.CountAsync(e => e.EndDate == null));
            Assert.False(await db.Participants.AnyAsync(p => !p.Enrolments.Any()));

            // The year's figures are the same; only unique individuals may rise, as links are gone.
            var after = await db.FlowsForYearAsync(2024);
            Assert.Equal(
                before.Total with { UniqueIndividuals = 0 },
                after.Total with { UniqueIndividuals = 0 });
            Assert.True(after.Total.UniqueIndividuals >= before.Total.UniqueIndividuals);

            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.Anonymise);
            Assert.Contains($"gallring: {expired} deltaganden", entry.Details, StringComparison.Ordinal);
            return 0;
        });

        // A second run finds nothing more to do.
        page = WebUtility.HtmlDecode(await chef.GetStringAsync("/Deltagare/Gallring"));
        Assert.Contains("0</strong> deltaganden är förfallna nu", page, StringComparison.Ordinal);
    }
}
