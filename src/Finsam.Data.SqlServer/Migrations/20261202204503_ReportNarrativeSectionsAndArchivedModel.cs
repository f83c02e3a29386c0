using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Finsam.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportNarrativeSectionsAndArchivedModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Model",
                table: "ReportArchives",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.InsertData(
                table: "ReportSectionSettings",
                columns: new[] { "Id", "Enabled", "Kind", "Order", "Title" },
                values: new object[,]
                {
                    { 15, true, 15, 33, "Väsentliga händelser" },
                    { 16, true, 16, 55, "Förväntad utveckling" }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "ReportSectionSettings",
                keyColumn: "Id",
                keyValue: 15);

            migrationBuilder.DeleteData(
                table: "ReportSectionSettings",
                keyColumn: "Id",
                keyValue: 16);

            migrationBuilder.DropColumn(
                name: "Model",
                table: "ReportArchives");
        }
    }
}
