using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcessEngine.Migrations.PostgreSql.Workflows
{
    /// <summary>The waiting rollup counted at commit, not at the bookmark's write (see WaitingRollupSql.PostgreSqlAtCommit).</summary>
    public partial class WaitingCountsAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in ProcessEngine.Workflows.EntityFramework.WaitingRollupSql.PostgreSqlAtCommit) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in ProcessEngine.Workflows.EntityFramework.WaitingRollupSql.PostgreSqlAtCommitDown) migrationBuilder.Sql(statement);
        }
    }
}
