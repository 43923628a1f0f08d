using System.Globalization;
using Microsoft.Data.Sqlite;
using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Bench;

/// <summary>What the migrate benchmark checks (untimed): the preview as the scenarios predict, and every instance moved once.</summary>
internal static class MigrateChecks
{
    /// <summary>The preview saw every instance once, each where its scenario left it, each movable, the timer recomputed only where the plan says.</summary>
    internal static string? CheckPreview(List<InstanceImpact> impacts, int instances)
    {
        if (impacts.Count != instances || impacts.Select(i => i.InstanceId).Distinct().Count() != instances)
            return $"the preview returned {impacts.Count} impacts ({impacts.Select(i => i.InstanceId).Distinct().Count()} distinct) for {instances} instances";
        foreach (var impact in impacts)
        {
            if (!impact.CanMove) return $"instance {impact.CorrelationId} cannot move: {impact.Blocked}";
            if (impact.FromVersion != 1 || impact.ToVersion != 2) return $"instance {impact.CorrelationId} would go {impact.FromVersion} -> {impact.ToVersion}";
            var index = int.Parse(impact.CorrelationId!["migrate-".Length..], CultureInfo.InvariantCulture);
            var expected = MigrateBenchmark.Mix[index % MigrateBenchmark.Mix.Length].WaitsAt;
            var from = impact.Steps.Select(s => s.FromActivity).Order(StringComparer.Ordinal).ToArray();
            if (!from.SequenceEqual(expected)) return $"instance {impact.CorrelationId} waits at [{string.Join(", ", from)}], expected [{string.Join(", ", expected)}]";
            foreach (var step in impact.Steps)
            {
                var renamed = step.FromActivity == "beoordelen";
                if (step.ToActivity != (renamed ? "beoordelen-gezin" : step.FromActivity))
                    return $"instance {impact.CorrelationId}: '{step.FromActivity}' would go to '{step.ToActivity}'";
                // Only the route's timer is recomputed; every other task and timer keeps its moment (the renamed task too).
                if (step.DueChanged != (step.FromActivity == "termijn"))
                    return $"instance {impact.CorrelationId}: the moment of '{step.FromActivity}' {(step.DueChanged ? "changes" : "stays")}";
            }
            if (!impact.Variables.Any(v => v.Name == "fase") || !impact.Variables.Any(v => v.Name == "regio"))
                return $"instance {impact.CorrelationId}: variable changes [{string.Join(", ", impact.Variables.Select(v => v.Name))}] lack 'fase' or 'regio'";
        }
        return null;
    }

    internal static void PrintMix(List<InstanceImpact> impacts)
    {
        var places = impacts.SelectMany(i => i.Steps)
            .GroupBy(s => s.Kind == "samenkomst" ? $"{s.FromActivity} ({s.Note})" : s.FromActivity == s.ToActivity ? s.FromActivity : $"{s.FromActivity}->{s.ToActivity}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine($"  waiting steps: {string.Join(", ", places)}");
    }

    internal static async Task<string?> VerifyAsync(IInstanceMigrationStore migrations, string file, int instances, int rescheduled)
    {
        var active = await migrations.CountActiveByVersionAsync(MigrateFlows.Id);
        if (active.Count != 1 || active.GetValueOrDefault(2) != instances)
            return $"expected all {instances} instances active on version 2, found {Describe(active)}";
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        long Count(string sql) => (long)SqliteFloor.Query(connection, sql)!;
        const string Ours = $"InstanceId IN (SELECT Id FROM WorkflowInstances WHERE DefinitionId = '{MigrateFlows.Id}')";
        var onVersion2 = Count($"SELECT COUNT(*) FROM WorkflowInstances WHERE DefinitionId = '{MigrateFlows.Id}' AND DefinitionVersion = 2");
        var lines = Count($"SELECT COUNT(*) FROM Journal WHERE Event = '{nameof(JournalEvent.Migrated)}' AND {Ours}");
        var movedInstances = Count($"SELECT COUNT(DISTINCT InstanceId) FROM Journal WHERE Event = '{nameof(JournalEvent.Migrated)}' AND {Ours}");
        var oldTask = Count($"SELECT COUNT(*) FROM Bookmarks WHERE ActivityId = 'beoordelen' AND {Ours}");
        var renamedTasks = Count($"SELECT COUNT(*) FROM UserTasks WHERE ActivityId = 'beoordelen-gezin' AND Status = 'Open' AND Title = 'Beoordelen met het gezin' AND {Ours}");
        var expectedRenamed = Enumerable.Range(0, instances).Count(i => MigrateBenchmark.Mix[i % MigrateBenchmark.Mix.Length].WaitsAt.Contains("beoordelen"));
        var expectedRescheduled = Enumerable.Range(0, instances).Count(i => MigrateBenchmark.Mix[i % MigrateBenchmark.Mix.Length].WaitsAt.Contains("termijn"));
        Console.WriteLine($"  check: {onVersion2} instances on version 2, {lines} migration journal lines ({movedInstances} instances), "
            + $"{renamedTasks} open tasks at 'beoordelen-gezin', {rescheduled} timers rescheduled");
        if (onVersion2 != instances) return $"{onVersion2} of {instances} instances are on version 2";
        if (lines != instances || movedInstances != instances) return $"{lines} migration journal lines on {movedInstances} instances, expected {instances} on {instances}";
        if (oldTask != 0 || renamedTasks != expectedRenamed) return $"{oldTask} bookmarks still at 'beoordelen', {renamedTasks} open tasks at 'beoordelen-gezin' (expected {expectedRenamed})";
        if (rescheduled != expectedRescheduled) return $"{rescheduled} timers rescheduled by the moves, expected {expectedRescheduled} (one per instance at 'termijn')";
        return null;
    }

    internal static string Describe(IReadOnlyDictionary<int, int> byVersion) =>
        byVersion.Count == 0 ? "none" : string.Join(", ", byVersion.OrderBy(v => v.Key).Select(v => $"{v.Value} on v{v.Key}"));
}
