using System.Net;
using AngleSharp.Dom;
using ClosedXML.Excel;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Finsam.TestSupport.PageText;

namespace Finsam.IntegrationTests;

/// <summary>
/// The auditor's ledger views over the demo's SIE ledgers: huvudbok, verifikationslista, a voucher, the drill-down from
/// a statement line, and their Excel exports; every figure is checked against sums computed here from the vouchers.
/// </summary>
public sealed class LedgerViewsTests(LedgerViewsTests.Fixture fixture) : IClassFixture<LedgerViewsTests.Fixture>
{
    private const int Year = 2024;

    public sealed record Line(long VoucherId, long LineId, string Series, string Number, DateOnly Date, string Account, string? ObjectCode, decimal Amount);

    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public HttpClient Auditor { get; private set; } = null!;

        /// <summary>Every voucher line of the year, read here straight from the tables.</summary>
        public IReadOnlyList<Line> Lines { get; private set; } = [];

        public IReadOnlyDictionary<string, decimal> Openings { get; private set; } = new Dictionary<string, decimal>();

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(2025);
            Lines = await Factory.WithDbAsync(async db =>
            {
                var rows = await (from l in db.VoucherLines
                                  join v in db.Vouchers on l.VoucherId equals v.Id
                                  where db.FiscalYears.Any(y => y.Id == v.FiscalYearId && y.Year == Year)
                                  select new { v.Id, LineId = l.Id, v.Series, v.Number, v.Date, l.Account, l.ObjectCode, l.Amount }).ToListAsync();
                return (IReadOnlyList<Line>)rows.Select(r => new Line(r.Id, r.LineId, r.Series, r.Number, r.Date, r.Account, r.ObjectCode, r.Amount))
                    .OrderBy(r => r.Account, StringComparer.Ordinal).ThenBy(r => r.Date).ThenBy(r => r.VoucherId).ThenBy(r => r.LineId).ToList();
            });
            Openings = await Factory.WithDbAsync(async db => (IReadOnlyDictionary<string, decimal>)(await db.LedgerBalances
                .Where(b => db.FiscalYears.Any(y => y.Id == b.FiscalYearId && y.Year == Year) && b.BalanceYear == Year && b.Kind == LedgerBalanceKind.Opening && b.ObjectCode == null)
                .Select(b => new { b.Account, b.Amount }).ToListAsync())
                .GroupBy(b => b.Account).ToDictionary(g => g.Key, g => g.Sum(b => b.Amount)));
            Auditor = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Auditor));
        }

        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }

    private static string Amount(decimal value) => Plain(SwedishFormat.Number(value, 2));

    private async Task<IDocument> PageAsync(string url)
    {
        var response = await fixture.Auditor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The huvudbok table's voucher rows (those with a voucher link) as cells.</summary>
    private static List<IReadOnlyList<string>> EntryRows(IDocument page) =>
        page.QuerySelectorAll("table.ledger tbody tr").Where(r => r.QuerySelector("a[href*='/Verifikationer/']") is not null).Select(Html.Cells).ToList();

    private static IReadOnlyList<string> BalanceRow(IDocument page, string label) =>
        Html.Cells(page.QuerySelectorAll("table.ledger tbody tr.balance").Last(r => Html.Cells(r)[2] == label));

    [Fact]
    public async Task An_accounts_huvudbok_runs_from_its_opening_balance_through_every_voucher_line_to_its_closing_balance()
    {
        var account = fixture.Lines.GroupBy(l => l.Account).Where(g => fixture.Openings.ContainsKey(g.Key)).MaxBy(g => g.Count())!;
        var lines = account.ToList();
        var opening = fixture.Openings[account.Key];

        var first = await PageAsync($"/Ekonomi/Huvudbok/{Year}?konto={account.Key}");
        Assert.Equal(Amount(opening), BalanceRow(first, "Ingående balans")[6]);
        var rows = EntryRows(first);
        Assert.Equal(Math.Min(100, lines.Count), rows.Count);
        var balance = opening;
        for (var i = 0; i < rows.Count; i++)
        {
            balance += lines[i].Amount;
            Assert.Equal(SwedishFormat.Date(lines[i].Date), rows[i][0]);
            Assert.Equal($"{lines[i].Series} {lines[i].Number}", rows[i][1]);
            Assert.Equal(lines[i].ObjectCode ?? "", rows[i][3]);
            Assert.Equal(lines[i].Amount > 0 ? Amount(lines[i].Amount) : "", rows[i][4]);
            Assert.Equal(lines[i].Amount < 0 ? Amount(-lines[i].Amount) : "", rows[i][5]);
            Assert.Equal(Amount(balance), rows[i][6]);
        }

        var pages = (lines.Count + 99) / 100;
        var last = await PageAsync($"/Ekonomi/Huvudbok/{Year}?konto={account.Key}&sida={pages}");
        if (pages > 1)
        {
            Assert.Equal(Amount(opening + lines.Take((pages - 1) * 100).Sum(l => l.Amount)), BalanceRow(last, "Saldo från föregående sida")[6]);
        }

        Assert.Equal(lines.Count - (pages - 1) * 100, EntryRows(last).Count);
        Assert.Equal(Amount(opening + lines.Sum(l => l.Amount)), BalanceRow(last, "Utgående balans")[6]);
        Assert.Contains(Amount(opening + lines.Sum(l => l.Amount)), last.QuerySelectorAll("dl.facts dd").Select(Html.TextOf));
        // Number columns are right-aligned under headers aligned with them; the wide table scrolls in a labelled, focusable region.
        Assert.Equal(["Debet", "Kredit", "Saldo"], first.QuerySelectorAll("table.ledger thead th.num").Select(Html.TextOf));
        var region = first.QuerySelector("div.table-scroll[role=region][tabindex='0']");
        Assert.NotNull(region);
        Assert.NotNull(first.GetElementById(region.GetAttribute("aria-labelledby")!));
        Assert.Contains("Ekonomi", first.QuerySelectorAll("nav.breadcrumbs a").Select(Html.TextOf));
    }

    [Fact]
    public async Task The_whole_huvudbok_is_paged_across_accounts_and_carries_each_balance_over()
    {
        var all = fixture.Lines;
        var page = await PageAsync($"/Ekonomi/Huvudbok/{Year}?sida=2");
        Assert.Contains($"av {Plain(SwedishFormat.Number(all.Count))}", Html.TextOf(page.QuerySelector("table.ledger caption")!), StringComparison.Ordinal);
        Assert.True(all.Count > 100, "the demo year's huvudbok needs more than one page");
        var rows = EntryRows(page);
        var expected = all.Skip(100).Take(100).ToList();
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var e = expected[i];
            var before = all.TakeWhile(l => l != e).Where(l => l.Account == e.Account).Sum(l => l.Amount);
            Assert.Equal($"{e.Series} {e.Number}", rows[i][1]);
            Assert.Equal(Amount(fixture.Openings.GetValueOrDefault(e.Account) + before + e.Amount), rows[i][6]);
        }

        // Each account that ends on the page closes with opening balance plus all its lines.
        foreach (var account in expected.Select(e => e.Account).Distinct().Where(a => all.Last(l => l.Account == a) is var end && expected.Contains(end)))
        {
            var group = page.QuerySelectorAll("table.ledger tbody tr.group").Single(r => Html.TextOf(r).StartsWith(account + " ", StringComparison.Ordinal));
            var closing = group.NextElementSibling;
            while (closing is not null && !(closing.ClassList.Contains("balance") && Html.Cells(closing)[2] == "Utgående balans"))
            {
                closing = closing.NextElementSibling;
            }

            Assert.NotNull(closing);
            Assert.Equal(Amount(fixture.Openings.GetValueOrDefault(account) + all.Where(l => l.Account == account).Sum(l => l.Amount)), Html.Cells(closing)[6]);
        }
    }

    [Fact]
    public async Task The_huvudbok_query_carries_each_accounts_balance_into_any_slice()
    {
        var all = fixture.Lines;
        foreach (var (skip, take) in new[] { (0, 7), (5, 11), (40, 13), (all.Count - 9, 20) })
        {
            var slice = await fixture.Factory.WithDbAsync(db => db.LedgerAsync(Year, null, skip, take));
            Assert.Equal(all.Count, slice.Total);
            var expected = all.Skip(skip).Take(take).ToList();
            Assert.Equal(expected.Select(e => e.LineId), slice.Rows.Select(r => r.LineId));
            foreach (var (row, e) in slice.Rows.Zip(expected))
            {
                var through = all.TakeWhile(l => l != e).Where(l => l.Account == e.Account).Sum(l => l.Amount) + e.Amount;
                Assert.Equal(fixture.Openings.GetValueOrDefault(e.Account) + through, row.Balance);
            }
        }

        var account = all[all.Count / 2].Account;
        var ofAccount = all.Where(l => l.Account == account).ToList();
        var tail = await fixture.Factory.WithDbAsync(db => db.LedgerAsync(Year, account, ofAccount.Count - 1, 5));
        Assert.Equal(ofAccount.Count, tail.Total);
        Assert.Equal(fixture.Openings.GetValueOrDefault(account) + ofAccount.Sum(l => l.Amount), Assert.Single(tail.Rows).Balance);
    }

    [Fact]
    public async Task The_voucher_list_is_searched_by_number_date_amount_account_and_project_code()
    {
        var vouchers = fixture.Lines.GroupBy(l => l.VoucherId).OrderBy(g => g.First().Date).ThenBy(g => g.Key).ToList();
        async Task<(int Total, List<IReadOnlyList<string>> Rows)> SearchAsync(string query)
        {
            var page = await PageAsync($"/Ekonomi/Verifikationer/{Year}?{query}");
            Assert.Empty(page.QuerySelectorAll(".field-error"));
            var caption = Html.TextOf(page.QuerySelector("table.ledger caption")!);
            var count = new string(caption.TakeWhile(c => !char.IsLetter(c)).Where(char.IsDigit).ToArray());
            return (int.Parse(count, System.Globalization.CultureInfo.InvariantCulture),
                page.QuerySelectorAll("table.ledger tbody tr").Select(Html.Cells).ToList());
        }

        var (total, rows) = await SearchAsync("");
        Assert.Equal(vouchers.Count, total);
        Assert.Equal(vouchers.Take(50).Select(v => $"{v.First().Series} {v.First().Number}"), rows.Select(r => r[0]));
        Assert.Equal(vouchers.Take(50).Select(v => Amount(v.Where(l => l.Amount > 0).Sum(l => l.Amount))), rows.Select(r => r[4]));

        var account = fixture.Lines.GroupBy(l => l.Account).OrderBy(g => g.Count()).First(g => g.Count() > 3).Key;
        Assert.Equal(vouchers.Count(v => v.Any(l => l.Account == account)), (await SearchAsync($"konto={account}")).Total);
        var group = account[..2];
        Assert.Equal(vouchers.Count(v => v.Any(l => l.Account.StartsWith(group, StringComparison.Ordinal))), (await SearchAsync($"konto={group}")).Total);

        var code = fixture.Lines.First(l => l.ObjectCode is not null).ObjectCode!;
        Assert.Equal(vouchers.Count(v => v.Any(l => l.ObjectCode == code)), (await SearchAsync($"projekt={code.ToLowerInvariant()}")).Total);

        var (from, to) = (new DateOnly(Year, 3, 1), new DateOnly(Year, 3, 31));
        var march = await SearchAsync($"fran={from:yyyy-MM-dd}&till={to:yyyy-MM-dd}");
        Assert.Equal(vouchers.Count(v => v.First().Date >= from && v.First().Date <= to), march.Total);

        var amount = vouchers[vouchers.Count / 2].First().Amount;
        var byAmount = await SearchAsync($"belopp={Uri.EscapeDataString(SwedishFormat.Number(Math.Abs(amount), 2))}");
        Assert.Equal(vouchers.Count(v => v.Any(l => Math.Abs(l.Amount) == Math.Abs(amount))), byAmount.Total);

        var one = vouchers[7].First();
        var (exact, found) = await SearchAsync($"nummer={one.Series}{one.Number}&konto={one.Account}");
        Assert.Equal(1, exact);
        Assert.Equal($"{one.Series} {one.Number}", found[0][0]);

        // The voucher opens with its lines, each account linking to its huvudbok.
        var voucher = await PageAsync($"/Ekonomi/Verifikationer/{Year}/{one.VoucherId}");
        var lines = voucher.QuerySelectorAll("table.ledger tbody tr").Select(Html.Cells).ToList();
        Assert.Equal(vouchers[7].OrderBy(l => l.LineId).Select(l => l.Account), lines.Select(l => l[0]));
        Assert.Equal(Amount(vouchers[7].Where(l => l.Amount > 0).Sum(l => l.Amount)), Html.Cells(voucher.QuerySelector("table.ledger tfoot tr")!)[1]);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Auditor.GetAsync($"/Ekonomi/Verifikationer/{Year + 1}/{one.VoucherId}")).StatusCode);
    }

    [Fact]
    public async Task Bad_search_input_gets_a_Swedish_message_at_each_field_and_keeps_what_was_typed()
    {
        var page = await PageAsync($"/Ekonomi/Verifikationer/{Year}?nummer=%3Cx%3E&fran=2024-02-30&till=ig%C3%A5r&belopp=12abc&konto=19x&projekt=P1&sida=nio");
        Assert.StartsWith("Fel: Verifikationslista", page.Title, StringComparison.Ordinal);
        Assert.Contains("verifikationsnumret", page.GetElementById("nummer-fel")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ange från-datumet som ÅÅÅÅ-MM-DD, till exempel 2025-03-31.", page.GetElementById("fran-fel")!.TextContent);
        Assert.Equal("Ange till-datumet som ÅÅÅÅ-MM-DD, till exempel 2025-03-31.", page.GetElementById("till-fel")!.TextContent);
        Assert.Contains("beloppet i kronor", page.GetElementById("belopp-fel")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("kontot med siffror", page.GetElementById("konto-fel")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("projekt-fel"));
        Assert.Equal("true", page.GetElementById("belopp")!.GetAttribute("aria-invalid"));
        Assert.Equal("12abc", page.GetElementById("belopp")!.GetAttribute("value"));
        Assert.Equal(5, page.QuerySelectorAll(".error-summary li a").Length);
        Assert.Null(page.QuerySelector("table.ledger"));

        var reversed = await PageAsync($"/Ekonomi/Verifikationer/{Year}?fran=2024-05-01&till=2024-04-01");
        Assert.Equal("Från-datumet ligger efter till-datumet.", reversed.GetElementById("fran-fel")!.TextContent);
        var tooPrecise = await PageAsync($"/Ekonomi/Verifikationer/{Year}?belopp=1,005");
        Assert.NotNull(tooPrecise.GetElementById("belopp-fel"));

        var ledger = await PageAsync($"/Ekonomi/Huvudbok/{Year}?konto=99999&sida=-3");
        Assert.Equal($"Kontot 99999 finns inte i bokföringen för {Year}. Välj ett konto i listan.", ledger.GetElementById("konto-fel")!.TextContent);
        Assert.Equal("true", ledger.GetElementById("konto")!.GetAttribute("aria-invalid"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Auditor.GetAsync($"/Ekonomi/Huvudbok/{Year}?sida=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Auditor.GetAsync("/Ekonomi/Huvudbok/1999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Auditor.GetAsync($"/Ekonomi/Rakenskaper/{Year}/Rad/99")).StatusCode);
    }

    [Fact]
    public async Task The_exports_are_workbooks_with_numbers_as_numbers_and_sums_as_the_vouchers()
    {
        var account = fixture.Lines.GroupBy(l => l.Account).Where(g => fixture.Openings.ContainsKey(g.Key)).MaxBy(g => g.Count())!;
        var response = await fixture.Auditor.GetAsync($"/Ekonomi/Huvudbok/{Year}?handler=Excel&konto={account.Key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        using (var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync())))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal(["Konto", "Kontonamn", "Datum", "Serie", "Verifikationsnummer", "Text", "Projektkod", "Debet", "Kredit", "Saldo"],
                Enumerable.Range(1, 10).Select(c => sheet.Cell(1, c).GetString()));
            var last = sheet.LastRowUsed()!.RowNumber();
            Assert.Equal(account.Count() + 3, last);
            Assert.Equal("Ingående balans", sheet.Cell(2, 6).GetString());
            Assert.Equal(fixture.Openings[account.Key], sheet.Cell(2, 10).GetValue<decimal>());
            Assert.Equal("Utgående balans", sheet.Cell(last, 6).GetString());
            var closing = sheet.Cell(last, 10);
            Assert.Equal(XLDataType.Number, closing.DataType);
            Assert.Equal("#,##0.00", closing.Style.NumberFormat.Format);
            Assert.Equal(fixture.Openings[account.Key] + account.Sum(l => l.Amount), closing.GetValue<decimal>());
            Assert.Equal(XLDataType.DateTime, sheet.Cell(3, 3).DataType);
            var debit = Enumerable.Range(3, last - 3).Sum(r => sheet.Cell(r, 8).IsEmpty() ? 0m : sheet.Cell(r, 8).GetValue<decimal>());
            var credit = Enumerable.Range(3, last - 3).Sum(r => sheet.Cell(r, 9).IsEmpty() ? 0m : sheet.Cell(r, 9).GetValue<decimal>());
            Assert.Equal(account.Sum(l => l.Amount), debit - credit);
        }

        using (var whole = new XLWorkbook(new MemoryStream(await fixture.Auditor.GetByteArrayAsync($"/Ekonomi/Huvudbok/{Year}?handler=Excel"))))
        {
            var accounts = await fixture.Factory.WithDbAsync(db => db.AccountsAsync(Year));
            Assert.Equal(1 + fixture.Lines.Count + 2 * accounts.Count, whole.Worksheet(1).LastRowUsed()!.RowNumber());
        }

        var code = fixture.Lines.First(l => l.ObjectCode is not null).ObjectCode!;
        var list = await fixture.Auditor.GetAsync($"/Ekonomi/Verifikationer/{Year}?projekt={code}&handler=Excel");
        Assert.True(list.Headers.CacheControl?.NoStore);
        using (var workbook = new XLWorkbook(new MemoryStream(await list.Content.ReadAsByteArrayAsync())))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal(["Serie", "Verifikationsnummer", "Datum", "Verifikationstext", "Konto", "Kontonamn", "Projektkod", "Radtext", "Debet", "Kredit"],
                Enumerable.Range(1, 10).Select(c => sheet.Cell(1, c).GetString()));
            var matching = fixture.Lines.Where(l => fixture.Lines.Any(o => o.VoucherId == l.VoucherId && o.ObjectCode == code)).ToList();
            var last = sheet.LastRowUsed()!.RowNumber();
            Assert.Equal(matching.Count + 1, last);
            var debit = Enumerable.Range(2, last - 1).Sum(r => sheet.Cell(r, 9).IsEmpty() ? 0m : sheet.Cell(r, 9).GetValue<decimal>());
            Assert.Equal(matching.Where(l => l.Amount > 0).Sum(l => l.Amount), debit);
            Assert.Equal(XLDataType.Number, sheet.Cell(2, 9).IsEmpty() ? sheet.Cell(2, 10).DataType : sheet.Cell(2, 9).DataType);
        }
    }

    [Fact]
    public async Task From_a_line_of_the_resultatrakning_the_accounts_reach_vouchers_that_sum_to_the_line()
    {
        var statements = await fixture.Factory.WithDbAsync(db => db.StatementsForYearAsync(Year));
        var costs = statements!.Current.Income.OperatingCosts;
        Assert.True(costs < 0m);

        var page = await PageAsync($"/Ekonomi/Rakenskaper/{Year}");
        var link = page.QuerySelectorAll("a").Single(a => Html.TextOf(a) == "Verksamhetens kostnader" && a.GetAttribute("href")!.Contains("/Rad/", StringComparison.Ordinal));
        var line = await PageAsync(link.GetAttribute("href")!);
        Assert.Contains($"{Amount(costs)} kr", Html.TextOf(line.QuerySelector("main p")!), StringComparison.Ordinal);

        var accountLinks = line.QuerySelectorAll("table.ledger tbody th a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(accountLinks);
        var reached = 0m;
        var voucherLinks = new List<string>();
        foreach (var href in accountLinks)
        {
            var sida = 1;
            while (true)
            {
                var ledger = await PageAsync($"{href}&sida={sida}");
                foreach (var row in ledger.QuerySelectorAll("table.ledger tbody tr").Where(r => r.QuerySelector("a[href*='/Verifikationer/']") is not null))
                {
                    var cells = Html.Cells(row);
                    decimal Parse(string text) => text.Length == 0 ? 0m : decimal.Parse(text.Replace(" ", "", StringComparison.Ordinal).Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
                    reached += Parse(cells[4]) - Parse(cells[5]);
                    voucherLinks.Add(row.QuerySelector("a[href*='/Verifikationer/']")!.GetAttribute("href")!);
                }

                if (ledger.QuerySelector("a[rel=next]") is null)
                {
                    break;
                }

                sida++;
            }
        }

        Assert.Equal(costs, -reached);
        Assert.Equal(fixture.Lines.Count(l => accountLinks.Any(h => h.EndsWith("konto=" + l.Account, StringComparison.Ordinal))), voucherLinks.Count);
        var voucher = await PageAsync(voucherLinks[0]);
        Assert.StartsWith("Verifikation ", Html.TextOf(voucher.QuerySelector("h1")!), StringComparison.Ordinal);
        Assert.Contains(voucher.QuerySelectorAll("table.ledger tbody th a"), a => accountLinks.Contains(a.GetAttribute("href")!));

        // The saldobalans links each account to its huvudbok.
        var trial = await PageAsync($"/Ekonomi/Saldon/{Year}");
        Assert.Contains(trial.QuerySelectorAll("table tbody th a"), a => a.GetAttribute("href") == accountLinks[0]);
    }
}
