using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Runtime;

public sealed class VersioningTests
{
    private static string Flow(string title) => $$"""
    { "id": "versioned", "name": "Met versies",
      "activities": [
        { "id": "one", "type": "HumanTask", "inputs": { "title": "{{title}} 1" } },
        { "id": "two", "type": "HumanTask", "inputs": { "title": "{{title}} 2" } }
      ],
      "connections": [ { "source": "one", "outcome": "Afgerond", "target": "two" } ] }
    """;

    [Fact]
    public async Task Publish_CreatesIncreasingImmutableVersions_WhenFlowChanges()
    {
        await using var engine = await TestEngine.StartAsync();
        var v1 = await engine.PublishAsync(Flow("Oud"));
        var v2 = await engine.PublishAsync(Flow("Nieuw"));

        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        var versions = await engine.Services.GetRequiredService<IWorkflowDefinitionStore>().ListVersionsAsync("versioned");
        Assert.Equal([(1, true, false), (2, true, true)], versions.Select(v => (v.Version, v.IsPublished, v.IsLive)));
    }

    [Fact]
    public async Task RunningInstance_StaysOnItsVersion_WhenANewVersionIsPublished()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flow("Oud"));
        var old = await engine.Runtime.StartAsync("versioned", correlationId: "OLD");
        await engine.PublishAsync(Flow("Nieuw"));
        var fresh = await engine.Runtime.StartAsync("versioned", correlationId: "NEW");

        await engine.Runtime.CompleteTaskAsync((await engine.SingleOpenTaskAsync("OLD")).Id, "Afgerond");

        Assert.Equal(1, old.DefinitionVersion);
        Assert.Equal(2, fresh.DefinitionVersion);
        Assert.Equal("Oud 2", (await engine.SingleOpenTaskAsync("OLD")).Title);
        Assert.Equal("Nieuw 1", (await engine.SingleOpenTaskAsync("NEW")).Title);
    }

    [Fact]
    public async Task Publish_IsRefusedWithErrors_WhenDraftIsInvalid()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flow("Goed"));
        var broken = Flow("Kapot").Replace("\"outcome\": \"Afgerond\"", "\"outcome\": \"Weg\"");

        var saved = await engine.Definitions.SaveDraftAsync(broken);
        var published = await engine.Definitions.PublishAsync("versioned");

        Assert.True(saved.Succeeded);
        Assert.Equal(2, saved.Record!.Version);
        Assert.Contains(saved.Errors, e => e.Path == "$.connections[0].outcome");
        Assert.False(published.Succeeded);
        Assert.Contains(published.Errors, e => e.Path == "$.connections[0].outcome");
        var started = await engine.Runtime.StartAsync("versioned", correlationId: "STILL-V1");
        Assert.Equal(1, started.DefinitionVersion);
    }

    [Fact]
    public async Task ImportShipped_PublishesChangedFilesButNeverOverwritesACoordinatorsVersion()
    {
        await using var engine = await TestEngine.StartAsync();

        var first = await engine.Definitions.ImportShippedAsync(Flow("Versie A"));
        var same = await engine.Definitions.ImportShippedAsync(Flow("Versie A"));
        var changed = await engine.Definitions.ImportShippedAsync(Flow("Versie B"));
        await engine.PublishAsync(Flow("Eigen versie coördinator"));
        var afterCoordinator = await engine.Definitions.ImportShippedAsync(Flow("Versie C"));

        Assert.Equal((Definitions.ShippedImportOutcome.Imported, 1), (first.Outcome, first.Result.Record!.Version));
        Assert.Equal((Definitions.ShippedImportOutcome.Unchanged, 1), (same.Outcome, same.Result.Record!.Version));
        Assert.Equal((Definitions.ShippedImportOutcome.Upgraded, 2), (changed.Outcome, changed.Result.Record!.Version));
        Assert.Equal((Definitions.ShippedImportOutcome.KeptCoordinatorVersion, 3), (afterCoordinator.Outcome, afterCoordinator.Result.Record!.Version));
        await engine.Runtime.StartAsync("versioned", correlationId: "LIVE");
        Assert.Equal("Eigen versie coördinator 1", (await engine.SingleOpenTaskAsync("LIVE")).Title);
    }
}
