using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Workflows.EntityFramework.Migrations
{
    /// <inheritdoc />
    public partial class BewustVertragen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every task stored before this escalated when late: existing rows keep doing so.
            migrationBuilder.AddColumn<bool>(
                name: "Escalates",
                table: "UserTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "SlowedBy",
                table: "UserTasks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlowedReason",
                table: "UserTasks",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlowedUntil",
                table: "UserTasks",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Escalates",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "SlowedBy",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "SlowedReason",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "SlowedUntil",
                table: "UserTasks");
        }
    }
}
