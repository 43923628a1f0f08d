using ProcessEngine.Tests.Shared;
using ProcessEngine.Data;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Persistence;

/// <summary>The managers' queries on SQLite and PostgreSQL against known data: exact counts, per-step norms, Amsterdam days and lead times.</summary>
public sealed class ReportQueryTests
{
    // Two steps in a row, each a task of its own team, with due periods a test can count in days.
    private const string Flow = """
    { "id": "werk", "name": "Werk",
      "activities": [
        { "id": "feit", "type": "RecordFact", "inputs": { "fact": "aanmelding", "dimensions": { "expression": "input.route ? ({ route: input.route }) : ({})" } } },
        { "id": "eerste", "type": "HumanTask", "inputs": { "title": "Eerste stap", "candidateGroup": "TeamA", "due": "P2D" } },
        { "id": "tweede", "type": "HumanTask", "inputs": { "title": "Tweede stap", "candidateGroup": "TeamB", "due": "P5D" } } ],
      "connections": [ { "source": "feit", "target": "eerste" }, { "source": "eerste", "outcome": "Afgerond", "target": "tweede" } ] }
    """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task OverdueAndStuck_CountExactly_PerTeamAndStep_WithEachStepsOwnNorm(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flow);
        foreach (var code in new[] { "A", "B", "C" }) await engine.Runtime.StartAsync("werk", correlationId: code);
        await CompleteAsync(engine, "A");   // A moves on to the second step at once
        engine.Clock.Advance(TimeSpan.FromDays(10));
        var now = engine.Clock.GetUtcNow();

        var summary = await engine.Monitoring.SummarizeOverdueTasksAsync(now);
        var teamA = await engine.Monitoring.FindOverdueTasksAsync(now, new TaskFilter(CandidateGroup: "TeamA"), 0, 50);
        var secondStep = await engine.Monitoring.FindOverdueTasksAsync(now, new TaskFilter(DefinitionId: "werk", ActivityId: "tweede"), 0, 50);
        // The first step may wait 7 days, every other step 14: B and C (10 days on the first step) are stuck, A is not.
        var rule = new StuckRule([new StepNorm("werk", "eerste", now.AddDays(-7))], now.AddDays(-14));
        var stuck = await engine.Monitoring.FindStuckTasksAsync(rule, 0, 50);
        var lenient = new StuckRule([new StepNorm("werk", "eerste", now.AddDays(-11))], now.AddDays(-9));

