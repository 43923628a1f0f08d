using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Data;
using ProcessEngine.Tests.Shared;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;
using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Migration;

/// <summary>
/// Moving a running instance to a new version of its flow, on both providers: a claimed task renamed and re-asked, a timer
/// recomputed from the start input, a signal, a join with one branch arrived, variables renamed and set; and what must
/// not happen: anything run again, a stale instance moved, a plan with a waiting activity left out.
/// </summary>
public sealed class InstanceMigrationTests
{
    private static readonly MigrationPlan Plan = new(MigrationFlows.Id, [1], 2,
        [new ActivityMapping("beoordelen", "beoordelen-gezin"), new ActivityMapping("wacht", "wacht", DueMoment.Recompute)],
        [new VariableMapping("teller", VariableAction.Rename, To: "aantal"), new VariableMapping("fase", VariableAction.Set, Expression: "'na-verplaatsing-' + variables.aantal")]);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrate_MovesWaitingStepsWithoutRunningAnythingAgain_AndTheInstanceGoesOnInTheNewVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        var (instanceId, task) = await StartOnVersion1Async(engine, "M-1");
        await engine.Runtime.SignalAsync("Verder", "M-1");
        await engine.Runtime.ClaimTaskAsync(task.Id, "pietje", ["Professional"]);
        var journalBefore = await engine.Store.GetJournalAsync(instanceId);
        var timerBefore = Assert.Single(await engine.Store.GetBookmarksAsync(instanceId), b => b.Kind == BookmarkKind.Timer);

        var migrator = engine.Services.GetRequiredService<InstanceMigrator>();
        var plan = await migrator.ResolveAsync(Plan);
        var preview = Assert.Single(await migrator.PreviewAsync(plan, Guid.Empty, 100));
        var result = await migrator.MigrateAsync(plan, instanceId, preview.InstanceVersion, "titel en termijn volgens de wet");

        Assert.Equal(MigrationOutcome.Moved, result.Outcome);
        Assert.Equal(preview.Steps, result.Impact!.Steps);
        var instance = (await engine.Store.FindInstanceAsync(instanceId))!;
        Assert.Equal(2, instance.DefinitionVersion);
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        Assert.Equal(3L, Convert.ToInt64(instance.Variables["aantal"]));
        Assert.False(instance.Variables.ContainsKey("teller"));
        Assert.Equal("na-verplaatsing-3", instance.Variables["fase"]);
        Assert.Equal("P2W", instance.Variables["regioTermijn"]);

