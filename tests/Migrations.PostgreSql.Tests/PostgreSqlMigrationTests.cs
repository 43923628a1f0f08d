using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Tests.Shared;
using ProcessEngine.Workflows.EntityFramework;

namespace ProcessEngine.Migrations.PostgreSql.Tests;

/// <summary>
/// A model change without its PostgreSQL migration passes every SQLite test and breaks the first multi-node installation:
/// this project checks the three contexts' PostgreSQL migrations against their models, and applies them all to a fresh
/// database (the engine's, the domain's and the host's history each in a table of its own).
/// </summary>
public sealed class PostgreSqlMigrationTests
{
    private static readonly string[] HistoryTables = ["__EFMigrationsHistory", CasusDbContext.MigrationsHistoryTable, HostDbContext.MigrationsHistoryTable];

    private static IEnumerable<DbContext> Contexts(DatabaseConnection database) =>
    [
        new WorkflowDbContext(Options<WorkflowDbContext>(database, null)),
        new CasusDbContext(Options<CasusDbContext>(database, CasusDbContext.MigrationsHistoryTable)),
        new HostDbContext(Options<HostDbContext>(database, HostDbContext.MigrationsHistoryTable)),
    ];

    [Fact]
    public void EveryContext_HasAPostgreSqlMigrationForEveryModelChange()
    {
        // No server is needed to compare a model with its last migration's snapshot.
        foreach (var db in Contexts(PostgreSqlMigrations.Connect("Host=127.0.0.1;Database=no_server_needed")))
            using (db)
                Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name} changed without a PostgreSQL migration (src/Migrations.PostgreSql).");
    }

    [Fact]
    public async Task AFreshDatabase_TakesEveryMigration_EachContextWithItsOwnHistory()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync("pe_migrations");
        try
        {
            foreach (var db in Contexts(PostgreSqlMigrations.Connect(connectionString)))
                await using (db)
                {
                    await db.Database.MigrateAsync();
                    Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
                    Assert.NotEmpty(db.Database.GetMigrations());
                }
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            foreach (var table in HistoryTables)
            {
                await using var command = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = @name", connection);
                command.Parameters.AddWithValue("name", table);
                Assert.Equal(1L, await command.ExecuteScalarAsync());
            }
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    private static DbContextOptions<T> Options<T>(DatabaseConnection database, string? historyTable) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        database.Configure(options, historyTable);
        return options.Options;
    }
}
