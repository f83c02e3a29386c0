using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measure_ManualNumerator",
                table: "InsatsGoals",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measure_QualitativeAssessment",
                table: "InsatsGoals",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measure_ResultText",
                table: "InsatsGoals",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measure_ManualDenominator",
                table: "Indicators",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measure_ManualNumerator",
                table: "Indicators",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measure_QualitativeAssessment",
                table: "Indicators",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measure_ResultText",
                table: "Indicators",
                type: "nvarchar(2000)",
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
