using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Rvt.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Casussen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Organisatie = table.Column<string>(type: "TEXT", nullable: false),
                    Inbrenger = table.Column<string>(type: "TEXT", nullable: false),
                    Hulpvraag = table.Column<string>(type: "TEXT", nullable: false),
                    Huishouden = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Onveiligheid = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AnalyseAanwezig = table.Column<bool>(type: "INTEGER", nullable: false),
                    VeiligheidskaartAanwezig = table.Column<bool>(type: "INTEGER", nullable: false),
                    GezinWeetVanAanmelding = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentDeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Casussen", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Maatregelen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CasusId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartDatum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EindDatum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EindReden = table.Column<string>(type: "TEXT", nullable: true),
                    WorkflowInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Maatregelen", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Trajecten",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CasusId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CasusCode = table.Column<string>(type: "TEXT", nullable: false),
                    WorkflowInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Route = table.Column<string>(type: "TEXT", nullable: true),
                    RouteChosenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ZwaarsteRoute = table.Column<string>(type: "TEXT", nullable: true),
                    AfsluitReden = table.Column<string>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trajecten", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VeiligheidskaartVersies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CasusId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nummer = table.Column<int>(type: "INTEGER", nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InhoudJson = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "IX_Maatregelen_CasusId_Status",
                table: "Maatregelen",
                columns: new[] { "CasusId", "Status" });

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
                name: "Maatregelen");

            migrationBuilder.DropTable(
                name: "Trajecten");

            migrationBuilder.DropTable(
                name: "VeiligheidskaartVersies");
        }
    }
}
