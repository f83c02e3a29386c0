using System.Globalization;
using System.Text;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;

namespace Finsam.Data.Demo;

/// <summary>One year of the demo förbund's economy: what was decided (contributions, key, ceiling, budget) and, for a finished year, its ledger as a SIE 4 file.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="MemberContributionTotal">The members' total contribution in kronor.</param>
/// <param name="MunicipalityKey">Each municipality's percentage of the municipalities' part.</param>
/// <param name="EquityCeiling">The equity ceiling recommended for the year.</param>
/// <param name="Budget">Budget per insats code (income, cost); the key "" is the members' contributions.</param>
/// <param name="Sie">The year's ledger as SIE 4 text, or null for the year still running.</param>
public sealed record DemoEconomyYear(
    int Year,
    decimal MemberContributionTotal,
    IReadOnlyList<(Member Member, decimal Percent)> MunicipalityKey,
    decimal EquityCeiling,
    IReadOnlyDictionary<string, (decimal Income, decimal Cost)> Budget,
    string? Sie)
{
    /// <summary>The region's share of the total in the demo's förbundsordning, in percent (the state pays half by law).</summary>
    public decimal RegionPercent { get; init; } = 25m;

    /// <summary>The municipalities' share of the total in the demo's förbundsordning, in percent.</summary>
    public decimal MunicipalityPercent { get; init; } = 25m;
}

/// <summary>
/// Generates the demo förbund's economy for its three years: budgets for all three, and a complete ledger (accounts,
/// balances, vouchers coded with the insatser's project codes) for the two finished years, consistent with each
/// other so every reconciliation check passes. Deterministic for a seed.
/// </summary>
public sealed class DemoEconomy(DemoData data, int lastYear, int seed = 2026)
{
    private readonly Random _random = new(seed);

    /// <summary>Annual cost budgets per insats code (kronor) and the ESF grant of the co-funded insats.</summary>
    private static readonly Dictionary<string, decimal> AnnualCost = new()
    {
        ["P10"] = 1_450_000m, ["P11"] = 260_000m, ["P20"] = 420_000m, ["P21"] = 310_000m, ["P30"] = 2_150_000m,
        ["P31"] = 3_250_000m, ["P32"] = 2_600_000m, ["P33"] = 2_450_000m, ["P34"] = 1_500_000m, ["P35"] = 1_800_000m,
    };

    private const decimal EsfShareOfCost = 0.5m;

    private static readonly (string Number, string Name)[] Accounts =
    [
        ("1510", "Kundfordringar"), ("1790", "Förutbetalda kostnader och upplupna intäkter"), ("1930", "Bank"),
        ("2050", "Eget kapital"), ("2440", "Leverantörsskulder"), ("2990", "Upplupna kostnader och förutbetalda intäkter"),
        ("3010", "Bidrag från medlemmarna"), ("3520", "Bidrag från Europeiska socialfonden"),
        ("5010", "Löner"), ("5620", "Sociala avgifter"), ("6110", "Lokalhyra"), ("6540", "IT-tjänster"),
        ("7010", "Köp av verksamhet från medlemmar"), ("7590", "Arvoden styrelse och revision"),
        ("8410", "Ränteintäkter"),
    ];

    public IReadOnlyList<DemoEconomyYear> Generate()
    {
        var municipalities = data.Members.Where(m => m.Kind == MemberKind.Municipality).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var years = new List<DemoEconomyYear>();
        var opening = new Dictionary<string, decimal>
        {
            ["1510"] = 350_000m, ["1790"] = 60_000m, ["2050"] = -4_100_000m, ["2440"] = -900_000m, ["2990"] = -180_000m,
        };
        opening["1930"] = -opening.Values.Sum();
        Dictionary<string, decimal>? previousClosing = null;
        Dictionary<string, decimal>? previousOpening = null;
        Dictionary<string, decimal>? previousResults = null;
        for (var year = lastYear - 2; year <= lastYear; year++)
        {
            var budget = BudgetOf(year);
            var total = 14_000_000m + 400_000m * (year - (lastYear - 2));
            budget[""] = (total, 0m);
            IReadOnlyList<(Member, decimal)> key = municipalities.Count == 3
                ? [(municipalities[0], 47m), (municipalities[1], 6m), (municipalities[2], 47m)]
                : municipalities.Select(m => (m, Math.Round(100m / municipalities.Count, 2))).ToList();
            string? sie = null;
            if (year < lastYear)
            {
                var (text, closing, results) = Ledger(year, total, budget, opening, previousOpening, previousClosing, previousResults);
                sie = text;
                previousOpening = opening;
                previousClosing = closing;
                previousResults = results;

                // The result is booked to equity at the start of the next year.
                opening = new Dictionary<string, decimal>(closing) { ["2050"] = closing["2050"] + results.Values.Sum() };
            }

            years.Add(new DemoEconomyYear(year, total, key, 2_800_000m, budget, sie));
        }

        return years;
    }

