using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.HostStore
{
    /// <inheritdoc />
    public partial class AuditKeysAndNodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "AuditLog",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Node",
                table: "AuditLog",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // The row triggers do not fire on TRUNCATE: a statement-level guard refuses emptying the log that way too.
            migrationBuilder.Sql("""CREATE TRIGGER "AuditLog_NoTruncate" BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditLog_NoTruncate" ON "AuditLog";""");

            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "Node",
                table: "AuditLog");
        }
    }
}
