using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Persistence.EntityFramework;

namespace ProcessEngine.Bench;

/// <summary>
/// Part 1, the floor: the rows the engine changes for one resume step, written by hand with prepared
/// Microsoft.Data.Sqlite commands, one BEGIN IMMEDIATE ... COMMIT per step, on a file with the engine's
/// schema, WAL and synchronous=FULL. No reads, no change tracking, no JSON work beyond constants: the
/// least any implementation that persists the same step durably has to do.
/// </summary>
internal static class SqliteFloor
{
    public static async Task<StepsResult> RunAsync(string file, int instances)
    {
        await CreateSchemaAsync(file);
        // One connection held open for the whole run (the engine opens a pooled one per store call).
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL;");
        if (Query(connection, "PRAGMA journal_mode;") is not "wal") throw new InvalidOperationException("The floor file is not in WAL mode.");
        using var rows = new FloorStatements(connection);

        // Set-up, not timed: every instance waiting on its first task, as the engine's StartAsync leaves it.
        var flows = new FloorInstance[instances];
        using (var seed = connection.BeginTransaction(deferred: false))
        {
            rows.Use(seed);
            for (var i = 0; i < instances; i++) flows[i] = rows.Start(EngineStepsBenchmark.CorrelationId(i), DateTimeOffset.UtcNow);
            seed.Commit();
        }

        // Timed: every step, in the same order as the engine side (instance after instance, tasks in order).
        var timed = Stopwatch.StartNew();
        long steps = 0;
        foreach (var flow in flows)
        {
            for (var step = 1; step <= BenchFlows.Steps; step++)
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                rows.Use(transaction);
                rows.Step(flow, step, DateTimeOffset.UtcNow);
                transaction.Commit();
                steps++;
            }
        }
        timed.Stop();
        return new StepsResult(steps, timed.Elapsed);
    }

    /// <summary>The same schema as the engine's file: the engine's own DbContext, migrated the way the engine migrates.</summary>
    private static async Task CreateSchemaAsync(string file)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqliteSetup.Configure(options, SqliteSetup.Normalise($"Data Source={file}"));
        await using var db = new WorkflowDbContext(options.Options);
        await SqliteSetup.MigrateAsync(db);
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
