using Microsoft.Data.Sqlite;

namespace ProcessEngine.Bench;

/// <summary>One flow instance as the floor tracks it between steps: what its next step's WHERE clauses need.</summary>
internal sealed class FloorInstance(Guid id, string correlationId)
{
    public Guid Id { get; } = id;
    public string CorrelationId { get; } = correlationId;
    public int Version { get; set; }
    public Guid BookmarkId { get; set; }
    public Guid TaskId { get; set; }
    /// <summary>The instance's journal length: each journal row carries the next sequence number.</summary>
    public int JournalCount { get; set; }
}

/// <summary>
/// The prepared statements of the floor, each created and prepared once and re-bound per row. Column
/// values have the engine's shapes: ids as upper-case TEXT, enums as their names, times as EF Core's
/// DateTimeOffset-to-binary INTEGER, JSON as the engine serialises it.
/// </summary>
internal sealed class FloorStatements : IDisposable
{
    private const string DefinitionId = BenchFlows.StepsId;
    private const string Outcome = BenchFlows.Outcome;
    private const string NoJson = "{}";
    private const string OutcomesJson = "[\"" + BenchFlows.Outcome + "\"]";
    private const string ResultJson = "{\"opmerking\":\"ok\"}";
    /// <summary>A task row is created at version 0 and completed once, from that version.</summary>
    private const int OpenTaskVersion = 0;

    private readonly SqliteCommand _insertInstance, _updateInstance, _updateTask, _deleteBookmark, _insertBookmark, _insertTask, _insertJournal;
    private readonly SqliteCommand[] _all;

    public FloorStatements(SqliteConnection connection)
    {
        _insertInstance = Prepare(connection, """
            INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersion, Status, CorrelationId, ParentInstanceId, ParentBookmarkId,
                InputJson, VariablesJson, StateJson, FaultedActivityId, CreatedAt, UpdatedAt, FinishedAt, Version, JournalCount)
            VALUES ($id, $definition, 1, 'Suspended', $correlation, NULL, NULL, '{}', '{}', '{}', NULL, $now, $now, NULL, 1, 1)
            """, ("$id", SqliteType.Text), ("$definition", SqliteType.Text), ("$correlation", SqliteType.Text), ("$now", SqliteType.Integer));
        _updateInstance = Prepare(connection, """
            UPDATE WorkflowInstances SET Status = $status, VariablesJson = $variables, StateJson = $state, UpdatedAt = $now,
                FinishedAt = $finished, JournalCount = $journal, Version = $version + 1
            WHERE Id = $id AND Version = $version
            """, ("$status", SqliteType.Text), ("$variables", SqliteType.Text), ("$state", SqliteType.Text), ("$now", SqliteType.Integer),
            ("$finished", SqliteType.Integer), ("$journal", SqliteType.Integer), ("$version", SqliteType.Integer), ("$id", SqliteType.Text));
        _updateTask = Prepare(connection, """
            UPDATE UserTasks SET Status = 'Completed', Outcome = $outcome, CompletedBy = $user, CompletedAt = $now, ResultJson = $result,
                Version = $version + 1
            WHERE Id = $id AND Version = $version
            """, ("$outcome", SqliteType.Text), ("$user", SqliteType.Text), ("$now", SqliteType.Integer), ("$result", SqliteType.Text),
            ("$version", SqliteType.Integer), ("$id", SqliteType.Text));
        _deleteBookmark = Prepare(connection, "DELETE FROM Bookmarks WHERE Id = $id", ("$id", SqliteType.Text));
        _insertBookmark = Prepare(connection, """
            INSERT INTO Bookmarks (Id, InstanceId, ActivityId, Kind, CorrelationId, SignalName, DueAt, TaskId, ChildInstanceId, CreatedAt)
            VALUES ($id, $instance, $activity, 'Task', $correlation, NULL, NULL, $task, NULL, $now)
            """, ("$id", SqliteType.Text), ("$instance", SqliteType.Text), ("$activity", SqliteType.Text), ("$correlation", SqliteType.Text),
            ("$task", SqliteType.Text), ("$now", SqliteType.Integer));
        _insertTask = Prepare(connection, """
            INSERT INTO UserTasks (Id, InstanceId, BookmarkId, ActivityId, DefinitionId, CorrelationId, Title, Description, Assignee,
                CandidateGroup, DueAt, OutcomesJson, FormJson, Status, CreatedAt, CompletedAt, CompletedBy, Outcome, ResultJson, Version)
            VALUES ($id, $instance, $bookmark, $activity, $definition, $correlation, $title, NULL, NULL,
                $group, NULL, $outcomes, $form, 'Open', $now, NULL, NULL, NULL, NULL, 0)
            """, ("$id", SqliteType.Text), ("$instance", SqliteType.Text), ("$bookmark", SqliteType.Text), ("$activity", SqliteType.Text),
            ("$definition", SqliteType.Text), ("$correlation", SqliteType.Text), ("$title", SqliteType.Text), ("$group", SqliteType.Text),
            ("$outcomes", SqliteType.Text), ("$form", SqliteType.Text), ("$now", SqliteType.Integer));
        _insertJournal = Prepare(connection, """
            INSERT INTO Journal (Id, InstanceId, Sequence, ActivityId, ActivityType, Event, Outcome, StartedAt, EndedAt, Message)
            VALUES ($id, $instance, $sequence, $activity, 'HumanTask', $event, $outcome, $now, $now, NULL)
            """, ("$id", SqliteType.Text), ("$instance", SqliteType.Text), ("$sequence", SqliteType.Integer), ("$activity", SqliteType.Text),
            ("$event", SqliteType.Text), ("$outcome", SqliteType.Text), ("$now", SqliteType.Integer));
        _all = [_insertInstance, _updateInstance, _updateTask, _deleteBookmark, _insertBookmark, _insertTask, _insertJournal];
    }

