using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Workflows.EntityFramework.Migrations
{
    /// <inheritdoc />
    public partial class BookmarkHold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Kind_DueAt_Id",
                table: "Bookmarks");

            migrationBuilder.AddColumn<bool>(
                name: "IsHeld",
                table: "Bookmarks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Kind_IsHeld_DueAt_Id",
                table: "Bookmarks",
                columns: new[] { "Kind", "IsHeld", "DueAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Kind_IsHeld_DueAt_Id",
                table: "Bookmarks");

            migrationBuilder.DropColumn(
                name: "IsHeld",
                table: "Bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Kind_DueAt_Id",
                table: "Bookmarks",
                columns: new[] { "Kind", "DueAt", "Id" });
        }
    }
}
