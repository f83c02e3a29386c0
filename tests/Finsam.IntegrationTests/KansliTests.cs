using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Reports;
using Finsam.Reporting.AnnualReport;
using Finsam.TestSupport;
using Finsam.Web.Features.AnnualReport;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>
/// The kansli register (/Organisation/Kansli): entered and changed through its pages with Swedish messages at the field,
/// audited, refused where it would change a closed year, and worded in the report's organisation part.
/// </summary>
public sealed class KansliTests : IAsyncLifetime, IDisposable
{
    private FinsamFactory _factory = null!;
    private HttpClient _chef = null!;

    public async Task InitializeAsync()
    {
        _factory = new FinsamFactory();
        await _factory.SeedDemoAsync(2026);
        _chef = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Director));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> Form(string prefix, string name, string title, string percent, string from, string to = "") => new()
    {
        [$"{prefix}.Name"] = name, [$"{prefix}.Title"] = title, [$"{prefix}.EmploymentPercent"] = percent, [$"{prefix}.From"] = from, [$"{prefix}.To"] = to,
    };

    [Fact]
    public async Task The_report_s_organisation_part_words_the_year_s_kansli_from_the_register()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var model = (await scope.ServiceProvider.GetRequiredService<AnnualReportService>().BuildAsync(2025, CancellationToken.None))!;
        var blocks = model.Sections.Single(s => s.Kind == ReportSectionKind.AdministrationReport).Blocks;
        Assert.Contains(blocks, b => b is ParagraphBlock { Text: "Kansliet har under 2025 bestått av förbundschef 100\u00a0%, administratör 20\u00a0%, ekonom 50\u00a0%, processledare 75\u00a0% och kommunikatör 50\u00a0% (från 2025-03-01)." });
        var table = blocks.OfType<TableBlock>().Single(t => t.Table.Key == "Kansli").Table;
        Assert.Equal(["Anna Demo", "Tove Malm", "Erik Sandberg", "Leila Haddad", "Jonas Ek"], table.Rows.Select(r => r.Cells[0].Text));
        Assert.Equal(0.2m, table.Rows[1].Cells[2].Number);

        // The first year, before the kommunikatör started.
        var first = (await scope.ServiceProvider.GetRequiredService<AnnualReportService>().BuildAsync(2024, CancellationToken.None))!;
        Assert.Contains(first.Sections.SelectMany(s => s.Blocks), b => b is ParagraphBlock { Text: "Kansliet har under 2024 bestått av förbundschef 100\u00a0%, administratör 20\u00a0%, ekonom 50\u00a0% och processledare 75\u00a0%." });
    }

    [Fact]
    public async Task The_kansli_is_entered_and_changed_through_its_pages_and_a_closed_year_is_left_as_it_was()
    {
        // A bad tjänstgöringsgrad: the message at the field, nothing saved.
        var before = await _factory.WithDbAsync(db => db.StaffMembers.CountAsync());
        var refused = await _chef.PostFormAsync("/Organisation/Kansli", Form("NewStaff", "Petra Nord", "utredare", "hälften", "2026-02-01"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Skriv tjänstgöringsgraden som ett tal större än 0 och högst 100 (procent), t.ex. 50 eller 12,5.",
            Html.TextOf(form.QuerySelector("#NewStaff_EmploymentPercent-fel")!));
        Assert.Equal("Petra Nord", form.QuerySelector("#NewStaff_Name")!.GetAttribute("value"));
        Assert.Equal(before, await _factory.WithDbAsync(db => db.StaffMembers.CountAsync()));

        // Added, listed, audited.
        var added = await _chef.PostFormAsync("/Organisation/Kansli", Form("NewStaff", "Petra Nord", "utredare", "12,5 %", "2026-02-01"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = Html.Parse(await _chef.GetStringAsync("/Organisation/Kansli"));
        var row = list.QuerySelectorAll("table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Petra Nord");
        Assert.Equal(["Utredare", "12,5\u00a0%", "från 2026-02-01"], row.QuerySelectorAll("td").Take(3).Select(c => c.TextContent.Trim()));
        var petra = await _factory.WithDbAsync(db => db.StaffMembers.SingleAsync(s => s.Name == "Petra Nord"));
        Assert.Equal(12.5m, petra.EmploymentPercent);
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "StaffMember" && e.Details!.Contains("Petra Nord, utredare 12,5"))));

        // 2024 closed: the ekonom's tjänstgöringsgrad cannot change (it would change 2024's report), but an end date after it can be set.
        await _factory.WithDbAsync(db => db.FiscalYears.Where(y => y.Year == 2024)
            .ExecuteUpdateAsync(s => s.SetProperty(y => y.Status, Domain.Economy.FiscalYearStatus.Closed)));
        var erik = await _factory.WithDbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Name == "Erik Sandberg"));
        var url = $"/Organisation/Kansli/{erik.Id}";
        var edit = Html.Parse(await _chef.GetStringAsync(url));
        Assert.Equal("50", edit.QuerySelector("#Input_EmploymentPercent")!.GetAttribute("value"));
        var version = edit.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var changed = Form("Input", "Erik Sandberg", "ekonom", "60", "2024-01-01");
        changed["Input.Version"] = version;
        var closed = await _chef.PostFormAsync(url, changed, url);
        Assert.Equal(WritePath.ClosedYearMessage(2024), Html.TextOf(Html.Parse(await closed.Content.ReadAsStringAsync()).QuerySelector("#Input_From-fel")!));
        var ended = Form("Input", "Erik Sandberg", "ekonom", "50", "2024-01-01", "2026-06-30");
        ended["Input.Version"] = version;
        Assert.Equal(HttpStatusCode.Redirect, (await _chef.PostFormAsync(url, ended, url)).StatusCode);
        Assert.Equal((50m, new DateOnly(2026, 6, 30)), await _factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == erik.Id).Select(s => new ValueTuple<decimal, DateOnly>(s.EmploymentPercent, s.To!.Value)).SingleAsync()));

        // Removing a period that covers the closed year is refused too.
        var remove = await _chef.PostFormAsync($"{url}?handler=Delete", new Dictionary<string, string> { ["version"] = await _factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == erik.Id).Select(s => s.Version.ToString()).SingleAsync()), ["confirm"] = "true" }, url);
        Assert.Contains(WritePath.ClosedYearMessage(2024), await remove.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await _factory.WithDbAsync(db => db.StaffMembers.AnyAsync(s => s.Id == erik.Id)));
    }
}
