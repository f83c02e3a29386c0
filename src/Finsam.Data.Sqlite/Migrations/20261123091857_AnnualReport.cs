using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Finsam.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AnnualReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportArchives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AdoptedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ArchivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Workbook = table.Column<byte[]>(type: "BLOB", nullable: false),
                    WorkbookSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportArchives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSectionSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSectionSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSignatories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSignatories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTexts", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ReportSectionSettings",
                columns: new[] { "Id", "Enabled", "Kind", "Order", "Title" },
                values: new object[,]
                {
                    { 1, true, 1, 10, "Försättsblad" },
                    { 2, true, 2, 20, "Ordförande har ordet" },
                    { 3, true, 3, 30, "Förvaltningsberättelse" },
                    { 4, true, 4, 40, "Måluppfyllelse" },
                    { 5, true, 5, 50, "Deltagare" },
                    { 6, true, 6, 60, "Ekonomiskt resultat" },
                    { 7, true, 7, 70, "Driftsredovisning" },
                    { 8, true, 8, 80, "Resultaträkning" },
                    { 9, true, 9, 90, "Balansräkning" },
                    { 10, true, 10, 100, "Kassaflödesanalys" },
                    { 11, true, 11, 110, "Redovisningsprinciper" },
                    { 12, true, 12, 120, "Noter" },
                    { 13, true, 13, 130, "Styrelsens beslut" },
                    { 14, true, 14, 140, "Bilaga: insatsernas måluppfyllelse och deltagarflöden" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportArchives_Year",
                table: "ReportArchives",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportSectionSettings_Kind",
                table: "ReportSectionSettings",
                column: "Kind",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportSignatories_Year_Order",
                table: "ReportSignatories",
                columns: new[] { "Year", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportTexts_Year_Kind_Version",
                table: "ReportTexts",
                columns: new[] { "Year", "Kind", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportArchives");

            migrationBuilder.DropTable(
                name: "ReportSectionSettings");

            migrationBuilder.DropTable(
                name: "ReportSignatories");

            migrationBuilder.DropTable(
                name: "ReportTexts");
        }
    }
}
