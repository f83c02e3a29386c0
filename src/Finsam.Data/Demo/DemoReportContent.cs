using Finsam.Domain.Formatting;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Finsam.Domain.Reports;

namespace Finsam.Data.Demo;

/// <summary>
/// The written parts of the demo förbund's annual reports for its finished years: the chair's foreword, the
/// förvaltningsberättelse, väsentliga händelser, förväntad utveckling and the board members who sign. Figures in the text are taken from the generated data
/// (contributions, the insatser that ran), never typed in, so they agree with the report's tables.
/// </summary>
internal static class DemoReportContent
{
    private const string Author = "demo";

    /// <summary>The board's ledamöter (<see cref="DemoOrganisation"/>), chair first, with the titles they sign with.</summary>
    private static readonly (string Name, string Title)[] Board = DemoOrganisation.Ordinary
        .Select(o => (o.Name, (o.Office switch { BoardOffice.Chair => "Ordförande", BoardOffice.ViceChair => "Vice ordförande", _ => "Ledamot" }) + ", " + o.Member))
        .ToArray();

    public static IEnumerable<ReportText> Texts(DemoData data, DemoEconomyYear economy, DateTime savedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(economy);
        var year = economy.Year;
        var ran = data.Insatser.Where(i => i.StartDate.Year <= year && (i.EndDate is null || i.EndDate.Value.Year >= year)).ToList();
        var individual = ran.Count(i => i.Kind == InsatsKind.Individual);
        var structural = ran.Count(i => i.Kind == InsatsKind.Structural);
        var millions = SwedishFormat.Number(economy.MemberContributionTotal / 1_000_000m, 1);
        var name = data.Federation.Name;

        yield return Text(year, ReportSectionKind.ChairmanForeword, savedAtUtc, $"""
            Verksamhetsåret {year} har präglats av ett fortsatt nära samarbete mellan förbundets medlemmar. Behovet av
            samordnade insatser för personer som står långt från arbetsmarknaden är fortsatt stort, och förbundet har
            under året kunnat finansiera insatser i alla tre kommunerna.

            Styrelsen har under året särskilt följt hur många deltagare som går vidare till arbete eller studier, och hur
            resultaten skiljer sig mellan kvinnor och män. Måluppfyllelsen redovisas i den här årsredovisningen och per
            insats i bilagan.

            Jag vill tacka medarbetarna i insatserna, kansliet och medlemmarnas företrädare för ett engagerat arbete
            under {year}.

            *{Board[0].Name}, ordförande*
            """);

        yield return Text(year, ReportSectionKind.AdministrationReport, savedAtUtc, $"""
            Förvaltningsberättelsen innehåller en översiktlig redogörelse för verksamhetens utveckling och resultat samt
            det ekonomiska utfallet för {year}, i enlighet med lagen (2018:597) om kommunal bokföring och redovisning i
            tillämpliga delar. Till redovisningen hör en bilaga med insatsernas måluppfyllelse och deltagarflöden.

            ## Sammanfattning av verksamhetsåret

            - {name} har under {year} finansierat **{individual} individinriktade insatser** och
              **{structural} strukturinriktade insatser**.
            - Verksamheten har finansierats med medlemsbidrag på totalt **{millions} miljoner kronor**.
            - Kansliet har arbetat med att följa upp deltagarnas resultat per insats och kön, som underlag för
              styrelsens prioriteringar.

            ## Om förbundet

            {name} är en fristående offentligrättslig juridisk person enligt lagen (2003:1210) om finansiell
            samordning av rehabiliteringsinsatser. Medlemmar är Försäkringskassan, Arbetsförmedlingen, Region Norrsund
            och Åkerby, Strandviks och Bergsjö kommuner. Försäkringskassan står för statens andel av bidragen (hälften),
            regionen för en fjärdedel och kommunerna tillsammans för en fjärdedel enligt en fördelningsnyckel.

            ## Styrning och uppföljning

            Styrelsen består av sex ledamöter, en utsedd av varje medlem. Styrelsen har under året haft sex
            sammanträden. Insatserna följs upp genom registreringar av deltagare och avslut, och genom
            insatsernas rapporter till kansliet.
            """);

        yield return Text(year, ReportSectionKind.SignificantEvents, savedAtUtc, $"""
            Under {year} har förbundet finansierat {individual} individinriktade och {structural} strukturinriktade
            insatser. Några insatser kom i gång senare än planerat, vilket förklarar en del av avvikelsen mot budget i
            driftsredovisningen.

            Inga väsentliga händelser har inträffat efter räkenskapsårets slut.
            """);

        yield return Text(year, ReportSectionKind.ExpectedDevelopment, savedAtUtc, $"""
            Behovet av samordnade insatser väntas öka de närmaste åren, särskilt för unga vuxna och för personer som
            länge har stått utanför arbetsmarknaden. Styrelsen har i verksamhetsplanen för {year + 1} prioriterat
            insatser som når fler deltagare, och att det egna kapitalet ska användas i verksamheten så att det ligger
            under den rekommenderade nivån.
            """);
    }

    public static IEnumerable<ReportSignatory> Signatories(int year) =>
        Board.Select((member, index) => new ReportSignatory { Year = year, Order = index + 1, Name = member.Name, Title = member.Title });

    private static ReportText Text(int year, ReportSectionKind kind, DateTime savedAtUtc, string markdown) => new()
    {
        Year = year,
        Kind = kind,
        Version = 1,
        Markdown = markdown.Replace("\r\n", "\n", StringComparison.Ordinal),
        SavedBy = Author,
        SavedAtUtc = savedAtUtc,
    };
}
