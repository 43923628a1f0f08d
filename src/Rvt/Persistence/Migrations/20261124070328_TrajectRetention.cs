using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Rvt.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TrajectRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BewarenTot",
                table: "Trajecten",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "GeschoondOp",
                table: "Trajecten",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BewarenTot",
                table: "Trajecten");

            migrationBuilder.DropColumn(
                name: "GeschoondOp",
                table: "Trajecten");
        }
    }
}