    /// <summary>Microsoft.Data.Sqlite wants each command to name the connection's open transaction.</summary>
    public void Use(SqliteTransaction transaction)
    {
        foreach (var command in _all) command.Transaction = transaction;
    }

    /// <summary>What the engine's StartAsync writes: the instance, waiting on task 1 (bookmark, task, journal).</summary>
    public FloorInstance Start(string correlationId, DateTimeOffset now)
    {
        var flow = new FloorInstance(Guid.CreateVersion7(now), correlationId) { Version = 1, JournalCount = 0 };
        Run(_insertInstance, flow.Id, DefinitionId, correlationId, Time(now));
        AddTask(flow, 1, now);
        return flow;
    }

    /// <summary>
    /// What the engine's CompleteTaskAsync writes for one step: instance (version-checked), the completed task
    /// (version-checked), the consumed bookmark deleted (must exist), then for steps 1-9 the next bookmark,
    /// task and journal rows; step 10 finishes the instance instead.
    /// </summary>
    public void Step(FloorInstance flow, int step, DateTimeOffset now)
    {
        var last = step == BenchFlows.Steps;
        var at = Time(now);
        // The engine journals "Completed" and, but for the last step, "Suspended" on the next task.
        var journalAfter = flow.JournalCount + (last ? 1 : 2);
        Run(_updateInstance, last ? "Finished" : "Suspended", NoJson, NoJson, at, last ? at : null, journalAfter, flow.Version, flow.Id);
        flow.Version++;
        Run(_updateTask, Outcome, EngineStepsBenchmark.User, at, ResultJson, OpenTaskVersion, flow.TaskId);
        Run(_deleteBookmark, flow.BookmarkId);
        Run(_insertJournal, Guid.CreateVersion7(now), flow.Id, ++flow.JournalCount, $"s{step}", "Completed", Outcome, at);
        if (!last) AddTask(flow, step + 1, now);
    }

    private void AddTask(FloorInstance flow, int step, DateTimeOffset now)
    {
        var at = Time(now);
        var activity = $"s{step}";
        flow.BookmarkId = Guid.CreateVersion7(now);
        flow.TaskId = Guid.CreateVersion7(now);
        Run(_insertBookmark, flow.BookmarkId, flow.Id, activity, flow.CorrelationId, flow.TaskId, at);
        Run(_insertTask, flow.TaskId, flow.Id, flow.BookmarkId, activity, DefinitionId, flow.CorrelationId, BenchFlows.Title(step),
            BenchFlows.CandidateGroup, OutcomesJson, BenchFlows.FormJson, at);
        Run(_insertJournal, Guid.CreateVersion7(now), flow.Id, ++flow.JournalCount, activity, "Suspended", null, at);
    }

    /// <summary>EF Core's DateTimeOffsetToBinaryConverter, which the engine's DbContext uses for every time column on SQLite.</summary>
    private static long Time(DateTimeOffset value) => ((value.Ticks / 1000) << 11) | ((long)value.Offset.TotalMinutes & 0x07FF);

    /// <summary>Binds the values in parameter order and checks that exactly one row changed, as EF Core's concurrency check does.</summary>
    private static void Run(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        if (command.ExecuteNonQuery() != 1) throw new InvalidOperationException($"Floor statement changed no row: {command.CommandText}");
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters) command.Parameters.Add(name, type);
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _all) command.Dispose();
    }
}
