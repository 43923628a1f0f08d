using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.Casus
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Casussen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Organisatie = table.Column<string>(type: "text", nullable: false),
                    Inbrenger = table.Column<string>(type: "text", nullable: false),
                    Hulpvraag = table.Column<string>(type: "text", nullable: false),
                    Huishouden = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Onveiligheid = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AnalyseAanwezig = table.Column<bool>(type: "boolean", nullable: false),
                    VeiligheidskaartAanwezig = table.Column<bool>(type: "boolean", nullable: false),
                    GezinWeetVanAanmelding = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ContentDeletedAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Casussen", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Netwerk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CasusId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rol = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Soort = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Bijdrage = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ToegevoegdDoor = table.Column<string>(type: "text", nullable: false),
                    ToegevoegdOp = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Netwerk", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Trajecten",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CasusId = table.Column<Guid>(type: "uuid", nullable: false),
                    CasusCode = table.Column<string>(type: "text", nullable: false),
                    WorkflowInstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Route = table.Column<string>(type: "text", nullable: true),
                    RouteChosenAt = table.Column<long>(type: "bigint", nullable: true),
                    ZwaarsteRoute = table.Column<string>(type: "text", nullable: true),
                    AfsluitReden = table.Column<string>(type: "text", nullable: true),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    BewarenTot = table.Column<long>(type: "bigint", nullable: true),
                    GeschoondOp = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trajecten", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VeiligheidskaartVersies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CasusId = table.Column<Guid>(type: "uuid", nullable: false),
                    Nummer = table.Column<int>(type: "integer", nullable: false),
                    Auteur = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    InhoudJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeiligheidskaartVersies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Casussen_Code",
                table: "Casussen",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Casussen_Inbrenger",
                table: "Casussen",
                column: "Inbrenger");

            migrationBuilder.CreateIndex(
                name: "IX_Netwerk_CasusId",
                table: "Netwerk",
                column: "CasusId");

            migrationBuilder.CreateIndex(
                name: "IX_Trajecten_CasusCode",
                table: "Trajecten",
                column: "CasusCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Trajecten_CasusId",
                table: "Trajecten",
                column: "CasusId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Trajecten_RouteChosenAt",
                table: "Trajecten",
                column: "RouteChosenAt");

            migrationBuilder.CreateIndex(
                name: "IX_Trajecten_Status_StartedAt",
                table: "Trajecten",
                columns: new[] { "Status", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VeiligheidskaartVersies_CasusId_Nummer",
                table: "VeiligheidskaartVersies",
                columns: new[] { "CasusId", "Nummer" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Casussen");

            migrationBuilder.DropTable(
                name: "Netwerk");

            migrationBuilder.DropTable(
                name: "Trajecten");

            migrationBuilder.DropTable(
                name: "VeiligheidskaartVersies");
        }
    }
}
