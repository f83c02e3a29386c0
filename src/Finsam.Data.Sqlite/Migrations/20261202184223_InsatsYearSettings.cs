using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InsatsYearSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PlannedEndDate",
                table: "Insatser",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InsatsYearSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InsatsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CountsInTotals = table.Column<bool>(type: "INTEGER", nullable: false),
                    OutcomesApply = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsatsYearSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsatsYearSettings_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InsatsYearSettings_InsatsId_Year",
                table: "InsatsYearSettings",
                columns: new[] { "InsatsId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsatsYearSettings");

            migrationBuilder.DropColumn(
                name: "PlannedEndDate",
                table: "Insatser");
        }
    }
}
