using ProcessEngine.Tests.Shared;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Persistence;

public sealed class PurgeTests
{
    private const string CountedFlow = """
    { "id": "counted", "name": "Geteld",
      "activities": [
        { "id": "fact", "type": "RecordFact", "inputs": { "fact": "aanmelding", "dimensions": { "huishouden": "GezinMetKinderen" } } },
        { "id": "task", "type": "HumanTask", "inputs": { "title": "Iets doen", "form": [ { "name": "tekst", "label": "Tekst" } ] } } ],
      "connections": [ { "source": "fact", "target": "task" } ] }
    """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task PurgeCorrelation_DeletesEverythingButTheFacts_WhenAllInstancesEnded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(CountedFlow);
        var started = await engine.Runtime.StartAsync("counted", correlationId: "PURGE-1");
        var task = await engine.SingleOpenTaskAsync("PURGE-1");

        var whileRunning = await engine.Purge.PurgeAsync("PURGE-1");
        await engine.Runtime.CompleteTaskAsync(task.Id, "Afgerond", new Dictionary<string, object?> { ["tekst"] = "iets over het gezin" });
        var purged = await engine.Purge.PurgeAsync("PURGE-1");

        Assert.Equal(ResumeOutcome.Rejected, whileRunning.Outcome);
        Assert.Equal(ResumeOutcome.Resumed, purged.Outcome);
        Assert.Null(await engine.Store.FindInstanceAsync(started.InstanceId));
        Assert.Null(await engine.Store.FindTaskAsync(task.Id));
        Assert.Empty(await engine.Store.GetJournalAsync(started.InstanceId));
        var counts = await engine.Store.CountFactsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, "huishouden");
        Assert.Equal(new FactCount("aanmelding", "GezinMetKinderen", 1), Assert.Single(counts));
    }
}
