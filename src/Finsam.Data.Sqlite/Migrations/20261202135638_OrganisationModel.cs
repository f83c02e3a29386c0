using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "MemberFrom",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MemberTo",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Members",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "FirstFiscalYear",
                table: "Federations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Logo",
                table: "Federations",
                type: "BLOB",
                maxLength: 524288,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LogoContentType",
                table: "Federations",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalAddress",
                table: "Federations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Federations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "Auditors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AppointedByMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    TermFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    Office = table.Column<int>(type: "INTEGER", nullable: false),
                    TermFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 10, nullable: false),
                    MunicipalityPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 10, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationDirectors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberContributionAmounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
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
            migrationBuilder.Sql("UPDATE \"Members\" SET \"MemberFrom\" = (SELECT MIN(\"StartDate\") FROM \"FiscalYears\") WHERE \"IsActive\" = 1;");
            migrationBuilder.Sql("UPDATE \"Members\" SET \"MemberFrom\" = NULL, \"MemberTo\" = COALESCE((SELECT date(MIN(\"StartDate\"), '-1 day') FROM \"FiscalYears\"), '2003-12-31') WHERE \"IsActive\" = 0;");
            migrationBuilder.Sql("UPDATE \"Federations\" SET \"FirstFiscalYear\" = (SELECT MIN(\"Year\") FROM \"FiscalYears\");");
            migrationBuilder.Sql("INSERT INTO \"ContributionSplits\" (\"FiscalYearId\", \"Mode\", \"RegionPercent\", \"MunicipalityPercent\", \"Version\") "
                + "SELECT \"Id\", 1, '25.0', '25.0', '00000000-0000-0000-0000-000000000000' FROM \"FiscalYears\";");

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

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);
        }
    }
}
