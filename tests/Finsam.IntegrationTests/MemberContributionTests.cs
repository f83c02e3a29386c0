using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Economy;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

public sealed class MemberContributionTests
{
    [Fact]
    public async Task The_director_sets_the_years_contribution_and_key_and_every_member_amount_is_shown()
    {
        await using var factory = new FinsamFactory();
        await factory.SeedDemoAsync(2025);
        var members = await factory.WithDbAsync(db => db.Members.AsNoTracking().ToListAsync());
        int Id(string name) => members.Single(m => m.Name == name).Id;
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));

        List<KeyValuePair<string, string>> Form(string total, string akerby, string strandvik, string bergsjo) =>
        [
            new("Input.Total", total),
            new("Input.Mode", "Percent"),
            new("Input.RegionPercent", "25"),
            new("Input.MunicipalityPercent", "25"),
            new("Input.Shares[0].MemberId", Id("Åkerby kommun").ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Shares[0].Percent", akerby),
            new("Input.Shares[1].MemberId", Id("Strandviks kommun").ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Shares[1].Percent", strandvik),
            new("Input.Shares[2].MemberId", Id("Bergsjö kommun").ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Shares[2].Percent", bergsjo),
        ];

        var refused = await chef.PostFormAsync("/Ekonomi/Medlemsbidrag?ar=2028", Form("9 000 000", "47", "47", "5"), getUrl: "/Ekonomi/Medlemsbidrag?ar=2028");
        Assert.Contains("Kommunernas andelar ska tillsammans vara 100 %, inte 99 %.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.FiscalYears.AnyAsync(y => y.Year == 2028)));

        var saved = await chef.PostFormAsync("/Ekonomi/Medlemsbidrag?ar=2028", Form("9\u00a0000\u00a0000,00", "47", "47", "6"), getUrl: "/Ekonomi/Medlemsbidrag?ar=2028");
        var html = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()).Replace('\u00a0', ' ');
        Assert.Contains("Medlemsbidragen för 2028 är sparade.", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Försäkringskassan</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>4 500 000,00</td>", html, StringComparison.Ordinal);   // the state's half
        Assert.Contains("<td>2 250 000,00</td>", html, StringComparison.Ordinal);   // the region's quarter
        Assert.Contains("<td>1 057 500,00</td>", html, StringComparison.Ordinal);   // 47 % of the municipalities' quarter
        Assert.Contains("<td>135 000,00</td>", html, StringComparison.Ordinal);     // 6 %
        Assert.Contains("<td>9 000 000,00</td>", html, StringComparison.Ordinal);   // the total adds up

        // The next year, without a split of its own, is proposed 2028's shares and key; nothing is stored until it is saved.
        var proposed = Html.Parse(await chef.GetStringAsync("/Ekonomi/Medlemsbidrag?ar=2029"));
        Assert.Equal("25", proposed.QuerySelector("#Input_RegionPercent")!.GetAttribute("value"));
        var bergsjo = proposed.QuerySelectorAll("#Input_Shares label").Single(l => l.TextContent.Trim() == "Bergsjö kommun").GetAttribute("for")!;
        Assert.Equal("6", proposed.GetElementById(bergsjo)!.GetAttribute("value"));
        Assert.Equal(Guid.Empty.ToString(), proposed.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.FiscalYears.AnyAsync(y => y.Year == 2029)));

        var year = await factory.WithDbAsync(db => db.FiscalYears.AsNoTracking().SingleAsync(y => y.Year == 2028));
        Assert.Equal((2028, 9_000_000m, FiscalYearStatus.Open), (year.Year, year.MemberContributionTotal!.Value, year.Status));

        // The auditor sees the amounts but no form.
        var auditor = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Auditor));
        var view = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Ekonomi/Medlemsbidrag?ar=2028")).Replace('\u00a0', ' ');
        Assert.Contains("<td>4 500 000,00</td>", view, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Total", view, StringComparison.Ordinal);
        var token = SignIn.AntiforgeryToken(await auditor.GetStringAsync("/Konto/BytLosenord"));
        var post = await auditor.PostAsync("/Ekonomi/Medlemsbidrag?ar=2028", new FormUrlEncodedContent([new("Input.Total", "1"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(9_000_000m, await factory.WithDbAsync(db => db.FiscalYears.Where(y => y.Year == 2028).Select(y => y.MemberContributionTotal!.Value).SingleAsync()));
    }
}
