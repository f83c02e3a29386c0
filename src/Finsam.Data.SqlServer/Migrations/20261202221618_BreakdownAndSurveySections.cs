using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Finsam.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BreakdownAndSurveySections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "ReportSectionSettings",
                columns: new[] { "Id", "Enabled", "Kind", "Order", "Title" },
                values: new object[,]
                {
                    { 17, false, 17, 52, "Deltagarnas fördelning" },
                    { 18, false, 18, 145, "Bilaga: indikatormätning" }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "ReportSectionSettings",
                keyColumn: "Id",
                keyValue: 17);

            migrationBuilder.DeleteData(
                table: "ReportSectionSettings",
                keyColumn: "Id",
                keyValue: 18);
        }
    }
}
