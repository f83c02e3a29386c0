using Finsam.Domain.Formatting;

namespace Finsam.Web.Features.Goals;

/// <summary>How indicator survey figures are written, on the goals pages and in the report's bilaga.</summary>
public static class SurveyText
{
    /// <summary>What "klart positiva" means, printed under every survey table (docs/goals.md).</summary>
    public const string Note = "Klart positiva = svar i skalans positiva ände (5–6 på indikatorenkätens sexgradiga skala). "
        + "Svarsfrekvens = svarande av tillfrågade. Riket = jämförelsevärdet som angetts för omgången; skillnad i procentenheter.";

    /// <summary>What a survey table with hidden cells prints (<see cref="Finsam.Domain.Goals.SurveySmallCells"/>).</summary>
    public const string SmallCellsNote = "<5 = 1–4 svarande; .. = andel dold eftersom den bygger på svar från 1–4 personer eller skulle låta ett sådant svar räknas fram.";

    /// <summary>A percentage as "62 %", or "–" when unknown.</summary>
    public static string Percent(decimal? percent) => percent is { } p ? SwedishFormat.Number(p, 0) + " %" : "–";

    /// <summary>A difference in percentage points with its sign, "+4 procentenheter", or "–" when unknown.</summary>
    public static string Points(decimal? points) => points is null ? "–" : PointsWithSign(points) + " procentenheter";

    /// <summary>A difference in whole percentage points with its sign and no unit ("+4", "−7", "±0"; a column says the unit), or "–" when unknown.</summary>
    public static string PointsWithSign(decimal? points) => points is { } exact && Math.Round(exact, 0, MidpointRounding.AwayFromZero) is var d
        ? (d > 0 ? "+" : d < 0 ? "−" : "±") + SwedishFormat.Number(Math.Abs(d), 0)
        : "–";
}
