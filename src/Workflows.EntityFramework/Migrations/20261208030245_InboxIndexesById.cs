using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Workflows.EntityFramework.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndexesById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_Assignee_DueAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_CandidateGroup_DueAt",
                table: "UserTasks");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_Assignee_DueAt_Id",
                table: "UserTasks",
                columns: new[] { "Status", "Assignee", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_CandidateGroup_DueAt_Id",
                table: "UserTasks",
                columns: new[] { "Status", "CandidateGroup", "DueAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_Assignee_DueAt_Id",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_CandidateGroup_DueAt_Id",
                table: "UserTasks");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_Assignee_DueAt",
                table: "UserTasks",
                columns: new[] { "Status", "Assignee", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_CandidateGroup_DueAt",
                table: "UserTasks",
                columns: new[] { "Status", "CandidateGroup", "DueAt" });
        }
    }
}