        var moved = await engine.SingleOpenTaskAsync("M-1");
        Assert.Equal(task.Id, moved.Id);
        Assert.Equal("beoordelen-gezin", moved.ActivityId);
        Assert.Equal("Beoordelen met het gezin", moved.Title);
        Assert.Equal("pietje", moved.Assignee);
        Assert.Equal("RvtChair", moved.CandidateGroup);
        Assert.Equal(task.DueAt, moved.DueAt);
        Assert.Equal(["stemGezin"], moved.Form.Select(f => f.Name));
        Assert.Equal((true, false), (task.Escalates, moved.Escalates));
        var timer = Assert.Single(await engine.Store.GetBookmarksAsync(instanceId), b => b.Kind == BookmarkKind.Timer);
        Assert.Equal(timerBefore.Id, timer.Id);
        // 15 July 2026, 00:00 in Amsterdam (summer time): six months from the start date, not three from the start.
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 22, 0, 0, TimeSpan.Zero), timer.DueAt);
        // The heat map's rollup follows the move (the Bookmarks trigger on a changed activity or moment): it counts what waits now.
        var waiting = (await engine.Store.GetBookmarksAsync(instanceId)).GroupBy(b => (b.ActivityId, b.Kind))
            .Select(g => (g.Key.ActivityId, g.Key.Kind, g.Count())).OrderBy(w => w.ActivityId, StringComparer.Ordinal).ToList();
        Assert.Contains(("beoordelen-gezin", BookmarkKind.Task, 1), waiting);
        Assert.Equal(waiting, (await engine.Monitoring.SummarizeWaitingAsync(instance.DefinitionId, engine.Clock.GetUtcNow()))
            .Select(w => (w.ActivityId, w.Kind, w.Count)).OrderBy(w => w.ActivityId, StringComparer.Ordinal));

        var journal = await engine.Store.GetJournalAsync(instanceId);
        Assert.Equal(journalBefore.Select(j => (j.Sequence, j.ActivityId, j.Event)), journal.Take(journalBefore.Count).Select(j => (j.Sequence, j.ActivityId, j.Event)));
        var line = Assert.Single(journal.Skip(journalBefore.Count));
        Assert.Equal(JournalEvent.Migrated, line.Event);
        Assert.Equal("Verplaatst van versie 1 naar versie 2: titel en termijn volgens de wet", line.Message);

        // The join kept its arrived branch: the task and the timer are all it still needs.
        await engine.Runtime.CompleteTaskAsync(moved.Id, "Klaar", user: "pietje");
        engine.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 14, 22, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await engine.Runtime.FireDueTimersAsync());
        Assert.Equal(WorkflowStatus.Finished, (await engine.Store.FindInstanceAsync(instanceId))!.Status);
        var after = (await engine.Store.GetJournalAsync(instanceId)).Skip(journalBefore.Count + 1).ToList();
        Assert.DoesNotContain(after, j => j.ActivityId is "splits" or "signaal");
        Assert.Contains(after, j => j.ActivityId == "samen" && j.Event == JournalEvent.Completed);
    }

    [Fact]
    public async Task Migrate_KeepsTheTimersMoment_WhenThePlanKeepsIt_AndRecomputesWhatItSaysToRecompute()
    {
        await using var engine = await TestEngine.StartAsync();
        var (instanceId, claimed) = await StartOnVersion1Async(engine, "M-2");
        await engine.Runtime.ClaimTaskAsync(claimed.Id, "pietje", ["Professional"]);
        var before = Assert.Single(await engine.Store.GetBookmarksAsync(instanceId), b => b.Kind == BookmarkKind.Timer);
        var migrator = engine.Services.GetRequiredService<InstanceMigrator>();
        var plan = await migrator.ResolveAsync(Plan with
        {
            Activities = [new ActivityMapping("beoordelen", "beoordelen-gezin", DueMoment.Recompute, Holder: HolderChoice.Recompute)],
        });

        var result = await migrator.MigrateAsync(plan, instanceId, null, null);

        Assert.Equal(MigrationOutcome.Moved, result.Outcome);
        var after = Assert.Single(await engine.Store.GetBookmarksAsync(instanceId), b => b.Kind == BookmarkKind.Timer);
        Assert.Equal(before.DueAt, after.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero), after.DueAt); // three months on in Amsterdam: 10:00 in summer time
        // The task's moment was recomputed: ten working days from now (2 March 2026), not five.
        var task = await engine.SingleOpenTaskAsync("M-2");
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero), task.DueAt);
        var step = Assert.Single(result.Impact!.Steps, s => s.Kind == "taak");
        Assert.True(step.DueChanged);
        Assert.True(step.FormChanged);
        // The holder was recomputed: the claim goes, the task is offered to the group the new version names.
        Assert.Equal(("pietje", "groep RvtChair"), (step.FromHolder, step.ToHolder));
        Assert.Equal(((string?)null, "RvtChair"), (task.Assignee, task.CandidateGroup));
    }

    [Fact]
    public async Task Resolve_RefusesAPlan_ThatLeavesAWaitingActivityWithoutAPlace()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(MigrationFlows.Version1);
        await engine.PublishAsync(MigrationFlows.Version2);
        var planner = engine.Services.GetRequiredService<MigrationPlanner>();

        var problems = await planner.CheckAsync(new MigrationPlan(MigrationFlows.Id, [1], 2));
        var unmapped = Assert.Single(problems);
        Assert.Equal("beoordelen", unmapped.ActivityId);
        Assert.Contains("'beoordelen'", unmapped.Message);

        var wrongKind = await planner.CheckAsync(new MigrationPlan(MigrationFlows.Id, [1], 2, [new ActivityMapping("beoordelen", "wacht")]));
        Assert.Contains(wrongKind, p => p.Field == "activities[0]" && p.Message.Contains("HumanTask"));
        var badExpression = await planner.CheckAsync(Plan with { Variables = [new VariableMapping("x", VariableAction.Set, Expression: "variables.(")] });
        Assert.Contains(badExpression, p => p.Field == "variables[0].expression");
    }

    [Fact]
    public async Task Migrate_SkipsAnInstanceAsStale_WhenItMovedOnSinceThePreview()
    {
        await using var engine = await TestEngine.StartAsync();
        var (instanceId, _) = await StartOnVersion1Async(engine, "M-3");
        var migrator = engine.Services.GetRequiredService<InstanceMigrator>();
        var plan = await migrator.ResolveAsync(Plan);
        var preview = Assert.Single(await migrator.PreviewAsync(plan, [instanceId]));

        await engine.Runtime.SignalAsync("Verder", "M-3");
        var result = await migrator.MigrateAsync(plan, instanceId, preview.InstanceVersion, null);

        Assert.Equal(MigrationOutcome.Stale, result.Outcome);
        Assert.Equal(1, (await engine.Store.FindInstanceAsync(instanceId))!.DefinitionVersion);
        Assert.Equal("beoordelen", (await engine.SingleOpenTaskAsync("M-3")).ActivityId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrate_SendsAnActivityWhereItsConditionHolds_AndLetsTheStepLapseWhereThePlanSaysSo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        var (instanceId, task) = await StartOnVersion1Async(engine, "M-4");
        var migrator = engine.Services.GetRequiredService<InstanceMigrator>();
        var plan = await migrator.ResolveAsync(Plan with
        {
            Activities =
            [
                new ActivityMapping("beoordelen", "beoordelen-gezin", When: "input.startDatum < '2026-01-01'"),
                new ActivityMapping("beoordelen", null, When: "true"),
            ],
        });

        var result = await migrator.MigrateAsync(plan, instanceId, null, "de beoordeling vervalt");

        Assert.Equal(MigrationOutcome.Moved, result.Outcome);
        Assert.Contains(result.Impact!.Steps, s => s.FromActivity == "beoordelen" && s.ToActivity == "(vervalt)");
        Assert.Equal(UserTaskStatus.Cancelled, (await engine.Store.FindTaskAsync(task.Id))!.Status);
        var journal = await engine.Store.GetJournalAsync(instanceId);
        Assert.Contains(journal, j => j.ActivityId == "beoordelen" && j.Event == JournalEvent.Cancelled);
        Assert.Equal(JournalEvent.Migrated, journal[^1].Event);
        Assert.Equal(2, (await engine.Store.GetBookmarksAsync(instanceId)).Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrate_KeepsARunningSubflowChild_AndTheParentGoesOnInTheNewVersionWhenTheChildEnds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(SubflowMigrationFlows.ChildJson);
        await engine.PublishAsync(SubflowMigrationFlows.Version1);
        var parent = (await engine.Runtime.StartAsync(SubflowMigrationFlows.Parent, correlationId: "M-5")).InstanceId;
        await engine.PublishAsync(SubflowMigrationFlows.Version2);
        var migrator = engine.Services.GetRequiredService<InstanceMigrator>();
        var plan = await migrator.ResolveAsync(new MigrationPlan(SubflowMigrationFlows.Parent, [1], 2, [new ActivityMapping("deel", "deelproces")]));

        var result = await migrator.MigrateAsync(plan, parent, null, null);

        Assert.Equal(MigrationOutcome.Moved, result.Outcome);
        var child = (await engine.Store.FindInstancesByCorrelationAsync("M-5")).Single(i => i.ParentInstanceId == parent);
        Assert.Equal(1, child.DefinitionVersion); // the child is not in the plan: it stays on its own version
        await engine.Runtime.CompleteTaskAsync((await engine.SingleOpenTaskAsync("M-5")).Id, "Klaar");
        var next = await engine.SingleOpenTaskAsync("M-5");
        Assert.Equal(("nabespreken", parent), (next.ActivityId, next.InstanceId));
        Assert.DoesNotContain(await engine.Store.GetJournalAsync(parent), j => j.ActivityId == "einde");
    }

    [Fact]
    public async Task PreviewChildren_FindsTheSubflowOfEachParent_AndRefusesItWhereItsParentCannotMove()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(SubflowMigrationFlows.ChildJson);
        await engine.PublishAsync(SubflowMigrationFlows.Version1);
        var movable = (await engine.Runtime.StartAsync(SubflowMigrationFlows.Parent, correlationId: "M-7")).InstanceId;
        var stuck = (await engine.Runtime.StartAsync(SubflowMigrationFlows.Parent, correlationId: "M-8")).InstanceId;
        await engine.Runtime.StartAsync(SubflowMigrationFlows.Parent, correlationId: "M-9"); // a traject not among the parents
        await engine.PublishAsync(SubflowMigrationFlows.ChildJson.Replace("\"Kindtaak\"", "\"Kindtaak, nieuw\""));
        var migrator = engine.Services.GetRequiredService<InstanceMigrator>();
        var childPlan = await migrator.ResolveAsync(new MigrationPlan(SubflowMigrationFlows.Child, [1], 2));
        // The parents as their own preview gave them: one that can move, one refused (say, it faulted).
        InstanceImpact Parent(Guid id, string code, string? blocked) => new(id, code, 1, 2, 1, blocked, [], []);

        var children = await migrator.PreviewChildrenAsync(childPlan, [Parent(movable, "M-7", null), Parent(stuck, "M-8", "Het traject staat in storing.")]);

        var byParent = (await engine.Store.FindInstancesByCorrelationAsync("M-7")).Concat(await engine.Store.FindInstancesByCorrelationAsync("M-8"))
            .Where(i => i.ParentInstanceId is not null).ToDictionary(i => i.Id, i => i.ParentInstanceId!.Value);
        Assert.Equal(2, children.Count); // M-9's child is not one of these parents'
        Assert.DoesNotContain(children, c => c.CorrelationId == "M-9");
        Assert.Null(children.Single(c => byParent[c.InstanceId] == movable).Blocked);
        Assert.Equal(("Kindtaak", "Kindtaak, nieuw"), (children.Single(c => byParent[c.InstanceId] == movable).Steps[0].FromTitle,
            children.Single(c => byParent[c.InstanceId] == movable).Steps[0].ToTitle));
        Assert.Equal("Het traject waar dit deelproces bij hoort kan niet mee.", children.Single(c => byParent[c.InstanceId] == stuck).Blocked);
    }

    [Fact]
    public async Task Preview_ShowsThatATitleIsComputed_InsteadOfWhatItComputesFromTheTraject()
    {
        await using var engine = await TestEngine.StartAsync();
        const string Flow = """{ "id": "berekende-titel", "name": "Titel", "activities": [ { "id": "gesprek", "type": "HumanTask", "inputs": { "title": TITLE } } ] }""";
        await engine.PublishAsync(Flow.Replace("TITLE", "\"Gesprek\""));
        var id = (await engine.Runtime.StartAsync("berekende-titel", new Dictionary<string, object?> { ["wijk"] = "Noord" }, "M-6")).InstanceId;
        await engine.PublishAsync(Flow.Replace("TITLE", "{ \"expression\": \"'Gesprek in ' + input.wijk\" }"));
        var migrator = engine.Services.GetRequiredService<InstanceMigrator>();
        var plan = await migrator.ResolveAsync(new MigrationPlan("berekende-titel", [1], 2));

        var step = Assert.Single(Assert.Single(await migrator.PreviewAsync(plan, [id])).Steps);
        await migrator.MigrateAsync(plan, id, null, null);

        Assert.Equal(("Gesprek", "(titel berekend uit het traject)"), (step.FromTitle, step.ToTitle));
        Assert.Equal("Gesprek in Noord", (await engine.SingleOpenTaskAsync("M-6")).Title);
    }

    private static async Task<(Guid InstanceId, UserTask Task)> StartOnVersion1Async(TestEngine engine, string correlation)
    {
        await engine.PublishAsync(MigrationFlows.Version1);
        var started = await engine.Runtime.StartAsync(MigrationFlows.Id, new Dictionary<string, object?> { ["startDatum"] = "2026-01-15" }, correlation);
        await engine.PublishAsync(MigrationFlows.Version2);
        return (started.InstanceId, await engine.SingleOpenTaskAsync(correlation));
    }
}
