using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.HostStore
{
    /// <inheritdoc />
    public partial class MigrationRunChildren : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChildPlansJson",
                table: "MigrationRuns",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanIndex",
                table: "MigrationRunItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChildPlansJson",
                table: "MigrationRuns");

            migrationBuilder.DropColumn(
                name: "PlanIndex",
                table: "MigrationRunItems");
        }
    }
}
