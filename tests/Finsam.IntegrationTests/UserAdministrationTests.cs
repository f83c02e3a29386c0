using System.Net;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Finsam.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

public sealed class UserAdministrationTests(FinsamFactory factory) : IClassFixture<FinsamFactory>
{
    [Fact]
    public async Task An_administrator_creates_a_user_who_can_then_sign_in_with_the_shown_password()
    {
        var admin = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Administrator));
        var content = new FormUrlEncodedContent(
        [
            new("Input.DisplayName", "Nora Ny"),
            new("Input.Email", "nora.ny@test.finsam.test"),
            new("Input.Roles", Roles.Kansli),
            new("Input.Roles", Roles.Director),
            new("__RequestVerificationToken", SignIn.AntiforgeryToken(await admin.GetStringAsync("/Admin/Anvandare/Ny"))),
        ]);
        var html = await (await admin.PostAsync("/Admin/Anvandare/Ny", content)).Content.ReadAsStringAsync();
        var password = Html.Parse(html).QuerySelector("code.secret")?.TextContent ?? "";
        Assert.NotEmpty(password);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.FindByEmailAsync("nora.ny@test.finsam.test");
            Assert.NotNull(created);
            Assert.Equal("Nora Ny", created.DisplayName);
            Assert.Equal([Roles.Director, Roles.Kansli], (await users.GetRolesAsync(created)).Order());
        }

        // The shown password works once: Nora chooses her own before anything else.
        var nora = await factory.SignedInClientAsync(new TestUser("nora.ny@test.finsam.test", password, [Roles.Kansli]));
        Assert.Equal("/Konto/BytLosenord", (await nora.GetAsync("/Deltagare")).Headers.Location!.OriginalString);
        var own = PasswordGenerator.Generate();
        await nora.PostFormAsync("/Konto/BytLosenord", [new("Input.CurrentPassword", password), new("Input.NewPassword", own), new("Input.ConfirmPassword", own)]);
        Assert.Equal(HttpStatusCode.OK, (await nora.GetAsync("/Deltagare")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_user_without_roles_or_with_a_bad_email_is_refused_with_messages()
    {
        var admin = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Administrator));
        var response = await admin.PostFormAsync("/Admin/Anvandare/Ny", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Utan Roll",
            ["Input.Email"] = "inte-en-adress",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ange en giltig e-postadress.", html);
        Assert.Contains("Välj minst en roll.", html);
    }

    [Fact]
    public async Task Deactivating_a_user_keeps_them_from_signing_in()
    {
        var admin = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Administrator));
        var target = await factory.CreateUserAsync(Roles.Kansli);
        var id = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == target.Email).Id));

        var response = await admin.PostFormAsync(
            $"/Admin/Anvandare/Redigera/{id}?handler=SetActive",
            new Dictionary<string, string> { ["active"] = "false" },
            getUrl: $"/Admin/Anvandare/Redigera/{id}");
        Assert.Contains("Kontot är inaktiverat", await response.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == id).IsActive)));

        var signIn = await factory.AnonymousClient().PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
        {
            ["Input.Email"] = target.Email,
            ["Input.Password"] = target.Password,
        });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Fel e-postadress eller lösenord.", await signIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role()
    {
        var adminUser = await factory.CreateUserAsync(Roles.Administrator);
        var admin = await factory.SignedInClientAsync(adminUser);
        var id = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == adminUser.Email).Id));
        var response = await admin.PostFormAsync(
            $"/Admin/Anvandare/Redigera/{id}?handler=Roles",
            new Dictionary<string, string> { ["Input.DisplayName"] = "Admin", ["Input.Roles"] = Roles.Kansli },
            getUrl: $"/Admin/Anvandare/Redigera/{id}");
        Assert.Contains("Du kan inte ta bort din egen administratörsroll.", await response.Content.ReadAsStringAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal([Roles.Administrator], await users.GetRolesAsync((await users.FindByIdAsync(id))!));
    }
}