    /// <summary>Days of the year the insats runs, as a share of the year.</summary>
    private static decimal ShareOfYear(Insats insats, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var start = insats.StartDate > from ? insats.StartDate : from;
        var end = insats.EndDate is { } e && e < to ? e : to;
        return end < start ? 0m : Math.Round((end.DayNumber - start.DayNumber + 1) / (decimal)(to.DayNumber - from.DayNumber + 1), 2);
    }

    private Dictionary<string, (decimal Income, decimal Cost)> BudgetOf(int year)
    {
        var budget = new Dictionary<string, (decimal Income, decimal Cost)>(StringComparer.Ordinal);
        foreach (var insats in data.Insatser.Where(i => AnnualCost.ContainsKey(i.Code)))
        {
            var share = ShareOfYear(insats, year);
            if (share == 0m)
            {
                continue;
            }

            var cost = Math.Round(AnnualCost[insats.Code] * share / 10_000m) * 10_000m;
            budget[insats.Code] = (insats.CoFunding is null ? 0m : Math.Round(cost * EsfShareOfCost / 10_000m) * 10_000m, cost);
        }

        return budget;
    }

    private decimal Vary(decimal amount, double low, double high) =>
        Math.Round(amount * (decimal)(low + (_random.NextDouble() * (high - low))), 2, MidpointRounding.AwayFromZero);

