using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EnrolmentStatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_StartDate_EndDate",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_EndedFollowUps",
                table: "Enrolments",
                columns: new[] { "EndDate", "InsatsId", "FollowUp12Months" },
                filter: "EndDate IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_StatisticsFacts",
                table: "Enrolments",
                columns: new[] { "StartDate", "EndDate", "InsatsId", "ParticipantId", "EndReason", "Education", "TimeInSupportBeforeStart", "ReferringMemberId", "SupportAtStart", "SupportAtEnd", "FollowUp12Months", "HomeMunicipality", "EndReasonSubCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_EndedFollowUps",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_StatisticsFacts",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_StartDate_EndDate",
                table: "Enrolments",
                columns: new[] { "StartDate", "EndDate" });
        }
    }
}
