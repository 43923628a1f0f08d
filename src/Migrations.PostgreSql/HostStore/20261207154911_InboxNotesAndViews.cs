using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.HostStore
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Owner = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FilterJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Sort = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SavedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedInboxViews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskNotes",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    FollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SetBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SetAt = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
