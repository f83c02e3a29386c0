using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GoalAreaStatusReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssessmentReason",
                table: "GoalAreas",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AssessmentReason",
                table: "GoalAreas");
        }
    }
}
