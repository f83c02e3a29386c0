using Finsam.Data.Identity;
using Finsam.Web.Authorization;

namespace Finsam.UnitTests.Hosting;

public sealed class PolicyTests
{
    [Fact]
    public void Board_and_auditors_never_reach_participant_data()
    {
        Assert.DoesNotContain(Roles.Board, Policies.RolesByPolicy[Policies.ParticipantData]);
        Assert.DoesNotContain(Roles.Auditor, Policies.RolesByPolicy[Policies.ParticipantData]);
        Assert.DoesNotContain(Roles.Administrator, Policies.RolesByPolicy[Policies.ParticipantData]);
    }

    [Fact]
    public void Every_page_entry_uses_a_known_policy_and_every_navigation_item_is_covered_by_one()
    {
        Assert.All(PageAccess.Pages.Where(p => p.Policy != PageAccess.Anonymous), p => Assert.Contains(p.Policy, Policies.RolesByPolicy.Keys));
        Assert.All(PageAccess.Handlers, h => Assert.Contains(h.Policy, Policies.RolesByPolicy.Keys));
        Assert.All(NavigationMenu.Items, i => Assert.NotEmpty(PageAccess.PoliciesOf(i.Page, "GET", null)));
    }

    [Fact]
    public void Every_role_is_described() =>
        Assert.All(Roles.All, r => Assert.False(string.IsNullOrWhiteSpace(Roles.Describe(r))));
}
