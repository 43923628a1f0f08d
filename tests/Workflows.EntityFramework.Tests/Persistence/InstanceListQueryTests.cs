using ProcessEngine.Tests.Shared;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Persistence;

/// <summary>The studio's instance list of one flow on SQLite and PostgreSQL: pages newest first, and each filter on known data.</summary>
public sealed class InstanceListQueryTests
{
    private const string Flow = """
    { "id": "lijst", "name": "Lijst",
      "activities": [
        { "id": "eerste", "type": "HumanTask", "inputs": { "title": "Eerste stap" } },
        { "id": "tweede", "type": "HumanTask", "inputs": { "title": "Tweede stap" } } ],
      "connections": [ { "source": "eerste", "outcome": "Afgerond", "target": "tweede" } ] }
    """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Pages_NewestFirst_AndNarrowsByStatusVersionActivityAndStart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flow);
        var start = engine.Clock.GetUtcNow();
        var ids = new List<Guid>();
        foreach (var code in new[] { "L1", "L2", "L3" })
        {
            ids.Add((await engine.Runtime.StartAsync("lijst", correlationId: code)).InstanceId);
            engine.Clock.Advance(TimeSpan.FromDays(1));
        }
        await engine.PublishAsync(Flow.Replace("\"Lijst\"", "\"Lijst, versie 2\"", StringComparison.Ordinal));
        ids.Add((await engine.Runtime.StartAsync("lijst", correlationId: "L4")).InstanceId);
        await CompleteAsync(engine, "L2");          // L2 now waits in "tweede"
        await CompleteAsync(engine, "L1");
        await CompleteAsync(engine, "L1");          // L1 is finished
        var (l1, l2, l3, l4) = (ids[0], ids[1], ids[2], ids[3]);

        async Task<List<Guid>> ListAsync(InstanceFilter filter, int skip = 0, int take = 10) =>
            [.. (await engine.Monitoring.FindInstancesOfFlowAsync("lijst", filter, skip, take)).Select(i => i.Id)];

        Assert.Equal([l4, l3], await ListAsync(InstanceFilter.All, 0, 2));
        Assert.Equal([l2, l1], await ListAsync(InstanceFilter.All, 2, 2));
        Assert.Equal([l3, l2, l1], await ListAsync(new InstanceFilter(Version: 1)));
        Assert.Equal([l4], await ListAsync(new InstanceFilter(Version: 2)));
        Assert.Equal([l2], await ListAsync(new InstanceFilter(WaitingIn: "tweede")));
        Assert.Equal([l4, l3], await ListAsync(new InstanceFilter(WaitingIn: "eerste")));
        Assert.Equal([l1], await ListAsync(new InstanceFilter(Status: WorkflowStatus.Finished)));
        Assert.Equal([l3, l2], await ListAsync(new InstanceFilter(StartedFrom: start.AddHours(12), StartedBefore: start.AddDays(2).AddHours(12))));
        Assert.Equal([l3], await ListAsync(new InstanceFilter(Status: WorkflowStatus.Suspended, Version: 1, WaitingIn: "eerste")));
    }

    private static async Task CompleteAsync(TestEngine engine, string code) =>
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.CompleteTaskAsync((await engine.SingleOpenTaskAsync(code)).Id, "Afgerond")).Outcome);
}
