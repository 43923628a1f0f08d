using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Workflows.EntityFramework.Migrations
{
    /// <inheritdoc />
    public partial class DeferredSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeferredSignalJson",
                table: "Bookmarks",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeferredSignalJson",
                table: "Bookmarks");
        }
    }
}
