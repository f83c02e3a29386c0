using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EnrolmentParticipantGender : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_StartDate_Id_EndDate_InsatsId_ParticipantId",
                table: "Enrolments");

            migrationBuilder.AddColumn<int>(
                name: "ParticipantGender",
                table: "Enrolments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Backfill: every existing enrolment gets its participant's gender (kept in sync from now on by FinsamDbContext).
            migrationBuilder.Sql("UPDATE Enrolments SET ParticipantGender = (SELECT p.Gender FROM Participants p WHERE p.Id = Enrolments.ParticipantId);");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_StartDate_Id_EndDate_InsatsId_ParticipantId_ParticipantGender",
                table: "Enrolments",
                columns: new[] { "StartDate", "Id", "EndDate", "InsatsId", "ParticipantId", "ParticipantGender" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_StartDate_Id_EndDate_InsatsId_ParticipantId_ParticipantGender",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "ParticipantGender",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_StartDate_Id_EndDate_InsatsId_ParticipantId",
                table: "Enrolments",
                columns: new[] { "StartDate", "Id", "EndDate", "InsatsId", "ParticipantId" });
        }
    }
}
