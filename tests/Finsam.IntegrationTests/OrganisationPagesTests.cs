using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Organisation;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>
/// The organisation pages from an empty installation: the förbund, its members and its board entered through the
/// pages (as a förbund going live does), the Swedish messages at the fields, and the Kom igång steps they complete.
/// </summary>
public sealed class OrganisationPagesTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A valid organisation number from its first nine digits (the tenth is the Luhn check digit).</summary>
    private static string Number(string nineDigits) => $"{nineDigits[..6]}-{nineDigits[6..]}{OrganisationNumber.CheckDigit(nineDigits)}";

    private static List<KeyValuePair<string, string>> Federation(string organisationNumber) =>
    [
        new("Input.Name", "Samordningsförbundet Testby"),
        new("Input.OrganisationNumber", organisationNumber),
        new("Input.Seat", "Testby"),
        new("Input.PostalAddress", "Box 1\n123 45 Testby"),
        new("Input.FirstFiscalYear", "2026"),
    ];

    [Fact]
    public async Task A_förbund_is_set_up_from_an_empty_installation_through_the_pages()
    {
        await using var factory = new FinsamFactory();
        var admin = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Administrator));
        var year = TestClock.Today.Year;
        var federationNumber = Number("222000123");

        // A bad organisation number: the Swedish message at the field and in the summary, and nothing saved.
        var wrongCheckDigit = federationNumber[..^1] + (char)('0' + (federationNumber[^1] - '0' + 1) % 10);
        var refused = await admin.PostFormAsync("/Organisation", Federation(wrongCheckDigit));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = Html.Parse(await refused.Content.ReadAsStringAsync());
        var expected = $"Organisationsnumret {wrongCheckDigit} är inte giltigt: kontrollsiffran (den sista) stämmer inte.";
        Assert.Equal(expected, Html.TextOf(form.QuerySelector("#Input_OrganisationNumber-fel")!));
        Assert.Equal("true", form.QuerySelector("#Input_OrganisationNumber")!.GetAttribute("aria-invalid"));
        Assert.Contains("Input_OrganisationNumber-fel", form.QuerySelector("#Input_OrganisationNumber")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(expected, Html.TextOf(form.QuerySelector(".error-summary a[href='#Input_OrganisationNumber']")!));
        Assert.Equal("Samordningsförbundet Testby", form.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Federations.CountAsync()));

        // The förbund is created, then the page edits it.
        var created = await admin.PostFormAsync("/Organisation", Federation(federationNumber.Replace("-", "", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/Organisation/Medlemmar", created.Headers.Location!.OriginalString);
        var federation = await factory.WithDbAsync(db => db.Federations.SingleAsync());
        Assert.Equal(("Samordningsförbundet Testby", federationNumber, "Testby", "Box 1\n123 45 Testby", 2026),
            (federation.Name, federation.OrganisationNumber, federation.Seat, federation.PostalAddress, (int)federation.FirstFiscalYear!));
        var edit = Html.Parse(await admin.GetStringAsync("/Organisation"));
        Assert.Equal("Förbundet", Html.TextOf(edit.QuerySelector("h1")!));
        Assert.Equal(federationNumber, edit.QuerySelector("#Input_OrganisationNumber")!.GetAttribute("value"));

        // The six members: Försäkringskassan, Arbetsförmedlingen, a region and three municipalities.
        var members = new (string Name, string Kind, string? Number)[]
        {
            ("Försäkringskassan", "SocialInsuranceAgency", "202100-5521"),
            ("Arbetsförmedlingen", "PublicEmploymentService", "202100-2114"),
            ("Region Testland", "Region", Number("232100001")),
            ("Testby kommun", "Municipality", Number("212000001")),
            ("Norrby kommun", "Municipality", Number("212000002")),
            ("Söderby kommun", "Municipality", null),
        };
        foreach (var (name, kind, number) in members)
        {
            var added = await admin.PostFormAsync("/Organisation/Medlemmar",
                [new("Input.Name", name), new("Input.Kind", kind), new("Input.OrganisationNumber", number ?? ""), new("Input.MemberFrom", ""), new("Input.MemberTo", "")]);
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, $"{name}: {(int)added.StatusCode} {await added.Content.ReadAsStringAsync()}");
        }

        var list = Html.Parse(await admin.GetStringAsync("/Organisation/Medlemmar"));
        Assert.Equal(6, list.QuerySelectorAll("table tbody tr").Length);
        Assert.Equal(["Region", Number("232100001"), "–", "tills vidare"],
            Html.RowCells(list, "Medlemmar (6)", "Region Testland").Take(4).ToList());

        // A second member with the same name: the message at the name field.
        var duplicate = Html.Parse(await (await admin.PostFormAsync("/Organisation/Medlemmar",
            [new("Input.Name", "Norrby kommun"), new("Input.Kind", "Municipality")])).Content.ReadAsStringAsync());
        Assert.Equal("Det finns redan en medlem som heter Norrby kommun.", Html.TextOf(duplicate.QuerySelector("#Input_Name-fel")!));

        var ids = await factory.WithDbAsync(db => db.Members.ToDictionaryAsync(m => m.Name, m => m.Id));

        // Edit a member and end another's membership.
        var renamed = await admin.PostFormAsync($"/Organisation/Medlem/{ids["Söderby kommun"]}",
        [
            new("Input.Version", await factory.WithDbAsync(db => db.Members.Where(m => m.Name == "Söderby kommun").Select(m => m.Version.ToString()).SingleAsync())),
            new("Input.Name", "Söderby kommun"), new("Input.Kind", "Municipality"), new("Input.OrganisationNumber", Number("212000003")),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(Number("212000003"), await factory.WithDbAsync(db => db.Members.Where(m => m.Name == "Söderby kommun").Select(m => m.OrganisationNumber).SingleAsync()));
        var ended = await admin.PostFormAsync($"/Organisation/Medlemmar?handler=End&id={ids["Söderby kommun"]}",
        [
            new("version", await factory.WithDbAsync(db => db.Members.Where(m => m.Name == "Söderby kommun").Select(m => m.Version.ToString()).SingleAsync())),
            new("sistaDag", $"{year}-12-31"),
        ], getUrl: "/Organisation/Medlemmar");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(new DateOnly(year, 12, 31), await factory.WithDbAsync(db => db.Members.Where(m => m.Name == "Söderby kommun").Select(m => m.MemberTo).SingleAsync()));

        // The board: a ledamot for the region who is ordförande, an auditor appointed by a municipality, a förbundschef.
        var boardMember = await admin.PostFormAsync("/Organisation/Styrelse?handler=BoardMember",
        [
            new("NewBoardMember.Name", "Anna Ordförande"), new("NewBoardMember.MemberId", ids["Region Testland"].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("NewBoardMember.Role", "Ordinary"), new("NewBoardMember.Seat", "1"), new("NewBoardMember.Office", "Chair"),
            new("NewBoardMember.TermFrom", $"{year}-01-01"), new("NewBoardMember.TermTo", $"{year + 1}-12-31"),
        ], getUrl: "/Organisation/Styrelse");
        Assert.True(boardMember.StatusCode == HttpStatusCode.Redirect, await boardMember.Content.ReadAsStringAsync());
        var auditor = await admin.PostFormAsync("/Organisation/Styrelse?handler=Auditor",
        [
            new("NewAuditor.Name", "Rut Revisor"), new("NewAuditor.AppointedByMemberId", ids["Testby kommun"].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("NewAuditor.TermFrom", $"{year}-01-01"),
        ], getUrl: "/Organisation/Styrelse");
        Assert.Equal(HttpStatusCode.Redirect, auditor.StatusCode);
        var director = await admin.PostFormAsync("/Organisation/Styrelse?handler=Director",
            [new("NewDirector.Name", "Cecilia Chef"), new("NewDirector.From", $"{year - 1}-03-01")], getUrl: "/Organisation/Styrelse");
        Assert.Equal(HttpStatusCode.Redirect, director.StatusCode);

        // A term without a start: the message at the field, nothing saved.
        var noStart = Html.Parse(await (await admin.PostFormAsync("/Organisation/Styrelse?handler=Auditor",
            [new("NewAuditor.Name", "Utan Start"), new("NewAuditor.AppointedByMemberId", ids["Testby kommun"].ToString(System.Globalization.CultureInfo.InvariantCulture))],
            getUrl: "/Organisation/Styrelse")).Content.ReadAsStringAsync());
        Assert.Equal("Ange när mandatperioden börjar.", Html.TextOf(noStart.QuerySelector("#NewAuditor_TermFrom-fel")!));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Auditors.CountAsync()));

        var board = Html.Parse(await admin.GetStringAsync($"/Organisation/Styrelse?ar={year}"));
        Assert.Equal(["Region Testland", "Ledamot", "1", "ordförande", $"{year}-01-01–{year + 1}-12-31"],
            Html.RowCells(board, "Ledamöter och ersättare", "Anna Ordförande").Take(5).ToList());
        Assert.Equal(["Testby kommun", $"från {year}-01-01"], Html.RowCells(board, "Revisorer", "Rut Revisor").Take(2).ToList());
        Assert.Equal([$"från {year - 1}-03-01"], Html.RowCells(board, "Förbundschefer", "Cecilia Chef").Take(1).ToList());
        Assert.DoesNotContain(Html.Parse(await admin.GetStringAsync($"/Organisation/Styrelse?ar={year - 1}")).QuerySelectorAll("table caption"),
            c => c.TextContent is "Ledamöter och ersättare" or "Revisorer");

        // The terms are edited on their own pages: the ordförande's term ends, the förbundschef's period gets a last day.
        var assignment = await factory.WithDbAsync(db => db.BoardAssignments.SingleAsync());
        var changedTerm = await admin.PostFormAsync($"/Organisation/Styrelse/Ledamot/{assignment.Id}",
        [
            new("Input.Version", assignment.Version.ToString()), new("Input.Name", "Anna Ordförande"),
            new("Input.MemberId", ids["Region Testland"].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Role", "Ordinary"), new("Input.Seat", "1"), new("Input.Office", "Chair"),
            new("Input.TermFrom", $"{year}-01-01"), new("Input.TermTo", $"{year + 1}-06-30"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, changedTerm.StatusCode);
        Assert.Equal(new DateOnly(year + 1, 6, 30), await factory.WithDbAsync(db => db.BoardAssignments.Select(b => b.TermTo).SingleAsync()));
        var chief = await factory.WithDbAsync(db => db.FederationDirectors.SingleAsync());
        var directorForm = Html.Parse(await admin.GetStringAsync($"/Organisation/Styrelse/Forbundschef/{chief.Id}"));
        Assert.Equal($"{year - 1}-03-01", directorForm.QuerySelector("#Input_From")!.GetAttribute("value"));
        var endedBeforeStart = Html.Parse(await (await admin.PostFormAsync($"/Organisation/Styrelse/Forbundschef/{chief.Id}",
            [new("Input.Version", chief.Version.ToString()), new("Input.Name", "Cecilia Chef"), new("Input.From", $"{year - 1}-03-01"), new("Input.To", $"{year - 2}-12-31")]))
            .Content.ReadAsStringAsync());
        Assert.Equal("Perioden slutar före den börjar.", Html.TextOf(endedBeforeStart.QuerySelector("#Input_To-fel")!));
        var auditorRecord = await factory.WithDbAsync(db => db.Auditors.SingleAsync());
        Assert.Equal("Rut Revisor", Html.Parse(await admin.GetStringAsync($"/Organisation/Styrelse/Revisor/{auditorRecord.Id}"))
            .QuerySelector("#Input_Name")!.GetAttribute("value"));

        // A deputy entered by mistake is removed.
        var deputy = await admin.PostFormAsync("/Organisation/Styrelse?handler=BoardMember",
        [
            new("NewBoardMember.Name", "Fel Ersättare"), new("NewBoardMember.MemberId", ids["Försäkringskassan"].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("NewBoardMember.Role", "Deputy"), new("NewBoardMember.Seat", "1"), new("NewBoardMember.Office", "None"), new("NewBoardMember.TermFrom", $"{year}-01-01"),
        ], getUrl: "/Organisation/Styrelse");
        Assert.Equal(HttpStatusCode.Redirect, deputy.StatusCode);
        var mistake = await factory.WithDbAsync(db => db.BoardAssignments.SingleAsync(b => b.Name == "Fel Ersättare"));
        var deputyPage = $"/Organisation/Styrelse/Ledamot/{mistake.Id}";
        Assert.Equal("Ta bort uppdraget", Html.TextOf(Html.Parse(await admin.GetStringAsync(deputyPage)).QuerySelector("section.remove button")!));

        // Without the tick in the confirmation box nothing is removed, and the box says why.
        var unconfirmed = Html.Parse(await (await admin.PostFormAsync(deputyPage + "?handler=Delete",
            [new("version", mistake.Version.ToString())], getUrl: deputyPage)).Content.ReadAsStringAsync());
        Assert.Equal("Kryssa i rutan för att bekräfta att styrelseuppdraget för Fel Ersättare ska tas bort.", Html.TextOf(unconfirmed.QuerySelector("#bekrafta-fel")!));
        Assert.Equal("Fel Ersättare", unconfirmed.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(2, await factory.WithDbAsync(db => db.BoardAssignments.CountAsync()));
        var removedDeputy = await admin.PostFormAsync(deputyPage + "?handler=Delete",
            [new("version", mistake.Version.ToString()), new("confirm", "true")], getUrl: deputyPage);
        Assert.Equal(HttpStatusCode.Redirect, removedDeputy.StatusCode);
        Assert.Equal(["Anna Ordförande"], await factory.WithDbAsync(db => db.BoardAssignments.Select(b => b.Name).ToListAsync()));

        // A member the board refers to is not removed: the handler's message is shown.
        var regionVersion = await factory.WithDbAsync(db => db.Members.Where(m => m.Name == "Region Testland").Select(m => m.Version.ToString()).SingleAsync());
        var regionPage = $"/Organisation/Medlem/{ids["Region Testland"]}";
        var notRemoved = Html.Parse(await (await admin.PostFormAsync(regionPage + "?handler=Delete",
            [new("version", regionVersion), new("confirm", "true")], getUrl: regionPage)).Content.ReadAsStringAsync());
        Assert.Contains("Region Testland har styrelseledamöter och kan inte tas bort.", Html.TextOf(notRemoved.QuerySelector(".error-summary")!), StringComparison.Ordinal);
        Assert.Equal(6, await factory.WithDbAsync(db => db.Members.CountAsync()));

        // Kom igång: the förbund, the members and the board are done.
        var steps = Html.Parse(await admin.GetStringAsync("/KomIgang")).QuerySelectorAll("li.setup-step")
            .ToDictionary(li => Html.TextOf(li.QuerySelector("h2")!).Replace(Html.TextOf(li.QuerySelector(".badge")!), "", StringComparison.Ordinal).Trim(),
                li => Html.TextOf(li.QuerySelector(".badge")!));
        Assert.Equal("Klart", steps["Förbundet"]);
        Assert.Equal("Klart", steps[$"Medlemmar {year}"]);
        Assert.Equal("Klart", steps[$"Styrelse, revisorer och förbundschef {year}"]);

        // Its links lead to the organisation pages.
        var links = Html.Parse(await admin.GetStringAsync("/KomIgang")).QuerySelectorAll("li.setup-step h2 a").ToDictionary(a => Html.TextOf(a), a => a.GetAttribute("href"));
        Assert.Equal("/Organisation", links["Förbundet"]);
        Assert.Equal("/Organisation/Medlemmar", links[$"Medlemmar {year}"]);
        Assert.Equal("/Organisation/Styrelse", links[$"Styrelse, revisorer och förbundschef {year}"]);
    }

    [Fact]
    public async Task The_logo_is_uploaded_shown_with_its_content_type_and_removed()
    {
        await using var factory = new FinsamFactory();
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));
        Assert.Equal(HttpStatusCode.Redirect, (await chef.PostFormAsync("/Organisation", Federation(Number("222000123")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chef.GetAsync("/Organisation?handler=Logo")).StatusCode);

        // An SVG is refused at the file field; a PNG is kept and served as image/png.
        var svg = await PostWithLogoAsync(chef, factory, "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("Logotypen ska vara en PNG- eller JPEG-bild (SVG och andra format tas inte emot).",
            Html.TextOf(Html.Parse(await svg.Content.ReadAsStringAsync()).QuerySelector("#logotyp-fel")!));
        Assert.Null(await factory.WithDbAsync(db => db.Federations.Select(f => f.Logo).SingleAsync()));

        var tooLarge = await PostWithLogoAsync(chef, factory, "stor.png", [.. Png, .. new byte[FederationLogo.MaxBytes]]);
        Assert.StartsWith("Logotypen får vara högst 512 kB", Html.TextOf(Html.Parse(await tooLarge.Content.ReadAsStringAsync()).QuerySelector("#logotyp-fel")!), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostWithLogoAsync(chef, factory, "logo.png", Png)).StatusCode);
        var logo = await chef.GetAsync("/Organisation?handler=Logo");
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
        Assert.NotNull(Html.Parse(await chef.GetStringAsync("/Organisation")).QuerySelector("img.logo-preview"));

        var version = await factory.WithDbAsync(db => db.Federations.Select(f => f.Version.ToString()).SingleAsync());
        var removed = await chef.PostFormAsync("/Organisation", [.. Federation(Number("222000123")), new("Input.Version", version), new("Input.RemoveLogo", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chef.GetAsync("/Organisation?handler=Logo")).StatusCode);
    }

    /// <summary>Posts the förbund's form with its current version and a logo file, as the browser does (multipart).</summary>
    private static async Task<HttpResponseMessage> PostWithLogoAsync(HttpClient client, FinsamFactory factory, string fileName, byte[] content)
    {
        var token = SignIn.AntiforgeryToken(await client.GetStringAsync("/Organisation"));
        var version = await factory.WithDbAsync(db => db.Federations.Select(f => f.Version.ToString()).SingleAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(version), "Input.Version" },
            { new ByteArrayContent(content), "Logotyp", fileName },
        };
        foreach (var (key, value) in Federation(Number("222000123")))
        {
            form.Add(new StringContent(value), key);
        }

        return await client.PostAsync("/Organisation", form);
    }
}
