using Finsam.Data.Identity;
using Finsam.TestSupport;
using Finsam.Web.Features.Admin.Audit;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>The audit log reads in Swedish: every kind of record the app logs has a Swedish name on the page.</summary>
public sealed class AuditLogPageTests
{
    [Fact]
    public async Task Every_logged_record_is_named_in_swedish()
    {
        await using var factory = new FinsamFactory();
        await factory.SeedDemoAsync(2025);
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        var participant = await factory.WithDbAsync(db => db.Participants.Select(p => p.Id).FirstAsync());
        await kansli.GetStringAsync("/Deltagare");
        await kansli.GetStringAsync($"/Deltagare/Detaljer/{participant}");
        await kansli.GetStringAsync("/AttGora");
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));
        await chef.PostFormAsync("/Arsredovisning/Text/2025/ChairmanForeword", [new("Markdown", "Ett år av samverkan.")]);

        // Every kind of record in the log (the demo's setup, reads, a text, the accounts) has its Swedish name.
        var types = await factory.WithDbAsync(db => db.AuditEntries.Select(e => e.EntityType).Distinct().ToListAsync());
        Assert.Contains("Participant", types);
        Assert.DoesNotContain(types, t => !AuditNames.Known.Contains(t));

        var admin = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Administrator));
        var posts = Html.Parse(await admin.GetStringAsync("/Admin/Granskningslogg")).QuerySelectorAll("tbody tr")
            .Select(r => Html.TextOf(r.QuerySelectorAll("td")[3])).ToList();
        Assert.Contains("Årsredovisningens text 2025, Ordförande har ordet", posts);
        Assert.Contains($"Deltagare {participant}", posts);
        Assert.DoesNotContain(posts, p => p.StartsWith("Participant", StringComparison.Ordinal) || p.StartsWith("EnrolmentList", StringComparison.Ordinal));
    }
}
