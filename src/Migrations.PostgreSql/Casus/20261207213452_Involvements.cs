using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.Casus
{
    /// <inheritdoc />
    public partial class Involvements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Involvements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CasusCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RegisteredAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Involvements", x => x.Id);
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
                name: "IX_Involvements_CasusCode_UserName",
                table: "Involvements",
                columns: new[] { "CasusCode", "UserName" });

            // Involvement was read from flow data until now: the host takes it over once, at its next start (InvolvementTakeover).
            migrationBuilder.InsertData(
                table: "UpgradeSteps",
                column: "Name",
                value: "involvement-from-flow-data");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Involvements");

            migrationBuilder.DropTable(
                name: "UpgradeSteps");
        }
    }
}
