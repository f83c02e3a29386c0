using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportAdoptionVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportArchives_Year",
                table: "ReportArchives");

            migrationBuilder.AddColumn<string>(
                name: "DecisionMinute",
                table: "ReportArchives",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReopenReason",
                table: "ReportArchives",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReopenedAtUtc",
                table: "ReportArchives",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenedBy",
                table: "ReportArchives",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ReportArchives",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_ReportArchives_Year_Version",
                table: "ReportArchives",
                columns: new[] { "Year", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportArchives_Year_Version",
                table: "ReportArchives");

            migrationBuilder.DropColumn(
                name: "DecisionMinute",
                table: "ReportArchives");

            migrationBuilder.DropColumn(
                name: "ReopenReason",
                table: "ReportArchives");

            migrationBuilder.DropColumn(
                name: "ReopenedAtUtc",
                table: "ReportArchives");

            migrationBuilder.DropColumn(
                name: "ReopenedBy",
                table: "ReportArchives");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ReportArchives");

            migrationBuilder.CreateIndex(
                name: "IX_ReportArchives_Year",
                table: "ReportArchives",
                column: "Year",
                unique: true);
        }
    }
}
