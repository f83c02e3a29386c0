using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<decimal>(
                name: "Percent",
                table: "MunicipalityShares",
                type: "decimal(18,10)",
                precision: 18,
                scale: 10,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(5,2)",
                oldPrecision: 5,
                oldScale: 2);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MemberFrom",
                table: "Members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MemberTo",
                table: "Members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Members",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "FirstFiscalYear",
                table: "Federations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Logo",
                table: "Federations",
                type: "varbinary(max)",
                maxLength: 524288,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LogoContentType",
                table: "Federations",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalAddress",
                table: "Federations",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Federations",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "Auditors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AppointedByMemberId = table.Column<int>(type: "int", nullable: false),
                    TermFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    TermTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Auditors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Auditors_Members_AppointedByMemberId",
                        column: x => x.AppointedByMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BoardAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    Role = table.Column<int>(type: "int", nullable: false),
                    Seat = table.Column<int>(type: "int", nullable: false),
                    Office = table.Column<int>(type: "int", nullable: false),
                    TermFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    TermTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoardAssignments_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContributionSplits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYearId = table.Column<int>(type: "int", nullable: false),
                    Mode = table.Column<int>(type: "int", nullable: false),
                    RegionPercent = table.Column<decimal>(type: "decimal(18,10)", precision: 18, scale: 10, nullable: false),
                    MunicipalityPercent = table.Column<decimal>(type: "decimal(18,10)", precision: 18, scale: 10, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContributionSplits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContributionSplits_FiscalYears_FiscalYearId",
                        column: x => x.FiscalYearId,
                        principalTable: "FiscalYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FederationDirectors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationDirectors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberContributionAmounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYearId = table.Column<int>(type: "int", nullable: false),
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberContributionAmounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberContributionAmounts_FiscalYears_FiscalYearId",
                        column: x => x.FiscalYearId,
                        principalTable: "FiscalYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MemberContributionAmounts_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Auditors_AppointedByMemberId",
                table: "Auditors",
                column: "AppointedByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardAssignments_MemberId_Role_Seat_TermFrom",
                table: "BoardAssignments",
                columns: new[] { "MemberId", "Role", "Seat", "TermFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ContributionSplits_FiscalYearId",
                table: "ContributionSplits",
                column: "FiscalYearId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberContributionAmounts_FiscalYearId_MemberId",
                table: "MemberContributionAmounts",
                columns: new[] { "FiscalYearId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberContributionAmounts_MemberId",
                table: "MemberContributionAmounts",
                column: "MemberId");

            // Existing data keeps its meaning: members become members from the first fiscal year (an inactive one ended
            // the day before it), the förbund's first year is its first fiscal year, and every existing year gets the
            // split that was hard-coded until now (region 25 %, municipalities 25 % of the total), so no figure changes.
            // EXEC: in an idempotent script the columns added above do not exist yet when a batch is compiled.
            migrationBuilder.Sql("EXEC(N'UPDATE [Members] SET [MemberFrom] = (SELECT MIN([StartDate]) FROM [FiscalYears]) WHERE [IsActive] = 1;')");
            migrationBuilder.Sql("EXEC(N'UPDATE [Members] SET [MemberFrom] = NULL, [MemberTo] = COALESCE((SELECT DATEADD(day, -1, MIN([StartDate])) FROM [FiscalYears]), ''2003-12-31'') WHERE [IsActive] = 0;')");
            migrationBuilder.Sql("EXEC(N'UPDATE [Federations] SET [FirstFiscalYear] = (SELECT MIN([Year]) FROM [FiscalYears]);')");
            migrationBuilder.Sql("EXEC(N'INSERT INTO [ContributionSplits] ([FiscalYearId], [Mode], [RegionPercent], [MunicipalityPercent], [Version]) "
                + "SELECT [Id], 1, 25, 25, ''00000000-0000-0000-0000-000000000000'' FROM [FiscalYears];')");

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "Members");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Auditors");

            migrationBuilder.DropTable(
                name: "BoardAssignments");

            migrationBuilder.DropTable(
                name: "ContributionSplits");

            migrationBuilder.DropTable(
                name: "FederationDirectors");

            migrationBuilder.DropTable(
                name: "MemberContributionAmounts");

            migrationBuilder.DropColumn(
                name: "MemberFrom",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "MemberTo",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "FirstFiscalYear",
                table: "Federations");

            migrationBuilder.DropColumn(
                name: "Logo",
                table: "Federations");

            migrationBuilder.DropColumn(
                name: "LogoContentType",
                table: "Federations");

            migrationBuilder.DropColumn(
                name: "PostalAddress",
                table: "Federations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Federations");

            migrationBuilder.AlterColumn<decimal>(
                name: "Percent",
                table: "MunicipalityShares",
                type: "decimal(5,2)",
                precision: 5,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "decimal(18,10)",
                oldPrecision: 18,
                oldScale: 10);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Members",
                type: "bit",
                nullable: false,
                defaultValue: true);
        }
    }
}
