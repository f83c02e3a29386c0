using System.Globalization;
using System.Text;
using Finsam.Data.Identity;
using Finsam.Domain.Participants.Import;
using Finsam.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>
/// The log files (and the console) hold no personal data: no personnummer in any form, no names or e-mail
/// addresses, whatever people do, even with Debug logging.
/// </summary>
public sealed class LogPrivacyTests
{
    private sealed class VerboseLogFactory : FinsamFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
        }
    }

    [Fact]
    public async Task Logs_hold_no_email_addresses_of_users()
    {
        await using var factory = new VerboseLogFactory();
        var user = await factory.CreateUserAsync(Roles.Kansli);
        var client = await factory.SignedInClientAsync(user);
        await client.GetAsync("/Deltagare");
        await factory.AnonymousClient().PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = "fel-losenord-9876",
        });
        await client.GetAsync("/finns-inte");

        var logs = await WaitForLogsAsync(factory, "\"RequestPath\":\"/finns-inte\"");
        Assert.Contains("\"RequestPath\":\"/Deltagare\"", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fel-losenord", logs, StringComparison.Ordinal);
    }

    private static string ReadLogs(string folder) => string.Concat(Directory.GetFiles(folder).Select(f =>
    {
        using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }));

    [Fact]
    public async Task Registration_import_search_and_user_administration_log_no_personal_data()
    {
        await using var factory = new VerboseLogFactory();
        await factory.SeedDemoAsync(TestClock.Today.Year);
        var participantsBefore = await factory.WithDbAsync(db => db.Participants.CountAsync());
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        var admin = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Administrator));
        var lastYear = new DateOnly(TestClock.Today.Year - 1, 4, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var insats = await factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P31").Select(i => i.Id).SingleAsync());

        // A user is created with a name and an e-mail address, and tries a wrong password.
        const string name = "Petronella Hemligsson";
        const string email = "petronella.hemligsson@test.finsam.test";
        await admin.PostFormAsync("/Admin/Anvandare/Ny", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = name,
            ["Input.Roles"] = Roles.Kansli,
        });
        await factory.AnonymousClient().PostFormAsync("/Konto/LoggaIn", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "fel-losenord-5555",
        });

        // A participant is registered with a personnummer, found by it, and more are imported from a file.
        await kansli.PostFormAsync("/Deltagare/Ny", new Dictionary<string, string>
        {
            ["Input.PersonalIdentityNumber"] = "19850704-5568",
            ["Input.ConsentDate"] = lastYear,
            ["Input.Gender"] = "Woman",
            ["Input.BirthYear"] = "1985",
            ["Input.HomeMunicipality"] = "Åkerby",
            ["Input.Education"] = "UpperSecondary",
            ["Input.InsatsId"] = insats.ToString(CultureInfo.InvariantCulture),
            ["Input.StartDate"] = lastYear,
            ["Input.SupportAtStart"] = "SicknessBenefit",
            ["Input.TimeInSupportBeforeStart"] = "OneToTwoYears",
        });
        await kansli.PostFormAsync("/Deltagare?handler=Search", new Dictionary<string, string> { ["pnr"] = "198507045568" }, getUrl: "/Deltagare");
        await kansli.GetAsync("/Deltagare?pnr=8507045568");
        var imported = new[] { TestData.Personnummer(77), TestData.Personnummer(78) };
        string Row(string pnr) => string.Join(';', "", "", pnr, lastYear, "Man", pnr[..4], "Strandvik", "Gymnasial", "P31", lastYear, "Försäkringskassan", "Sjukpenning", "1–2 år", "", "", "", "", "");
        var file = Encoding.UTF8.GetBytes(string.Join(';', EnrolmentFileFormat.Columns) + "\r\n" + string.Join("\r\n", imported.Select(Row)) + "\r\n");
        await kansli.UploadAsync("/Deltagare/Import", "fil", "deltagare.csv", file);
        var broken = Encoding.UTF8.GetBytes(string.Join(';', EnrolmentFileFormat.Columns) + "\r\n" + Row("19850704-5569") + "\r\n");
        await kansli.UploadAsync("/Deltagare/Import", "fil", "fel.csv", broken);
        await kansli.GetAsync("/Deltagare/Export?format=csv");
        await kansli.GetAsync("/finns-inte");

        // What the test did really happened.
        Assert.Equal(participantsBefore + 3, await factory.WithDbAsync(db => db.Participants.CountAsync()));
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var logs = await WaitForLogsAsync(factory, "\"RequestPath\":\"/finns-inte\"");
        Assert.Contains("\"RequestPath\":\"/Deltagare/Import\"", logs, StringComparison.Ordinal);
        string[] forbidden =
        [
            name, "Hemligsson", email, "045568", "045569",
            .. imported.SelectMany(p => new[] { p, p.Replace("-", "", StringComparison.Ordinal), p[2..], p[2..].Replace("-", "", StringComparison.Ordinal) }),
        ];
        foreach (var text in forbidden)
        {
            Assert.False(logs.Contains(text, StringComparison.OrdinalIgnoreCase), $"The logs contain \"{text}\".");
        }
    }

    private static async Task<string> WaitForLogsAsync(FinsamFactory factory, string last)
    {
        // Request logging writes when the response has completed: poll for the last request's line, for at most 30 s
        // (generous, so a busy machine does not fail the test; a line that never comes still does).
        var logs = "";
        await Poll.UntilAsync(() => (logs = ReadLogs(Path.Combine(factory.DataDirectory, "logs"))).Contains(last, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.True(logs.Contains(last, StringComparison.Ordinal), logs);
        return logs;
    }
}
