using ProcessEngine.Data;
using ProcessEngine.Tests.Shared;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Persistence;

/// <summary>Several instances in one read (the RVT agenda reads every triage on the table at once), on SQLite and PostgreSQL.</summary>
public sealed class InstanceBatchReadTests
{
    private const string Flow = """
    { "id": "lijst", "name": "Lijst",
      "activities": [ { "id": "stap", "type": "HumanTask", "inputs": { "title": "Stap", "candidateGroup": "TeamA" } } ], "connections": [] }
    """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_instances_asked_for_come_back_and_unknown_ids_are_left_out(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flow);
        var started = new List<Guid>();
        foreach (var code in new[] { "A", "B", "C" }) started.Add((await engine.Runtime.StartAsync("lijst", correlationId: code)).InstanceId);

        var found = await engine.Store.FindInstancesAsync([started[0], started[2], Guid.NewGuid()]);

        Assert.Equal(["A", "C"], found.Select(i => i.CorrelationId).Order());
        Assert.Empty(await engine.Store.FindInstancesAsync([]));
    }
}
