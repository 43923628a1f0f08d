using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Rvt.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Netwerk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Netwerk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CasusId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rol = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Bijdrage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ToegevoegdDoor = table.Column<string>(type: "TEXT", nullable: false),
                    ToegevoegdOp = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Netwerk", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Netwerk_CasusId",
                table: "Netwerk",
                column: "CasusId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Netwerk");
        }
    }
}
