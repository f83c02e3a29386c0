using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GoalMeasuresAsWritten : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Measure_ManualDenominator",
                table: "InsatsGoals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measure_ManualNumerator",
                table: "InsatsGoals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measure_QualitativeAssessment",
                table: "InsatsGoals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measure_ResultText",
                table: "InsatsGoals",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measure_ManualDenominator",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measure_ManualNumerator",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measure_QualitativeAssessment",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measure_ResultText",
                table: "Indicators",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Measure_ManualDenominator",
                table: "InsatsGoals");

            migrationBuilder.DropColumn(
                name: "Measure_ManualNumerator",
                table: "InsatsGoals");

            migrationBuilder.DropColumn(
                name: "Measure_QualitativeAssessment",
                table: "InsatsGoals");

            migrationBuilder.DropColumn(
                name: "Measure_ResultText",
                table: "InsatsGoals");

            migrationBuilder.DropColumn(
                name: "Measure_ManualDenominator",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Measure_ManualNumerator",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Measure_QualitativeAssessment",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Measure_ResultText",
                table: "Indicators");
        }
    }
}
