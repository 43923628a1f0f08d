using ProcessEngine.Tests.Shared;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Tests;

public sealed class GenericActivityTests
{
    [Fact]
    public async Task HumanTask_CountsWerkdagenOverChristmas_WhenDueIsInWorkingDays()
    {
        await using var fixture = new ActivityFixture();

        var started = await fixture.RunSingleAsync("HumanTask", """{ "title": "Voorbereiden", "due": "5 werkdagen", "assignee": "prof1" }""");

        var task = Assert.Single(await fixture.Store.FindOpenTasksAsync(new TaskQuery(Assignee: "prof1")));
        Assert.Equal(started.InstanceId, task.InstanceId);
        // Fri 18 Dec + 5 werkdagen skips the weekends and both Kerstdagen: Monday 28 December, same hour.
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.Zero), task.DueAt);
        Assert.Equal(["Afgerond"], task.Outcomes);
    }

    [Fact]
    public async Task HumanTask_UsesFixedDueMoment_WhenDueAtIsGiven()
    {
        await using var fixture = new ActivityFixture();

        await fixture.RunSingleAsync("HumanTask",
            """{ "title": "Netwerkberaad houden", "assignee": "prof1", "due": "P1D", "dueAt": { "expression": "input.datum + 'T15:00:00Z'" } }""",
            new Dictionary<string, object?> { ["datum"] = "2027-01-12" });

        var task = Assert.Single(await fixture.Store.FindOpenTasksAsync(new TaskQuery(Assignee: "prof1")));
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 15, 0, 0, TimeSpan.Zero), task.DueAt);
    }

    [Fact]
    public async Task HumanTask_TakesTitleAndAssigneeFromExpressions_WhenGiven()
    {
        await using var fixture = new ActivityFixture();

        await fixture.RunSingleAsync("HumanTask",
            """{ "title": { "expression": "'Evaluatie ' + input.maatregel" }, "assignee": { "expression": "input.inbrenger" } }""",
            new Dictionary<string, object?> { ["maatregel"] = "OTS", ["inbrenger"] = "prof7" });

        var task = Assert.Single(await fixture.Store.FindOpenTasksAsync(new TaskQuery(Assignee: "prof7")));
        Assert.Equal("Evaluatie OTS", task.Title);
    }

    [Fact]
    public async Task Delay_SchedulesTimerAtUntil_WhenUntilIsGiven()
    {
        await using var fixture = new ActivityFixture();

        var started = await fixture.RunSingleAsync("Delay", """{ "until": "2027-02-01T08:00:00Z" }""");

        var timer = Assert.Single(await fixture.Store.GetBookmarksAsync(started.InstanceId));
        Assert.Equal((timer.Id, new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.Zero)), Assert.Single(fixture.Scheduled.Calls));
        fixture.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await fixture.Runtime.FireDueTimersAsync());
        Assert.Equal(WorkflowStatus.Finished, (await fixture.Store.FindInstanceAsync(started.InstanceId))!.Status);
    }

    /// <summary>A bare date is the start of that day in Amsterdam, written literally or given by an expression (a flow's date variable).</summary>
    [Theory]
    [InlineData("""{ "until": "2026-06-02" }""")]
    [InlineData("""{ "until": { "expression": "input.eindDatum" } }""")]
    public async Task Delay_ReadsABareDateAsMidnightInAmsterdam_NotUtc(string inputs)
    {
        await using var fixture = new ActivityFixture();

        var started = await fixture.RunSingleAsync("Delay", inputs, new Dictionary<string, object?> { ["eindDatum"] = "2026-06-02" });

        // 2 June 00:00 in summer time is 1 June 22:00 UTC; read as UTC it would come two hours late.
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 22, 0, 0, TimeSpan.Zero), Assert.Single(await fixture.Store.GetBookmarksAsync(started.InstanceId)).DueAt);
    }

    [Fact]
    public async Task Delay_StillFiresThroughTheSweep_WhenSchedulingFailsAfterCommit()
    {
        await using var fixture = new ActivityFixture();
        fixture.Scheduled.Broken = true;

        var started = await fixture.RunSingleAsync("Delay", """{ "duration": "P1D" }""");

        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Empty(fixture.Scheduled.Calls);
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await fixture.Runtime.FireDueTimersAsync());
        Assert.Equal(WorkflowStatus.Finished, (await fixture.Store.FindInstanceAsync(started.InstanceId))!.Status);
    }

    [Fact]
    public async Task Delay_FaultsWithClearMessage_WhenNeitherDurationNorUntilIsGiven()
    {
        await using var fixture = new ActivityFixture();

        var started = await fixture.RunSingleAsync("Delay", "{}");

        Assert.Equal(WorkflowStatus.Faulted, started.Status);
        var incident = Assert.Single(await fixture.Store.GetOpenIncidentsAsync(started.InstanceId));
        Assert.Contains("needs a duration or an until moment", incident.Message);
    }

    [Fact]
    public async Task SetVariable_StoresExpressionResult_WhenValueIsAnExpression()
    {
        await using var fixture = new ActivityFixture();

        var started = await fixture.RunSingleAsync("SetVariable",
            """{ "variable": "evaluatie", "value": { "expression": "({ maatregel: input.type, maanden: 3 })" } }""",
            new Dictionary<string, object?> { ["type"] = "OTS" });

        var instance = await fixture.Store.FindInstanceAsync(started.InstanceId);
        var value = Assert.IsType<Dictionary<string, object?>>(instance!.Variables["evaluatie"]);
        Assert.Equal("OTS", value["maatregel"]);
        Assert.Equal(3L, value["maanden"]);
    }

    [Fact]
    public async Task WaitForSignal_KeepsSignalPayload_WhenSignalArrives()
    {
        await using var fixture = new ActivityFixture();
        var started = await fixture.RunSingleAsync("WaitForSignal", """{ "signal": "Stopknop", "resultVariable": "stop" }""");

        var resumed = await fixture.Runtime.SignalAsync("Stopknop", null, started.InstanceId,
            new Dictionary<string, object?> { ["reden"] = "hulp schaadt", ["door"] = "prof1" });

        Assert.Equal(1, resumed);
        var instance = await fixture.Store.FindInstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, instance!.Status);
        Assert.Equal("hulp schaadt", Assert.IsType<Dictionary<string, object?>>(instance.Variables["stop"])["reden"]);
    }
}
