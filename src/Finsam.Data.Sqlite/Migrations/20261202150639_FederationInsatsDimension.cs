using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Finsam.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FederationInsatsDimension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InsatsDimension",
                table: "Federations",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InsatsDimension",
                table: "Federations");
        }
    }
}
