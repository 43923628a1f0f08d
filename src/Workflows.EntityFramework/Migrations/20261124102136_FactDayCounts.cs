using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Workflows.EntityFramework.Migrations
{
    /// <inheritdoc />
    public partial class FactDayCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FactDayCounts",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FactDayCounts", x => new { x.Dimension, x.Day, x.Name, x.Value });
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status_FinishedAt",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "Status", "FinishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FactDayCounts");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status_FinishedAt",
                table: "WorkflowInstances");
        }
    }
}
