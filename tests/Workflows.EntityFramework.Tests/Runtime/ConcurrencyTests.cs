using ProcessEngine.Tests.Shared;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Runtime;

public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CompleteTask_SucceedsExactlyOnce_WhenTwoNodesCompleteItAtTheSameTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var nodeA = await TestEngine.StartAsync(database.Connection);
        await using var nodeB = await TestEngine.StartAsync(database.Connection, nodeA.Clock);
        await nodeA.PublishAsync(Flows.TwoTasks);
        const int count = 25;
        var tasks = new List<UserTask>();
        for (var i = 0; i < count; i++)
        {
            await nodeA.Runtime.StartAsync("two-tasks", correlationId: $"RACE-{i}");
            tasks.Add(await nodeA.SingleOpenTaskAsync($"RACE-{i}"));
        }
        var data = new Dictionary<string, object?> { ["hulpvraag"] = "x" };

        var results = await Task.WhenAll(tasks.Select(async task =>
        {
            var pair = await Task.WhenAll(
                Task.Run(() => nodeA.Runtime.CompleteTaskAsync(task.Id, "Regulier", data, "userA")),
                Task.Run(() => nodeB.Runtime.CompleteTaskAsync(task.Id, "Acuut", data, "userB")));
            return (task, pair);
        }));

        foreach (var (task, pair) in results)
        {
            Assert.Equal(1, pair.Count(r => r.Outcome == ResumeOutcome.Resumed));
            Assert.Equal(1, pair.Count(r => r.Outcome == ResumeOutcome.AlreadyHandled));
            var next = await nodeA.SingleOpenTaskAsync(task.CorrelationId!);
            var winner = (await nodeA.Store.FindTaskAsync(task.Id))!;
            Assert.Equal(winner.Outcome == "Regulier" ? "Triage" : "Spoedoverleg", next.Title);
            var journal = await nodeA.Store.GetJournalAsync(task.InstanceId);
            Assert.Single(journal, j => j.ActivityId == "intake" && j.Event == JournalEvent.Completed);
        }
    }
}
