using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Workflows.EntityFramework.Migrations
{
    /// <inheritdoc />
    public partial class TaskCreatedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_CreatedAt",
                table: "UserTasks",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_CreatedAt",
                table: "UserTasks");
        }
    }
}
