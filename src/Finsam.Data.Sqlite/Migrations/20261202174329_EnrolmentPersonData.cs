using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EnrolmentPersonData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Education",
                table: "Enrolments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HomeMunicipality",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // Home municipality and education move from the person to each enrolment: every enrolment gets the values its
            // participant has now (the only values ever recorded), then the participant's columns go.
            migrationBuilder.Sql(
                """
                UPDATE "Enrolments" SET
                    "Education" = (SELECT p."Education" FROM "Participants" AS p WHERE p."Id" = "Enrolments"."ParticipantId"),
                    "HomeMunicipality" = (SELECT p."HomeMunicipality" FROM "Participants" AS p WHERE p."Id" = "Enrolments"."ParticipantId");
                """);

            migrationBuilder.DropColumn(
                name: "Education",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "HomeMunicipality",
                table: "Participants");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Education",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HomeMunicipality",
                table: "Participants",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // Back to one value per person: the latest enrolment's.
            migrationBuilder.Sql(
                """
                UPDATE "Participants" SET
                    "Education" = COALESCE((SELECT e."Education" FROM "Enrolments" AS e WHERE e."ParticipantId" = "Participants"."Id" ORDER BY e."StartDate" DESC, e."Id" DESC LIMIT 1), 0),
                    "HomeMunicipality" = (SELECT e."HomeMunicipality" FROM "Enrolments" AS e WHERE e."ParticipantId" = "Participants"."Id" ORDER BY e."StartDate" DESC, e."Id" DESC LIMIT 1);
                """);

            migrationBuilder.DropColumn(
                name: "Education",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "HomeMunicipality",
                table: "Enrolments");
        }
    }
}
