using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.Workflows
{
    /// <inheritdoc />
    public partial class TaakUitgeslotenGebruikers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExcludedUsersJson",
                table: "UserTasks",
                type: "text",
                nullable: false,
                // Tasks from before exclude nobody.
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExcludedUsersJson",
                table: "UserTasks");
        }
    }
}
