using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.SqlServer.Migrations
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
                type: "nvarchar(1000)",
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
