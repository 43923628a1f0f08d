using Microsoft.Data.Sqlite;

namespace ProcessEngine.Bench;

/// <summary>
/// Guards the comparison: after both runs, the engine's file and the floor's file must hold the same rows
/// (per table, by count, and with the same stored types), or the floor is not writing what the engine writes.
/// </summary>
internal static class RowCheck
{
    private static readonly string[] Checks =
    [
        "SELECT COUNT(*) FROM WorkflowInstances WHERE Status = 'Finished' AND typeof(Id) = 'text' AND typeof(UpdatedAt) = 'integer'",
        "SELECT COUNT(*) FROM WorkflowInstances",
        "SELECT COUNT(*) FROM WorkflowInstances WHERE JournalCount = (SELECT COUNT(*) FROM Journal j WHERE j.InstanceId = WorkflowInstances.Id AND j.Sequence <= WorkflowInstances.JournalCount)",
        "SELECT COUNT(*) FROM Bookmarks",
        "SELECT COUNT(*) FROM UserTasks WHERE Status = 'Completed' AND Outcome IS NOT NULL AND ResultJson IS NOT NULL AND typeof(CompletedAt) = 'integer' AND Version = 1",
        "SELECT COUNT(*) FROM UserTasks",
        "SELECT COUNT(*) FROM Journal WHERE Event = 'Completed'",
        "SELECT COUNT(*) FROM Journal WHERE Event = 'Suspended'",
        "SELECT COUNT(*) FROM Journal WHERE typeof(InstanceId) = 'text' AND InstanceId = upper(InstanceId)",
    ];

    public static void RequireSameRows(string engineFile, string floorFile)
    {
        var engine = Counts(engineFile);
        var floor = Counts(floorFile);
        for (var i = 0; i < Checks.Length; i++)
            if (engine[i] != floor[i])
                throw new InvalidOperationException($"Engine and floor files differ ({engine[i]} vs {floor[i]}): {Checks[i]}");
        Console.WriteLine($"  row check: both files hold {engine[1]} instances, {engine[5]} tasks, {engine[6] + engine[7]} journal rows, {engine[3]} bookmarks");
    }

    private static long[] Counts(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return [.. Checks.Select(sql => (long)SqliteFloor.Query(connection, sql)!)];
    }
}
