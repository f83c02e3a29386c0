using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EnrolmentEndDateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_EndDate_InsatsId_FollowUp12Months",
                table: "Enrolments",
                columns: new[] { "EndDate", "InsatsId", "FollowUp12Months" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_EndDate_InsatsId_FollowUp12Months",
                table: "Enrolments");
        }
    }
}
