using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.HostStore
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "StrangerLockoutEnd",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SignInAddresses",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddressMark = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstSignInAt = table.Column<long>(type: "bigint", nullable: false),
                    LastSignInAt = table.Column<long>(type: "bigint", nullable: false)
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
