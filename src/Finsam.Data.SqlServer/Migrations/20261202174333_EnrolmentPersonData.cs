using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.SqlServer.Migrations
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HomeMunicipality",
                table: "Enrolments",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            // Home municipality and education move from the person to each enrolment: every enrolment gets the values its
            // participant has now (the only values ever recorded), then the participant's columns go.
            // EXEC: the idempotent script compiles each batch, and once this migration has run the columns it reads are gone.
            migrationBuilder.Sql(
                """
                EXEC(N'UPDATE e SET e.[Education] = p.[Education], e.[HomeMunicipality] = p.[HomeMunicipality]
                FROM [Enrolments] AS e INNER JOIN [Participants] AS p ON p.[Id] = e.[ParticipantId];');
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HomeMunicipality",
                table: "Participants",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            // Back to one value per person: the latest enrolment's.
            migrationBuilder.Sql(
                """
                EXEC(N'UPDATE p SET p.[Education] = latest.[Education], p.[HomeMunicipality] = latest.[HomeMunicipality]
                FROM [Participants] AS p
                CROSS APPLY (SELECT TOP (1) e.[Education], e.[HomeMunicipality] FROM [Enrolments] AS e
                             WHERE e.[ParticipantId] = p.[Id] ORDER BY e.[StartDate] DESC, e.[Id] DESC) AS latest;');
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
