using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.HostStore.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditListCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CasusCodes",
                table: "AuditLog",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CasusCodes",
                table: "AuditLog");
        }
    }
}
