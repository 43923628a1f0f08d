using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.Casus
{
    /// <inheritdoc />
    public partial class TafelVragen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TafelVragen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CasusId = table.Column<Guid>(type: "uuid", nullable: false),
                    Vraag = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    GesteldDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GesteldOp = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TafelVragen", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TafelVragen_CasusId",
                table: "TafelVragen",
                column: "CasusId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TafelVragen");
        }
    }
}
