using System.Globalization;
using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Participants;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Finsam.IntegrationTests;

/// <summary>The app on a clock that the test moves across midnight on New Year's Eve.</summary>
public sealed class NewYearTests
{
    [Fact]
    public async Task At_midnight_on_new_years_eve_the_year_turns_for_registrations_and_key_figures()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 58, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var factory = new FinsamFactory { Clock = clock };
        await factory.SeedDemoAsync(2026);
        var insats = await factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P31").Select(i => i.Id).SingleAsync());
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        List<KeyValuePair<string, string>> start =
        [
            new("Input.PersonalIdentityNumber", ""),
            new("Input.ConsentDate", ""),
            new("Input.Gender", nameof(Gender.Man)),
            new("Input.BirthYear", "1994"),
            new("Input.HomeMunicipality", "Åkerby"),
            new("Input.Education", nameof(EducationLevel.UpperSecondary)),
            new("Input.InsatsId", insats.ToString(CultureInfo.InvariantCulture)),
            new("Input.StartDate", "2027-01-01"),
            new("Input.SupportAtStart", nameof(IncomeSupport.SicknessBenefit)),
            new("Input.TimeInSupportBeforeStart", nameof(TimeInSupport.OneToTwoYears)),
        ];

        // Two minutes before midnight it is still 2026: the new year's first day is in the future.
        Assert.Equal("Läget 2026", (await KeyFiguresAsync(kansli)).Heading);
        var early = await kansli.PostFormAsync("/Deltagare/Ny", start);
        Assert.Contains("Startdatumet ligger i framtiden.", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(3));

        var (newInYear, heading) = await KeyFiguresAsync(kansli);
        Assert.Equal("Läget 2027", heading);
        Assert.Equal("0", newInYear);
        var registered = await kansli.PostFormAsync("/Deltagare/Ny", start);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(("1", "Läget 2027"), await KeyFiguresAsync(kansli));
    }

    /// <summary>The start page's "Nya i år" and the heading that names the year.</summary>
    private static async Task<(string NewInYear, string Heading)> KeyFiguresAsync(HttpClient client)
    {
        var page = Html.Parse(await client.GetStringAsync("/"));
        var heading = page.QuerySelector("#laget")!.TextContent;
        var figures = page.QuerySelectorAll("dl.key-figures div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        return (figures["Nya i år"], heading);
    }
}
