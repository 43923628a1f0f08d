using System.Data.Common;

namespace ProcessEngine.Reliability.Tests.Support;

/// <summary>Counts read straight from the engine's tables, so each assertion is about what was committed.</summary>
public sealed class EngineRows(HostDatabase database)
{
    /// <summary>Task id → instance id, of every task of one step (activity) of the reliability flows.</summary>
    public async Task<Dictionary<Guid, Guid>> TasksOfStepAsync(string activityId, string? status = null) =>
        (await RowsAsync("""SELECT "Id", "InstanceId" FROM "UserTasks" WHERE "ActivityId" = $1 AND ($2 IS NULL OR "Status" = $2)""",
            activityId, status)).ToDictionary(r => Guid.Parse(r[0]), r => Guid.Parse(r[1]));

    /// <summary>Per instance, how many journal entries of this activity and event there are (instances with none are absent).</summary>
    public async Task<Dictionary<Guid, int>> JournalPerInstanceAsync(string activityId, string journalEvent) =>
        (await RowsAsync("""SELECT "InstanceId", COUNT(*) FROM "Journal" WHERE "ActivityId" = $1 AND "Event" = $2 GROUP BY "InstanceId" """,
            activityId, journalEvent)).ToDictionary(r => Guid.Parse(r[0]), r => int.Parse(r[1]));

    /// <summary>Per instance, how many tasks of this step it has.</summary>
    public async Task<Dictionary<Guid, int>> TasksPerInstanceAsync(string activityId) =>
        (await RowsAsync("""SELECT "InstanceId", COUNT(*) FROM "UserTasks" WHERE "ActivityId" = $1 GROUP BY "InstanceId" """, activityId))
            .ToDictionary(r => Guid.Parse(r[0]), r => int.Parse(r[1]));

    /// <summary>Per task (the id its detail names), how many successful audit lines of this event there are.</summary>
    public async Task<Dictionary<Guid, int>> AuditLinesPerTaskAsync(string eventCode) =>
        (await RowsAsync("""SELECT "Detail", COUNT(*) FROM "AuditLog" WHERE "EventCode" = $1 AND "Outcome" = '0' GROUP BY "Detail" """, eventCode))
            .ToDictionary(r => Guid.Parse(r[0]), r => int.Parse(r[1]));

    /// <summary>The tasks whose e-mail prompt of this kind ("task": the new-task prompt) was written.</summary>
    public async Task<HashSet<Guid>> PromptMarkedTasksAsync(string kind = "task") =>
        [.. (await RowsAsync("""SELECT "TaskId" FROM "PromptMarks" WHERE "Kind" = $1""", kind)).Select(r => Guid.Parse(r[0]))];

    public async Task<int> CountAsync(string sql, params object?[] parameters) =>
        int.Parse((await RowsAsync(sql, parameters)).Single()[0]);

    /// <summary>Signals flows sent that are not delivered yet.</summary>
    public Task<int> UndeliveredSignalsAsync() => CountAsync("""SELECT COUNT(*) FROM "SentSignals" """);

    public Task<int> TimerBookmarksAsync() => CountAsync("""SELECT COUNT(*) FROM "Bookmarks" WHERE "Kind" = 'Timer'""");

    private async Task<List<string[]>> RowsAsync(string sql, params object?[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            // $1, $2 … are named parameters to SQLite and positional ones (unnamed) to PostgreSQL.
            if (connection is Microsoft.Data.Sqlite.SqliteConnection) parameter.ParameterName = $"${i + 1}";
            if (parameters[i] is null or string) parameter.DbType = System.Data.DbType.String;
            parameter.Value = parameters[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        var rows = new List<string[]>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        return rows;
    }
}
