using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Goals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GoalAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Assessment = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsatsGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InsatsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsMainOutcome = table.Column<bool>(type: "INTEGER", nullable: false),
                    Measure_Metric = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure_EndReason = table.Column<int>(type: "INTEGER", nullable: true),
                    Measure_Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure_Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Measure_ManualUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure_ManualResult = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Measure_SourceNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsatsGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsatsGoals_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InsatsRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InsatsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsatsRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsatsRatings_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Objectives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GoalAreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objectives_GoalAreas_GoalAreaId",
                        column: x => x.GoalAreaId,
                        principalTable: "GoalAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Asked = table.Column<int>(type: "INTEGER", nullable: true),
                    Answered = table.Column<int>(type: "INTEGER", nullable: false),
                    Negative = table.Column<int>(type: "INTEGER", nullable: true),
                    Neutral = table.Column<int>(type: "INTEGER", nullable: true),
                    Positive = table.Column<int>(type: "INTEGER", nullable: true),
                    NegativePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    NeutralPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    PositivePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    NationalPositivePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    NationalAnswered = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResults_SurveyRounds_SurveyRoundId",
                        column: x => x.SurveyRoundId,
                        principalTable: "SurveyRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Measure_Metric = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure_EndReason = table.Column<int>(type: "INTEGER", nullable: true),
                    Measure_Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure_Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Measure_ManualUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure_ManualResult = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Measure_SourceNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Assessment = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoalAreas_Year_Number",
                table: "GoalAreas",
                columns: new[] { "Year", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ObjectiveId",
                table: "Indicators",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_InsatsGoals_InsatsId",
                table: "InsatsGoals",
                column: "InsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_InsatsGoals_Year_InsatsId",
                table: "InsatsGoals",
                columns: new[] { "Year", "InsatsId" });

            migrationBuilder.CreateIndex(
                name: "IX_InsatsRatings_InsatsId_Year",
                table: "InsatsRatings",
                columns: new[] { "InsatsId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_GoalAreaId",
                table: "Objectives",
                column: "GoalAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResults_SurveyRoundId",
                table: "SurveyResults",
                column: "SurveyRoundId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRounds_Year",
                table: "SurveyRounds",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "InsatsGoals");

            migrationBuilder.DropTable(
                name: "InsatsRatings");

            migrationBuilder.DropTable(
                name: "SurveyResults");

            migrationBuilder.DropTable(
                name: "Objectives");

            migrationBuilder.DropTable(
                name: "SurveyRounds");

            migrationBuilder.DropTable(
                name: "GoalAreas");
        }
    }
}
