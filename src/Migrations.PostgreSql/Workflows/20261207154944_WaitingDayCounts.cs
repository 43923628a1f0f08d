using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.Workflows
{
    /// <inheritdoc />
    public partial class WaitingDayCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WaitingDayCounts",
                columns: table => new
                {
                    DefinitionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Week = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    DueDay = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitingDayCounts", x => new { x.DefinitionId, x.ActivityId, x.Kind, x.Week, x.Day, x.DueDay });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_ActivityId_CreatedAt",
                table: "Bookmarks",
                columns: new[] { "ActivityId", "CreatedAt" });

            // The rollup is kept by triggers on Bookmarks (see WaitingRollupSql); the waits already there are counted once.
            foreach (var statement in ProcessEngine.Workflows.EntityFramework.WaitingRollupSql.PostgreSql) migrationBuilder.Sql(statement);
            migrationBuilder.Sql(ProcessEngine.Workflows.EntityFramework.WaitingRollupSql.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in ProcessEngine.Workflows.EntityFramework.WaitingRollupSql.PostgreSqlDown) migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "WaitingDayCounts");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_ActivityId_CreatedAt",
                table: "Bookmarks");
        }
    }
}
