using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.HostStore.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InboxNotesAndViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedInboxViews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Sort = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedInboxViews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskNotes",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskNotes", x => x.TaskId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedInboxViews_Owner_Name",
                table: "SavedInboxViews",
                columns: new[] { "Owner", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedInboxViews");

            migrationBuilder.DropTable(
                name: "TaskNotes");
        }
    }
}
