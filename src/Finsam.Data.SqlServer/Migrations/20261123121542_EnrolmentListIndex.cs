using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EnrolmentListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_StartDate_Id_EndDate_InsatsId_ParticipantId",
                table: "Enrolments",
                columns: new[] { "StartDate", "Id", "EndDate", "InsatsId", "ParticipantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_StartDate_Id_EndDate_InsatsId_ParticipantId",
                table: "Enrolments");
        }
    }
}
