using ProcessEngine.Tests.Shared;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Persistence;

/// <summary>Counting facts by a dimension happens in the database (SQLite or PostgreSQL); the period's bounds and a missing dimension count as they should.</summary>
public sealed class FactCountTests
{
    private const string Flow = """
    { "id": "facts", "name": "Feiten",
      "activities": [
        { "id": "route", "type": "RecordFact", "inputs": { "fact": "route-gekozen", "dimensions": { "expression": "input.route ? ({ route: input.route }) : ({})" } } },
        { "id": "wacht", "type": "HumanTask", "inputs": { "title": "Wachten" } } ],
      "connections": [ { "source": "route", "target": "wacht" } ] }
    """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CountByDimension_GroupsPerValue_CountsAMissingDimensionAsNone_AndKeepsToThePeriod(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flow);
        var start = engine.Clock.GetUtcNow();
        foreach (var route in new[] { "netwerkberaad", "netwerkberaad", "begeleiding-in-duo", null })
            await engine.Runtime.StartAsync("facts", new Dictionary<string, object?> { ["route"] = route });
        engine.Clock.Advance(TimeSpan.FromDays(1));
        var later = engine.Clock.GetUtcNow();
        await engine.Runtime.StartAsync("facts", new Dictionary<string, object?> { ["route"] = "netwerkberaad" });

        var firstDay = await engine.Store.CountFactsAsync(start, later, "route");
        // Times are stored to 100 µs (the binary converter), so "just after" is a millisecond later.
        var both = await engine.Store.CountFactsAsync(start, later.AddMilliseconds(1), "route");
        var oddName = await engine.Store.CountFactsAsync(start, later, "route\") OR 1=1 --");

        Assert.Equal([("begeleiding-in-duo", 1), ("netwerkberaad", 2), ((string?)null, 1)],
            firstDay.OrderBy(c => c.DimensionValue ?? "~", StringComparer.Ordinal).Select(c => (c.DimensionValue, c.Count)));
        Assert.Equal(3, both.Single(c => c.DimensionValue == "netwerkberaad").Count);
        // A dimension nobody recorded groups every fact under "none"; the name is data, never SQL.
        Assert.Equal(new FactCount("route-gekozen", null, 4), Assert.Single(oddName));
    }
}
