using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.HostStore.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FlowPublicationRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FlowPublicationRequests",
                columns: table => new
                {
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlowPublicationRequests", x => x.DefinitionId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FlowPublicationRequests");
        }
    }
}
