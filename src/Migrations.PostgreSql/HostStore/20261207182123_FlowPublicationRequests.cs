using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.HostStore
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
                    DefinitionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftVersion = table.Column<int>(type: "integer", nullable: false),
                    DraftStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: false)
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
