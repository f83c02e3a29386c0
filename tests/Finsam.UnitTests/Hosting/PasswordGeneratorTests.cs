using Finsam.Web.Identity;

namespace Finsam.UnitTests.Hosting;

public sealed class PasswordGeneratorTests
{
    [Fact]
    public void Generated_passwords_satisfy_the_policy_and_differ()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => PasswordGenerator.Generate()).ToList();
        Assert.All(passwords, p =>
        {
            Assert.Equal(23, p.Length);
            Assert.True(p.Distinct().Count() >= 5, p);
            Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", p);
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}
