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
    public void Every_navigation_item_and_page_folder_uses_a_known_policy()
    {
        Assert.All(NavigationMenu.Items, i => Assert.Contains(i.Policy, Policies.RolesByPolicy.Keys));
        Assert.All(PagePolicies.Folders, f => Assert.Contains(f.Policy, Policies.RolesByPolicy.Keys));
    }

    [Fact]
    public void Every_role_is_described() =>
        Assert.All(Roles.All, r => Assert.False(string.IsNullOrWhiteSpace(Roles.Describe(r))));
}
