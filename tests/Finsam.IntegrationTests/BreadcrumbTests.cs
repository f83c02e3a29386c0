using System.Net;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Finsam.Web.Authorization;
using Finsam.Web.Layout;

namespace Finsam.IntegrationTests;

/// <summary>
/// Every page deeper than a menu entry (<see cref="NavigationMenu"/>) shows breadcrumbs ("Du är här"): the first step
/// is its menu entry, the last is the page itself (not a link), and every link opens for the same user. The pages are
/// those of <see cref="PageMatrix"/>, each as the first role that may open it, so a new page is covered at once.
/// </summary>
public sealed class BreadcrumbTests(HandlerMatrixTests.Fixture fixture) : IClassFixture<HandlerMatrixTests.Fixture>
{
    private static readonly string[] RoleOrder = [Roles.Kansli, Roles.Director, Roles.Administrator, Roles.Auditor, Roles.Board];

    [Fact]
    public async Task Every_page_below_a_menu_entry_has_breadcrumbs_whose_links_open()
    {
        var failures = new List<string>();
        var checkedPages = 0;
        foreach (var access in PageMatrix.GetPages)
        {
            var page = access.Handler["GET ".Length..];
            var section = Breadcrumbs.SectionOf(page);
            var role = RoleOrder.FirstOrDefault(access.Allowed.Contains);
            if (section is null || role is null)
            {
                continue;
            }

            var url = fixture.Url(access.Url);
            var client = fixture.Clients[role];
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;   // an export answers with a file
            }

            var html = Html.Parse(await response.Content.ReadAsStringAsync());
            if (html.QuerySelector("header.site-header") is null)
            {
                continue;   // the annual report's preview: the document's pages, without the app around them
            }

            checkedPages++;
            var trails = html.QuerySelectorAll("nav.breadcrumbs[aria-label='Du är här']");
            if (trails.Length != 1)
            {
                failures.Add($"{url} ({page}, som {role}): {trails.Length} breadcrumb-rader, väntade 1");
                continue;
            }

            var steps = trails[0].QuerySelectorAll("li");
            var links = trails[0].QuerySelectorAll("a");
            var expectedFirst = await PathOfAsync(client, section.Page);
            if (links.Length == 0 || links[0].TextContent.Trim() != section.Text)
            {
                failures.Add($"{url}: första steget är inte menyvalet \"{section.Text}\"");
            }
            else if (PathOnly(links[0].GetAttribute("href")!) != expectedFirst)
            {
                failures.Add($"{url}: \"{section.Text}\" leder till {links[0].GetAttribute("href")}, inte {expectedFirst}");
            }

            if (steps.Length < 2 || steps[^1].GetAttribute("aria-current") != "page" || steps[^1].QuerySelector("a") is not null
                || string.IsNullOrWhiteSpace(steps[^1].TextContent))
            {
                failures.Add($"{url}: sista steget är inte sidan själv (aria-current, utan länk, med text)");
            }

            foreach (var link in links)
            {
                var href = link.GetAttribute("href")!;
                var answer = await client.GetAsync(href);
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{url}: länken \"{link.TextContent.Trim()}\" ({href}) svarar {(int)answer.StatusCode}");
                }
            }
        }

        Assert.True(checkedPages >= 40, $"Only {checkedPages} pages below a menu entry were checked.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/Participants/Details", "Deltagare")]
    [InlineData("/Admin/Users/Edit", "Användare")]
    [InlineData("/Admin/Audit/Index", null)]
    [InlineData("/Participants/Index", null)]
    [InlineData("/Account/TwoFactor", null)]
    [InlineData("/Index", null)]
    public void A_page_belongs_to_the_menu_entry_of_its_folder(string page, string? section) =>
        Assert.Equal(section, Breadcrumbs.SectionOf(page)?.Text);

    /// <summary>The path a menu entry's page is reached at (its link in the menu of the start page).</summary>
    private static async Task<string> PathOfAsync(HttpClient client, string menuPage)
    {
        var start = Html.Parse(await client.GetStringAsync("/"));
        var entry = NavigationMenu.Items.Single(i => i.Page == menuPage);
        var link = start.QuerySelectorAll("nav.main-nav a").FirstOrDefault(a => a.TextContent.Trim() == entry.Text);
        return link is null ? $"(ingen menylänk {entry.Text})" : PathOnly(link.GetAttribute("href")!);
    }

    private static string PathOnly(string href) => href.Split('?')[0];
}