    private (string Text, Dictionary<string, decimal> Closing, Dictionary<string, decimal> Results) Ledger(
        int year,
        decimal memberTotal,
        Dictionary<string, (decimal Income, decimal Cost)> budget,
        Dictionary<string, decimal> opening,
        Dictionary<string, decimal>? previousOpening,
        Dictionary<string, decimal>? previousClosing,
        Dictionary<string, decimal>? previousResults)
    {
        var vouchers = new List<(DateOnly Date, string Text, List<(string Account, string? Code, decimal Amount)> Lines)>();
        void Voucher(DateOnly date, string text, params (string Account, string? Code, decimal Amount)[] lines) => vouchers.Add((date, text, [.. lines]));

        // Contributions arrive quarterly; the ESF grant twice a year.
        var quarter = Math.Round(memberTotal / 4m, 2);
        for (var q = 0; q < 4; q++)
        {
            var amount = q < 3 ? quarter : memberTotal - (3 * quarter);
            Voucher(new DateOnly(year, (3 * q) + 1, 15), $"Medlemsbidrag kvartal {q + 1}", ("1930", null, amount), ("3010", null, -amount));
        }

        foreach (var (code, (income, _)) in budget.Where(b => b.Key.Length > 0 && b.Value.Income > 0m))
        {
            var actual = Vary(income, 0.95, 1.05);
            var first = Math.Round(actual / 2m, 2);
            Voucher(new DateOnly(year, 6, 20), $"ESF-utbetalning {code}", ("1930", null, first), ("3520", code, -first));
            Voucher(new DateOnly(year, 12, 10), $"ESF-utbetalning {code}", ("1930", null, actual - first), ("3520", code, -(actual - first)));
        }

        foreach (var (code, (_, cost)) in budget.Where(b => b.Key.Length > 0).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var actual = Vary(cost, 0.82, 1.04);
            switch (code)
            {
                case "P10":
                    // The kansli: salaries and social fees monthly, rent quarterly, IT once.
                    var salaries = Math.Round(actual * 0.60m / 12m, 2);
                    var fees = Math.Round(salaries * 0.3142m, 2);
                    for (var m = 1; m <= 12; m++)
                    {
                        Voucher(new DateOnly(year, m, 25), $"Löner {m:00}", ("5010", code, salaries), ("5620", code, fees), ("1930", null, -(salaries + fees)));
                    }

                    var rent = Math.Round((actual - (12 * (salaries + fees))) * 0.7m / 4m, 2);
                    for (var q = 0; q < 4; q++)
                    {
                        Voucher(new DateOnly(year, (3 * q) + 1, 2), "Lokalhyra", ("6110", code, rent), ("1930", null, -rent));
                    }

                    var it = actual - (12 * (salaries + fees)) - (4 * rent);
                    Voucher(new DateOnly(year, 2, 10), "IT-tjänster", ("6540", code, it), ("1930", null, -it));
                    break;
                case "P11":
                    var half = Math.Round(actual / 2m, 2);
                    Voucher(new DateOnly(year, 6, 30), "Arvoden styrelse", ("7590", code, half), ("1930", null, -half));
                    Voucher(new DateOnly(year, 12, 15), "Arvoden styrelse och revision", ("7590", code, actual - half), ("1930", null, -(actual - half)));
                    break;
                default:
                    var part = Math.Round(actual / 4m, 2);
                    for (var q = 0; q < 4; q++)
                    {
                        var amount = q < 3 ? part : actual - (3 * part);
                        Voucher(new DateOnly(year, (3 * q) + 3, 28), $"Faktura {code} kvartal {q + 1}", ("7010", code, amount), ("1930", null, -amount));
                    }

                    break;
            }
        }

        var interest = Math.Round((decimal)_random.Next(4_000, 16_000), 2);
        Voucher(new DateOnly(year, 12, 31), "Ränta", ("1930", null, interest), ("8410", null, -interest));

        // Year-end accruals: new receivables and liabilities against the bank.
        var closingTargets = new Dictionary<string, decimal>
        {
            ["1510"] = Math.Round((decimal)_random.Next(250_000, 520_000), 2),
            ["1790"] = Math.Round((decimal)_random.Next(30_000, 90_000), 2),
            ["2440"] = -Math.Round((decimal)_random.Next(700_000, 1_300_000), 2),
            ["2990"] = -Math.Round((decimal)_random.Next(120_000, 260_000), 2),
        };
        foreach (var (account, target) in closingTargets)
        {
            var change = target - opening.GetValueOrDefault(account);
            Voucher(new DateOnly(year, 12, 31), $"Periodisering {account}", (account, null, change), ("1930", null, -change));
        }

        var closing = new Dictionary<string, decimal>(opening);
        var results = new Dictionary<string, decimal>();
        foreach (var (account, _, amount) in vouchers.SelectMany(v => v.Lines))
        {
            var target = account[0] is '1' or '2' ? closing : results;
            target[account] = target.GetValueOrDefault(account) + amount;
        }

        var sie = new StringBuilder();
        void Line(string text) => sie.Append(text).Append('\n');
        static string A(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
        static string Q(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        Line("#FLAGGA 0");
        Line("#PROGRAM \"Finsam demodata\" 1.0");
        Line("#FORMAT PC8");
        Line("#SIETYP 4");
        Line($"#FNAMN {Q(data.Federation.Name)}");
        Line($"#ORGNR {data.Federation.OrganisationNumber}");
        Line($"#RAR 0 {year}0101 {year}1231");
        Line($"#RAR -1 {year - 1}0101 {year - 1}1231");
        foreach (var (accountNumber, name) in Accounts)
        {
            Line($"#KONTO {accountNumber} {Q(name)}");
        }

        Line("#DIM 6 \"Projekt\"");
        foreach (var insats in data.Insatser.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            Line($"#OBJEKT 6 {Q(insats.Code)} {Q(insats.Name)}");
        }

        foreach (var (account, amount) in opening.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            Line($"#IB 0 {account} {A(amount)}");
        }

        foreach (var (account, amount) in closing.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            Line($"#UB 0 {account} {A(amount)}");
        }

        foreach (var (account, amount) in results.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            Line($"#RES 0 {account} {A(amount)}");
        }

        foreach (var (kind, balances) in new[] { ("IB", previousOpening), ("UB", previousClosing), ("RES", previousResults) })
        {
            foreach (var (account, amount) in (balances ?? []).OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                Line($"#{kind} -1 {account} {A(amount)}");
            }
        }

        var number = 0;
        foreach (var (date, text, lines) in vouchers.OrderBy(v => v.Date))
        {
            Line($"#VER A {++number} {date:yyyyMMdd} {Q(text)}");
            Line("{");
            foreach (var (account, code, amount) in lines)
            {
                Line($"   #TRANS {account} {{{(code is null ? "" : $"6 {Q(code)}")}}} {A(amount)}");
            }

            Line("}");
        }

        return (sie.ToString(), closing, results);
    }
}
