using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.EntityFramework;

/// <summary>
/// Commits a burst on SQLite. SQLite has one writer, so this process writes through one dedicated
/// connection, one burst at a time: in-process writers queue here instead of spinning on the database
/// lock, statements stay prepared across commits, and the transaction is BEGIN IMMEDIATE … COMMIT with
/// nothing but these statements inside (no reads, no network I/O). Another process writing the same file
/// still works: the busy timeout makes this connection wait for its lock. A version-checked UPDATE or a
/// DELETE of a consumed bookmark that finds no row means someone else won: everything is rolled back.
/// </summary>
public sealed class SqliteBurstWriter(string connectionString, IModel model) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> _prepared = [];
    private readonly TableStatements _instances = new(model, typeof(WorkflowInstance),
        ["Status", "VariablesJson", "StateJson", "FaultedActivityId", "UpdatedAt", "FinishedAt", "JournalCount", "Version"], "Version");
    private readonly TableStatements _tasks = new(model, typeof(UserTask),
        ["Status", "Assignee", "CompletedAt", "CompletedBy", "Outcome", "ResultJson", "Version"], "Version");
    private readonly TableStatements _bookmarks = new(model, typeof(Bookmark), ["IsHeld", "DeferredSignalJson"]);
    private readonly TableStatements _journal = new(model, typeof(JournalEntry), []);
    private readonly TableStatements _incidents = new(model, typeof(Incident), ["ResolvedAt"]);
    private readonly TableStatements _facts = new(model, typeof(Fact), []);
    private SqliteConnection? _connection;

    public async Task WriteAsync(WorkflowChanges changes, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var connection = Connection();
            using var transaction = connection.BeginTransaction(deferred: false);
            try
            {
                Apply(changes, transaction);
                transaction.Commit();
            }
            catch
            {
                transaction.Rollback();
                throw;
            }
        }
        catch (SqliteException)
        {
            // The connection may be unusable after an I/O or lock error: start afresh next time.
            Reset();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Apply(WorkflowChanges changes, SqliteTransaction transaction)
    {
        foreach (var instance in changes.Created) Insert(_instances, instance, transaction);
        foreach (var (instance, expected) in changes.Updated) Update(_instances, instance, expected, transaction);
        foreach (var task in changes.TasksAdded) Insert(_tasks, task, transaction);
        foreach (var (task, expected) in changes.TasksUpdated) Update(_tasks, task, expected, transaction);
        var added = changes.BookmarksAdded.ToHashSet();
        // A bookmark made and consumed in the same burst never reaches the database.
        foreach (var bookmark in changes.BookmarksRemoved)
            if (!added.Remove(bookmark)) Expect(Run(_bookmarks.DeleteSql, _bookmarks.DeclareDelete, c => _bookmarks.BindDelete(c, bookmark), transaction), bookmark);
        foreach (var bookmark in added) Insert(_bookmarks, bookmark, transaction);
        foreach (var bookmark in changes.BookmarksUpdated) Update(_bookmarks, bookmark, null, transaction);
        foreach (var entry in changes.JournalAdded) Insert(_journal, entry, transaction);
        foreach (var incident in changes.IncidentsAdded) Insert(_incidents, incident, transaction);
        foreach (var incident in changes.IncidentsResolved) Update(_incidents, incident, null, transaction);
        foreach (var fact in changes.FactsRecorded)
        {
            Insert(_facts, fact, transaction);
            var day = FactDayCount.DayOf(fact.OccurredAt);
            foreach (var (dimension, value) in FactDayCount.KeysOf(fact))
                Run(CountFactSql, DeclareCountFact, c => BindCountFact(c, fact.Name, dimension, value, day), transaction);
        }
    }

    // The day rollup reports are summed from (FactDayCount), kept in the facts' own transaction.
    private const string CountFactSql = """
        INSERT INTO "FactDayCounts" ("Dimension", "Day", "Name", "Value", "Count") VALUES ($dimension, $day, $name, $value, 1)
        ON CONFLICT ("Dimension", "Day", "Name", "Value") DO UPDATE SET "Count" = "Count" + 1
        """;

    private static void DeclareCountFact(SqliteCommand command)
    {
        command.Parameters.Add(new SqliteParameter("$dimension", SqliteType.Text));
        command.Parameters.Add(new SqliteParameter("$day", SqliteType.Integer));
        command.Parameters.Add(new SqliteParameter("$name", SqliteType.Text));
        command.Parameters.Add(new SqliteParameter("$value", SqliteType.Text));
    }

    private static void BindCountFact(SqliteCommand command, string name, string dimension, string value, int day)
    {
        command.Parameters["$dimension"].Value = dimension;
        command.Parameters["$day"].Value = day;
        command.Parameters["$name"].Value = name;
        command.Parameters["$value"].Value = value;
    }

    private void Insert(TableStatements table, object entity, SqliteTransaction transaction) =>
        Run(table.InsertSql, table.DeclareInsert, c => table.BindInsert(c, entity), transaction);

    private void Update(TableStatements table, object entity, int? expected, SqliteTransaction transaction) =>
        Expect(Run(table.UpdateSql, table.DeclareUpdate, c => table.BindUpdate(c, entity, expected), transaction), entity);

    private static void Expect(int rows, object entity)
    {
        if (rows != 1)
            throw new ConcurrencyConflictException($"{entity.GetType().Name} was changed or consumed by someone else at the same moment.");
    }

    private int Run(string sql, Action<SqliteCommand> declare, Action<SqliteCommand> bind, SqliteTransaction transaction)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection!.CreateCommand();
            command.CommandText = sql;
            declare(command);
            command.Prepare();
            _prepared[sql] = command;
        }
        command.Transaction = transaction;
        bind(command);
        return command.ExecuteNonQuery();
    }

    private SqliteConnection Connection()
    {
        if (_connection is not null) return _connection;
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        using var pragma = _connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL;";
        pragma.ExecuteNonQuery();
        return _connection;
    }

    private void Reset()
    {
        foreach (var command in _prepared.Values) command.Dispose();
        _prepared.Clear();
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose()
    {
        Reset();
        _gate.Dispose();
    }
}
