using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BudgetAndBalanceRequirement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "BalanceRequirementRealisationGains",
                table: "FiscalYears",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "BalanceRequirementRealisationGainsByException",
                table: "FiscalYears",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "BalanceRequirementRealisationLossesByException",
                table: "FiscalYears",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "BalanceRequirementReversedUnrealisedLosses",
                table: "FiscalYears",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "BalanceRequirementUnrealisedLossesOnSecurities",
                table: "FiscalYears",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "BudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYearId = table.Column<int>(type: "int", nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    InsatsId = table.Column<int>(type: "int", nullable: true),
                    Income = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Cost = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetLines_FiscalYears_FiscalYearId",
                        column: x => x.FiscalYearId,
                        principalTable: "FiscalYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetLines_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_FiscalYearId_Category_InsatsId",
                table: "BudgetLines",
                columns: new[] { "FiscalYearId", "Category", "InsatsId" },
                unique: true,
                filter: "[InsatsId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_InsatsId",
                table: "BudgetLines",
                column: "InsatsId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "BalanceRequirementRealisationGains",
                table: "FiscalYears");

            migrationBuilder.DropColumn(
                name: "BalanceRequirementRealisationGainsByException",
                table: "FiscalYears");

            migrationBuilder.DropColumn(
                name: "BalanceRequirementRealisationLossesByException",
                table: "FiscalYears");

            migrationBuilder.DropColumn(
                name: "BalanceRequirementReversedUnrealisedLosses",
                table: "FiscalYears");

            migrationBuilder.DropColumn(
                name: "BalanceRequirementUnrealisedLossesOnSecurities",
                table: "FiscalYears");
        }
    }
}
