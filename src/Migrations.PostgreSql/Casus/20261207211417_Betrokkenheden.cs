using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.Casus
{
    /// <inheritdoc />
    public partial class Betrokkenheden : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Betrokkenheden",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CasusCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Soort = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Wie = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Bron = table.Column<Guid>(type: "uuid", nullable: true),
                    GeregistreerdDoor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    GeregistreerdOp = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Betrokkenheden", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UpgradeSteps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpgradeSteps", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Betrokkenheden_CasusCode_Wie",
                table: "Betrokkenheden",
                columns: new[] { "CasusCode", "Wie" });

            // Involvement was read from flow data until now: the host takes it over once, at its next start (InvolvementTakeover).
            migrationBuilder.InsertData(
                table: "UpgradeSteps",
                column: "Name",
                value: "betrokkenheden-uit-flows");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Betrokkenheden");

            migrationBuilder.DropTable(
                name: "UpgradeSteps");
        }
    }
}
