using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Workflows.EntityFramework.Migrations
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
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Week = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
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
            foreach (var statement in ProcessEngine.Workflows.EntityFramework.WaitingRollupSql.Sqlite) migrationBuilder.Sql(statement);
            migrationBuilder.Sql(ProcessEngine.Workflows.EntityFramework.WaitingRollupSql.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in ProcessEngine.Workflows.EntityFramework.WaitingRollupSql.SqliteDown) migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "WaitingDayCounts");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_ActivityId_CreatedAt",
                table: "Bookmarks");
        }
    }
}
