using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.EntityFramework;

namespace ProcessEngine.Bench;

/// <summary>
/// Part 1, the floor: the rows the engine changes for one resume step, written by hand with prepared
/// Microsoft.Data.Sqlite commands, one BEGIN IMMEDIATE ... COMMIT per step, on a file with the engine's
/// schema, WAL and synchronous=FULL. No reads, no change tracking, no JSON work beyond constants: the
/// least any implementation that persists the same step durably has to do.
/// </summary>
internal sealed class SqliteFloor : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly FloorStatements _rows;
    private readonly FloorInstance[] _flows;

    private SqliteFloor(SqliteConnection connection, int instances)
    {
        _connection = connection;
        _rows = new FloorStatements(connection);
        _flows = new FloorInstance[instances];
    }

    /// <summary>Set-up, not timed: the schema, then every instance waiting on its first task, as the engine's StartAsync leaves it.</summary>
    public static async Task<SqliteFloor> StartAsync(string file, int instances)
    {
        await CreateSchemaAsync(file);
        // One connection held open for the whole run (the engine opens a pooled one per store call).
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL;");
        if (Query(connection, "PRAGMA journal_mode;") is not "wal") throw new InvalidOperationException("The floor file is not in WAL mode.");
        var floor = new SqliteFloor(connection, instances);
        using var seed = connection.BeginTransaction(deferred: false);
        floor._rows.Use(seed);
        for (var i = 0; i < instances; i++) floor._flows[i] = floor._rows.Start(EngineStepsBenchmark.CorrelationId(i), DateTimeOffset.UtcNow);
        seed.Commit();
        return floor;
    }

    /// <summary>The part of the timed steps spent in COMMIT, which is where SQLite writes the WAL and fsyncs it.</summary>
    public TimeSpan CommitTime { get; private set; }

    /// <summary>Timed: every step of instances [first, first + count), in the engine side's order.</summary>
    public TimeSpan Run(int first, int count)
    {
        var timed = Stopwatch.StartNew();
        for (var i = first; i < first + count; i++)
        {
            for (var step = 1; step <= BenchFlows.Steps; step++)
            {
                using var transaction = _connection.BeginTransaction(deferred: false);
                _rows.Use(transaction);
                _rows.Step(_flows[i], step, DateTimeOffset.UtcNow);
                var committing = Stopwatch.GetTimestamp();
                transaction.Commit();
                CommitTime += Stopwatch.GetElapsedTime(committing);
            }
        }
        return timed.Elapsed;
    }

    /// <summary>The same schema as the engine's file: the engine's own DbContext, migrated the way the engine migrates.</summary>
    private static async Task CreateSchemaAsync(string file)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqliteSetup.Configure(options, ProcessEngine.Data.SqliteConnectionSetup.Normalise($"Data Source={file}"));
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

    public void Dispose()
    {
        _rows.Dispose();
        _connection.Dispose();
    }
}
