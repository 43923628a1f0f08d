using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.HostStore.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SmartLockout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StrangerFailures",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "StrangerLockoutEnd",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SignInAddresses",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AddressMark = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstSignInAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSignInAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInAddresses", x => new { x.UserName, x.AddressMark });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInAddresses_LastSignInAt",
                table: "SignInAddresses",
                column: "LastSignInAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInAddresses");

            migrationBuilder.DropColumn(
                name: "StrangerFailures",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "StrangerLockoutEnd",
                table: "AspNetUsers");
        }
    }
}