        Assert.Equal([("TeamA", "eerste", 2, 8), ("TeamB", "tweede", 1, 5)],
            summary.Select(g => (g.CandidateGroup, g.ActivityId, g.Count, (int)(now - g.OldestDueAt).TotalDays)));
        Assert.Equal(["B", "C"], teamA.Select(t => t.CorrelationId).Order());
        Assert.Equal("A", Assert.Single(secondStep).CorrelationId);
        Assert.Equal(["B", "C"], stuck.Select(t => t.CorrelationId).Order());
        Assert.Equal(2, await engine.Monitoring.CountStuckTasksAsync(rule));
        // With a longer norm for the first step and a shorter general one, only A's second step (10 days) is stuck.
        Assert.Equal("A", Assert.Single(await engine.Monitoring.FindStuckTasksAsync(lenient, 0, 50)).CorrelationId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task HeldTasks_AreNeitherOverdueNorStuck(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flow);
        await engine.Runtime.StartAsync("werk", correlationId: "H");
        var task = await engine.SingleOpenTaskAsync("H");
        Assert.Equal(1, await engine.ChangeDatabaseAsync(db =>
            db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, UserTaskStatus.OnHold))));
        engine.Clock.Advance(TimeSpan.FromDays(30));
        var now = engine.Clock.GetUtcNow();

        Assert.Empty(await engine.Monitoring.SummarizeOverdueTasksAsync(now));
        Assert.Equal(0, await engine.Monitoring.CountStuckTasksAsync(new StuckRule([], now.AddDays(-1))));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SlowedTasks_AreNeitherOverdueNorStuck_AndCountedApart_UntilTheirChosenMoment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flow);
        foreach (var code in new[] { "S", "T" }) await engine.Runtime.StartAsync("werk", correlationId: code);
        var slowed = await engine.SingleOpenTaskAsync("S");
        var until = engine.Clock.GetUtcNow().AddDays(20);

        Assert.Equal(ResumeOutcome.Rejected, (await engine.Runtime.SlowTaskAsync(slowed.Id, engine.Clock.GetUtcNow(), "Rust", "prof1")).Outcome);
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.SlowTaskAsync(slowed.Id, until, "Het gezin heeft rust nodig", "prof1")).Outcome);
        engine.Clock.Advance(TimeSpan.FromDays(10));
        var now = engine.Clock.GetUtcNow();
        var rule = new StuckRule([], now.AddDays(-7), now);

        var stored = (await engine.Store.FindTaskAsync(slowed.Id))!;
        Assert.Equal((until, until, "Het gezin heeft rust nodig", "prof1"), (stored.DueAt, stored.SlowedUntil, stored.SlowedReason, stored.SlowedBy));
        Assert.Equal(["T"], (await engine.Monitoring.FindOverdueTasksAsync(now, TaskFilter.All, 0, 50)).Select(t => t.CorrelationId));
        Assert.Equal(["T"], (await engine.Monitoring.FindStuckTasksAsync(rule, 0, 50)).Select(t => t.CorrelationId));
        Assert.Equal(1, await engine.Monitoring.CountSlowedTasksAsync(now));

        // Past the chosen moment the step is an ordinary open step again: late against that moment, stuck against its norm.
        engine.Clock.Advance(TimeSpan.FromDays(11));
        now = engine.Clock.GetUtcNow();
        Assert.Equal(0, await engine.Monitoring.CountSlowedTasksAsync(now));
        Assert.Equal(["S", "T"], (await engine.Monitoring.FindOverdueTasksAsync(now, TaskFilter.All, 0, 50)).Select(t => t.CorrelationId).Order());
        Assert.Equal(2, await engine.Monitoring.CountStuckTasksAsync(new StuckRule([], now.AddDays(-7), now)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task FactsByDay_CountOnTheAmsterdamDay_AndTheRollupIsRebuiltForAnOlderDatabase(DatabaseProvider provider)
    {
        // 30 June 23:30 in Amsterdam is still the first half-year, though it is 21:30 UTC.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 21, 30, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = database.Connection;
        await using (var engine = await TestEngine.StartAsync(path, clock))
        {
            await engine.PublishAsync(Flow);
            foreach (var route in new[] { "netwerkberaad", "netwerkberaad", null })
                await engine.Runtime.StartAsync("werk", new Dictionary<string, object?> { ["route"] = route });
            clock.Advance(TimeSpan.FromHours(1)); // 1 July 00:30 Amsterdam
            await engine.Runtime.StartAsync("werk", new Dictionary<string, object?> { ["route"] = "begeleiding-in-duo" });

            Assert.Equal([("netwerkberaad", 2), ((string?)null, 1)], await CountsAsync(engine.Monitoring, new DateOnly(2026, 1, 1), new DateOnly(2026, 7, 1)));
            Assert.Equal([("begeleiding-in-duo", 1)], await CountsAsync(engine.Monitoring, new DateOnly(2026, 7, 1), new DateOnly(2027, 1, 1)));
            // A database from before the rollup: its facts are counted into it on the next start.
            Assert.True(await engine.ChangeDatabaseAsync(db => db.FactDayCounts.ExecuteDeleteAsync()) > 0);
        }
        await using var upgraded = await TestEngine.StartAsync(path, clock);
        Assert.Equal([("begeleiding-in-duo", 1), ("netwerkberaad", 2), ((string?)null, 1)],
            await CountsAsync(upgraded.Monitoring, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task LeadTimes_CountFinishedInstancesByMonthOfFinishing_InWholeDays(DatabaseProvider provider)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection, clock);
        await engine.PublishAsync(Flow);
        foreach (var code in new[] { "A", "B", "C", "D" }) await engine.Runtime.StartAsync("werk", correlationId: code);
        clock.Advance(TimeSpan.FromDays(3));
        await FinishAsync(engine, "A"); // 3 days, March
        await FinishAsync(engine, "B"); // 3 days, March
        clock.Advance(TimeSpan.FromDays(40));
        await FinishAsync(engine, "C"); // 43 days, April
        await engine.Runtime.CancelAsync((await engine.SingleOpenTaskAsync("D")).InstanceId); // cancelled: no lead time
        var bounds = new[] { new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 4, 30, 22, 0, 0, TimeSpan.Zero) };

        var counts = await engine.Monitoring.CountLeadTimesAsync(["werk", "onbekend"], bounds);

        Assert.Equal([("werk", 0, 3, 2), ("werk", 1, 43, 1)], counts.OrderBy(c => c.Period).Select(c => (c.DefinitionId, c.Period, c.Days, c.Count)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task OpenIncidents_CarryTheirInstancesFlowAndCasus_NewestFirst_AndTheStudioListsTheFlowsInstances(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync("""
        { "id": "wees", "name": "Zonder kind",
          "activities": [ { "id": "sub", "type": "RunSubflow", "inputs": { "flow": "bestaat-niet" } } ], "connections": [] }
        """);
        var first = await engine.Runtime.StartAsync("wees", correlationId: "INC-A");
        engine.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await engine.Runtime.StartAsync("wees", correlationId: "INC-B");

        var page1 = await engine.Monitoring.FindOpenIncidentsAsync(0, 1);
        var page2 = await engine.Monitoring.FindOpenIncidentsAsync(1, 1);
        var instances = await engine.Monitoring.FindInstancesOfFlowAsync("wees", InstanceFilter.All, 0, 10);

        Assert.Equal([(second.InstanceId, "wees", "INC-B", "sub")], page1.Select(i => (i.InstanceId, i.DefinitionId, i.CorrelationId, i.ActivityId)));
        Assert.Equal([(first.InstanceId, "wees", "INC-A", "sub")], page2.Select(i => (i.InstanceId, i.DefinitionId, i.CorrelationId, i.ActivityId)));
        Assert.Equal(2, await engine.Monitoring.CountOpenIncidentsAsync());
        Assert.Equal([(second.InstanceId, WorkflowStatus.Faulted, false), (first.InstanceId, WorkflowStatus.Faulted, false)],
            instances.Select(i => (i.Id, i.Status, i.ParentInstanceId is not null)));
    }

    private static async Task<List<(string?, int)>> CountsAsync(IWorkflowMonitoring monitoring, DateOnly from, DateOnly to) =>
        [.. (await monitoring.CountFactsByDayAsync(from, to, "route")).Where(c => c.Name == "aanmelding")
            .OrderBy(c => c.DimensionValue ?? "~", StringComparer.Ordinal).Select(c => (c.DimensionValue, c.Count))];

    private static async Task CompleteAsync(TestEngine engine, string code) =>
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.CompleteTaskAsync((await engine.SingleOpenTaskAsync(code)).Id, "Afgerond")).Outcome);

    private static async Task FinishAsync(TestEngine engine, string code)
    {
        await CompleteAsync(engine, code);
        await CompleteAsync(engine, code);
    }
}
