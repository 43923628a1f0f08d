using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.HostStore.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditKeysAndNodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "AuditLog",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Node",
                table: "AuditLog",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "Node",
                table: "AuditLog");
        }
    }
}
