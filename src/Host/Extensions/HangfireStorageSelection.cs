using ProcessEngine.Data;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;

namespace ProcessEngine.Host.Extensions;

/// <summary>
/// Where Hangfire keeps its jobs. Embedded: in memory, because the engine's timer records in SQLite are the
/// source of truth and are re-scheduled at start-up (Hangfire.Storage.SQLite is not available). Multi-node:
/// PostgreSQL in its own schema of the engine's database, so every node sees every job and each job runs
/// on one node; a timer job that runs twice anyway (a node dying mid-job) finds its bookmark consumed.
/// </summary>
public static class HangfireStorageSelection
{
    public const string PostgreSqlSchema = "hangfire";

    public static IGlobalConfiguration UseJobStorage(this IGlobalConfiguration hangfire, DatabaseConnection database) =>
        database.Provider switch
        {
            DatabaseProvider.PostgreSql => hangfire.UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(database.ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = PostgreSqlSchema,
                    PrepareSchemaIfNecessary = true,
                    // A due timer's job is enqueued by the scheduler; workers then look for it this often.
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    // A job whose node died is handed to another node after this long.
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                }),
            _ => hangfire.UseInMemoryStorage(new InMemoryStorageOptions()),
        };
}
