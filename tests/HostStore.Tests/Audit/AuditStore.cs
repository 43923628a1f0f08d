using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Tests.Shared;
using Npgsql;

namespace ProcessEngine.HostStore.Tests.Audit;

/// <summary>
/// The host store on a fresh database of one provider, with a test key and a checkpoint file of its own, and the
/// means of someone who has the database but not the key: raw SQL with the append-only triggers dropped.
/// </summary>
internal sealed class AuditStore : IAsyncDisposable
{
    public const string KeyId = "test-2026";
    public static readonly string Key = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
    public static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;

    private AuditStore(TestDatabase database, ServiceProvider services, string checkpointPath, DatabaseProvider provider, CapturedLog logs)
    {
        _database = database;
        Services = services;
        CheckpointPath = checkpointPath;
        Provider = provider;
        Logs = logs;
    }

    public ServiceProvider Services { get; }
    public CapturedLog Logs { get; }
    public string CheckpointPath { get; }
    public DatabaseProvider Provider { get; }
    public AuditLog Log => Services.GetRequiredService<AuditLog>();
    public AuditVerifier Verifier => Services.GetRequiredService<AuditVerifier>();
    public AuditCheckpointWriter Checkpoints => Services.GetRequiredService<AuditCheckpointWriter>();
    public AuditKeys Keys => Services.GetRequiredService<AuditKeys>();

    /// <param name="checkpointPath">The checkpoint file; a fresh one by default, "" for none.</param>
    /// <param name="syslog">The syslog server checkpoints are also sent to (Audit:Checkpoints:Syslog); none by default.</param>
    public static async Task<AuditStore> CreateAsync(DatabaseProvider provider, string keyId = KeyId, Dictionary<string, string>? keys = null,
        TestDatabase? database = null, string? checkpointPath = null, string? syslog = null)
    {
        database ??= await TestDatabase.CreateAsync(provider);
        checkpointPath ??= Path.Combine(Path.GetTempPath(), "processengine-tests", $"checkpoints-{Guid.NewGuid():N}.log");
        var logs = new CapturedLog();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddSingleton<ILoggerProvider>(logs)
            .AddHostStore(database.Connection)
            .Configure<AuditOptions>(o =>
            {
                o.KeyId = keyId;
                o.Keys = keys ?? new() { [KeyId] = Key };
                o.Checkpoints.Path = checkpointPath;
                o.Checkpoints.Syslog = syslog;
                o.Node = "node-a";
            })
            .BuildServiceProvider();
        await services.MigrateHostStoreAsync();
        return new AuditStore(database, services, checkpointPath, provider, logs);
    }

    /// <summary>The same database and checkpoint file, seen with other keys (a rotation, or a verifier missing a key).</summary>
    public Task<AuditStore> WithKeysAsync(string keyId, Dictionary<string, string> keys) =>
        CreateAsync(Provider, keyId, keys, _database, CheckpointPath);

    public async Task AppendAsync(int lines)
    {
        for (var i = 0; i < lines; i++)
            await Log.AppendAsync(new AuditRecord("casus.read", AuditAction.Read, AuditOutcome.Success, "prof1", "Professional", "RVT-2026-AAAAAA",
                "zorgverlening", "127.0.0.1", $"regel {i + 1}"));
    }

    /// <summary>
    /// A connection of its own with a write transaction open, as the engine's change writer holds one for a user
    /// action (SQLite: BEGIN IMMEDIATE, the write lock taken up front).
    /// </summary>
    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginWriteAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(_database.Connection.ConnectionString)
            : new NpgsqlConnection(_database.Connection.ConnectionString);
        await connection.OpenAsync();
        var transaction = connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : await connection.BeginTransactionAsync();
        return (connection, transaction);
    }

    public async Task<HostDbContext> DbAsync() => await Services.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();

    /// <summary>What the database refuses until someone with the rights drops the guard.</summary>
    public async Task DropGuardsAsync()
    {
        await using var db = await DbAsync();
        if (Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditLog_NoUpdate; DROP TRIGGER AuditLog_NoDelete;");
        else
            await db.Database.ExecuteSqlRawAsync("""
                DROP TRIGGER "AuditLog_NoUpdate" ON "AuditLog"; DROP TRIGGER "AuditLog_NoDelete" ON "AuditLog";
                DROP TRIGGER "AuditLog_NoTruncate" ON "AuditLog";
                """);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
        if (CheckpointPath.Length > 0) File.Delete(CheckpointPath);
    }
}
