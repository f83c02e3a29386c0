using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Insatser;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

public sealed class InsatsTests(InsatsTests.Fixture fixture) : IClassFixture<InsatsTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public HttpClient Chef { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(TestClock.Today.Year);
            Chef = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Director));
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static List<KeyValuePair<string, string>> Form(string code, string name, string start, string? end = null, string status = "Active", Guid? version = null) =>
    [
        new("Input.Version", (version ?? Guid.Empty).ToString()),
        new("Input.Code", code),
        new("Input.Name", name),
        new("Input.Kind", nameof(InsatsKind.Individual)),
        new("Input.Status", status),
        new("Input.StartDate", start),
        new("Input.EndDate", end ?? ""),
        new("Input.MinAge", "18"),
        new("Input.MaxAge", "29"),
        new("Input.CountsInParticipantTotals", "true"),
        new("Input.CountsInParticipantTotals", "false"),
    ];

    [Fact]
    public async Task An_insats_is_created_changed_and_its_history_shown()
    {
        var created = await fixture.Chef.PostFormAsync("/Insatser/Ny", Form("P40", "Unga på väg", "2026-01-01"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var insats = await fixture.Factory.WithDbAsync(db => db.Insatser.AsNoTracking().SingleAsync(i => i.Code == "P40"));
        Assert.True(insats.CountsInParticipantTotals);
        Assert.Equal((18, 29), (insats.MinAge!.Value, insats.MaxAge!.Value));

        var url = $"/Insatser/Redigera/{insats.Id}";
        var changed = await fixture.Chef.PostFormAsync(url, Form("P40", "Unga på väg vidare", "2026-01-01", version: insats.Version));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var details = WebUtility.HtmlDecode(await fixture.Chef.GetStringAsync($"/Insatser/Detaljer/{insats.Id}"));
        Assert.Contains("Namn: Unga på väg → Unga på väg vidare", details, StringComparison.Ordinal);
        Assert.Contains("Skapad", details, StringComparison.Ordinal);

        // A stale form is refused.
        var stale = await fixture.Chef.PostFormAsync(url, Form("P40", "Gammal version", "2026-01-01", version: insats.Version));
        Assert.Contains("Någon annan har ändrat uppgifterna", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codes_are_unique_and_fields_are_checked()
    {
        var response = await fixture.Chef.PostFormAsync("/Insatser/Ny", Form("P31", "Dubblett", "2026-01-01", end: "2025-01-01"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Slutdatumet ligger före startdatumet.", html, StringComparison.Ordinal);

        response = await fixture.Chef.PostFormAsync("/Insatser/Ny", Form("P31", "Dubblett", "2026-01-01"));
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Det finns redan en insats med koden P31.", html, StringComparison.Ordinal);

        response = await fixture.Chef.PostFormAsync("/Insatser/Ny", Form("P 41!", "", "2026-01-01"));
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Koden får bara innehålla bokstäver", html, StringComparison.Ordinal);
        Assert.Contains("Ange insatsens namn.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_insats_with_ongoing_enrolments_cannot_be_closed()
    {
        var insats = await fixture.Factory.WithDbAsync(db => db.Insatser.AsNoTracking().SingleAsync(i => i.Code == "P31"));
        var ongoing = await fixture.Factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.InsatsId == insats.Id && e.EndDate == null));
        Assert.True(ongoing > 0);
        var form = Form("P31", insats.Name, insats.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            end: TestClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), status: "Closed", version: insats.Version);
        var response = await fixture.Chef.PostFormAsync($"/Insatser/Redigera/{insats.Id}", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"{ongoing} deltaganden pågår fortfarande.", html, StringComparison.Ordinal);
        Assert.Equal(InsatsStatus.Active, await fixture.Factory.WithDbAsync(db => db.Insatser.Where(i => i.Id == insats.Id).Select(i => i.Status).SingleAsync()));
    }
}
