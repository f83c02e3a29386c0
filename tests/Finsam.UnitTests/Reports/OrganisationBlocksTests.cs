using Finsam.Data.Queries;
using Finsam.Domain.Organisation;
using Finsam.Reporting.AnnualReport;
using Finsam.Web.Features.AnnualReport;

namespace Finsam.UnitTests.Reports;

/// <summary>The förvaltningsberättelse's organisation part comes from the year's records: members, board, auditors, förbundschef, kansli.</summary>
public sealed class OrganisationBlocksTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly DateOnly End = new(2025, 12, 31);

    [Fact]
    public void The_year_s_members_board_auditors_and_director_are_written_from_the_records()
    {
        var region = new Member { Id = 1, Name = "Region Norr", Kind = MemberKind.Region };
        var akerby = new Member { Id = 2, Name = "Åkerby kommun", Kind = MemberKind.Municipality, MemberFrom = new(2025, 7, 1) };
        var federation = new Federation { Name = "Samordningsförbundet Älvdalen", OrganisationNumber = "222000-1578", Seat = "Åkerby" };
        var organisation = new OrganisationQuery.YearOrganisation(2025, Start, End, federation, [region, akerby],
            [
                new BoardAssignment { Name = "Anna Andersson", Member = region, Office = BoardOffice.Chair, TermFrom = new(2023, 1, 1), TermTo = new(2026, 12, 31) },
                new BoardAssignment { Name = "Bo Berg", Member = akerby, Role = BoardRole.Deputy, TermFrom = new(2025, 7, 1) },
            ],
            [new Auditor { Name = "Cecilia Carlsson", AppointedBy = region, TermFrom = new(2023, 1, 1) }],
            [new FederationDirector { Name = "Dan Dahl", From = new(2020, 1, 1) }],
            [
                new StaffMember { Name = "Dan Dahl", Title = "förbundschef", EmploymentPercent = 100m, From = new(2020, 1, 1) },
                new StaffMember { Name = "Eva Ek", Title = "ekonom", EmploymentPercent = 50m, From = new(2025, 3, 1) },
            ]);

        var blocks = ReportContent.OrganisationBlocks(organisation);

        Assert.Equal(new HeadingBlock("Organisation"), blocks[0]);
        Assert.Equal(
            "Samordningsförbundet Älvdalen (222000-1578) har sitt säte i Åkerby och är ett samordningsförbund enligt lagen (2003:1210) om finansiell "
            + "samordning av rehabiliteringsinsatser. Förbundets medlemmar 2025 var Region Norr och Åkerby kommun (från 2025-07-01).",
            Assert.IsType<ParagraphBlock>(blocks[1]).Text);
        var board = Assert.IsType<TableBlock>(blocks[2]).Table;
        Assert.Equal("Styrelsen 2025", board.Title);
        Assert.Equal(["Anna Andersson", "Ordförande", "Region Norr", "2023-01-01 – 2026-12-31"], board.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["Bo Berg", "Ersättare", "Åkerby kommun", "2025-07-01 – "], board.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal("Revisorer 2025: Cecilia Carlsson (utsedd av Region Norr).", Assert.IsType<ParagraphBlock>(blocks[3]).Text);
        Assert.Equal("Förbundschef: Dan Dahl.", Assert.IsType<ParagraphBlock>(blocks[4]).Text);
        Assert.Equal("Kansliet har under 2025 bestått av förbundschef 100\u00a0% och ekonom 50\u00a0% (från 2025-03-01).", Assert.IsType<ParagraphBlock>(blocks[5]).Text);
        var kansli = Assert.IsType<TableBlock>(blocks[6]).Table;
        Assert.Equal("Kansliet 2025", kansli.Title);
        Assert.Equal(["Namn", "Befattning", "Tjänstgöringsgrad", "Period"], kansli.Columns.Select(c => c.Header));
        Assert.Equal(("Eva Ek", "Ekonom", 0.5m, "2025-03-01 – "), (kansli.Rows[1].Cells[0].Text, kansli.Rows[1].Cells[1].Text, kansli.Rows[1].Cells[2].Number, kansli.Rows[1].Cells[3].Text));
    }

    [Fact]
    public void Nothing_is_written_before_the_organisation_is_entered() =>
        Assert.Empty(ReportContent.OrganisationBlocks(new OrganisationQuery.YearOrganisation(2025, Start, End, null, [], [], [], [])));
}
