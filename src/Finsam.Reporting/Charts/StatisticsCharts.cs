using System.Globalization;
using Finsam.Domain.Formatting;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;

namespace Finsam.Reporting.Charts;

/// <summary>The charts of participant statistics, shared by the board's dashboard and the annual report.</summary>
public static class StatisticsCharts
{
    /// <summary>Current participants per insats, women, men and other stacked.</summary>
    public static ChartData ParticipantsPerInsats(int year, IReadOnlyList<(string Insats, ParticipantStatistics Statistics)> insatser)
    {
        ArgumentNullException.ThrowIfNull(insatser);
        return new ChartData(
            $"Deltagare per insats {year}",
            $"Aktuella deltagare (deltaganden) per insats {year}, uppdelat på kvinnor, män och annat/ej angivet.",
            insatser.Select(i => i.Insats).ToList(),
            [
                new("Kvinnor", insatser.Select(i => (decimal?)i.Statistics.Current.Women).ToList()),
                new("Män", insatser.Select(i => (decimal?)i.Statistics.Current.Men).ToList()),
                new("Annat/ej angivet", insatser.Select(i => (decimal?)i.Statistics.Current.OtherOrUnspecified).ToList()),
            ]);
    }

    /// <summary>
    /// A breakdown of participants (per hemkommun, remitterad av, åldersgrupp, tid i försörjning, avslutsorsak och
    /// underkod): one bar per category, kvinnor, män and annat/ej angivet stacked in the colours of every other chart,
    /// the category's total at the bar's end. The same figures are in the table beside the chart.
    /// </summary>
    /// <param name="title">The chart's title (the table's caption).</param>
    /// <param name="rows">The categories in the table's order, each with its counts.</param>
    public static ChartData Breakdown(string title, IReadOnlyList<(string Label, GenderCounts Counts)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new ChartData(
            title,
            $"{title}: en stapel per kategori med kvinnor, män och annat/ej angivet staplade och summan vid stapelns slut. Samma uppgifter finns i tabellen.",
            rows.Select(r => r.Label).ToList(),
            [
                new("Kvinnor", rows.Select(r => (decimal?)r.Counts.Women).ToList()),
                new("Män", rows.Select(r => (decimal?)r.Counts.Men).ToList()),
                new("Annat/ej angivet", rows.Select(r => (decimal?)r.Counts.OtherOrUnspecified).ToList()),
            ]);
    }

    /// <summary>The share of the ended per end reason, for women, men and all.</summary>
    public static ChartData OutcomesByGender(int year, ParticipantStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var reasons = Enum.GetValues<EndReason>();
        ChartSeries Series(string name, Gender? gender)
        {
            var shares = reasons.Select(r => statistics.EndedShare(gender, r)).ToList();
            return new ChartSeries(name, shares.Select(s => s.Fraction * 100m).ToList(), shares.Select(SwedishFormat.ShareWithBasis).ToList()) { Shares = shares };
        }

        return new ChartData(
            $"Avslutsorsak per kön {year}",
            $"Andel av de avslutade {year} per avslutsorsak, för kvinnor, män och alla. Andelen räknas på de avslutade i gruppen.",
            reasons.Select(SwedishNames.Of).ToList(),
            [Series("Kvinnor", Gender.Woman), Series("Män", Gender.Man), Series("Alla", null)],
            ChartValueFormat.Percent);
    }

    /// <summary>Current, new and ended participants and unique individuals per year.</summary>
    public static ChartData FlowTrend(IReadOnlyList<ParticipantStatistics> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return new ChartData(
            "Deltagare per år",
            "Förbundets aktuella, nya och avslutade deltagare samt unika individer per år.",
            years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)).ToList(),
            [
                new("Aktuella", years.Select(y => (decimal?)y.Current.Total).ToList()),
                new("Nya", years.Select(y => (decimal?)y.New.Total).ToList()),
                new("Avslutade", years.Select(y => (decimal?)y.Ended.Total).ToList()),
                new("Unika individer", years.Select(y => (decimal?)y.Flow.UniqueIndividuals).ToList()),
            ]);
    }

    /// <summary>The share of the ended who went to work or studies per year, for women, men and all.</summary>
    public static ChartData WorkOrStudiesTrend(IReadOnlyList<ParticipantStatistics> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        ChartSeries Series(string name, Gender? gender)
        {
            var shares = years.Select(y => y.WorkOrStudiesShare(gender)).ToList();
            return new ChartSeries(name, shares.Select(s => s.Fraction * 100m).ToList(), shares.Select(SwedishFormat.ShareWithBasis).ToList()) { Shares = shares };
        }

        return new ChartData(
            "Andel till arbete eller studier per år",
            "Andel av förbundets avslutade deltagare som gick till arbete eller studier, per år och kön.",
            years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)).ToList(),
            [Series("Kvinnor", Gender.Woman), Series("Män", Gender.Man), Series("Alla", null)],
            ChartValueFormat.Percent);
    }
}
