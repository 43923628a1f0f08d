using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests;

public sealed class HostStartupTests
{
    [Fact]
    public async Task Host_StartsHealthyWithShippedFlowsPublished_WhenDatabaseIsNew()
    {
        await using var factory = new HostFactory();
        using var client = factory.CreateClient();

        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.True(File.Exists(factory.DatabasePath));
        var definitions = factory.Services.GetRequiredService<IWorkflowDefinitionStore>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows-json"), "*.json")
                     .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)))
        {
            var id = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("id").GetString()!;
            var live = await definitions.FindLiveAsync(id);
            Assert.True(live is { Version: 1, IsPublished: true }, $"{id} was not published at start-up");
        }
    }

    [Fact]
    public async Task ShippedIntakeFlow_GivesTriageToTheChair_WhenOnveiligheidIsStructural()
    {
        await using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var runtime = factory.Services.GetRequiredService<WorkflowRuntime>();
        var store = factory.Services.GetRequiredService<IWorkflowStore>();

        var started = await runtime.StartAsync("rvt-aanmelding",
            new Dictionary<string, object?> { ["onveiligheid"] = "structureel", ["inbrenger"] = "prof1" }, "RVT-2026-0001");
        var triage = Assert.Single(await store.FindOpenTasksAsync(new TaskQuery(CorrelationId: "RVT-2026-0001")));
        await runtime.CompleteTaskAsync(triage.Id, "Bespreking", new Dictionary<string, object?> { ["tafeldatum"] = Api.ApiWorld.DaysAhead(3) }, "chair1");
        var prepare = Assert.Single(await store.FindOpenTasksAsync(new TaskQuery(Assignee: "prof1")));

        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Equal("RvtChair", triage.CandidateGroup);
        Assert.Equal("Bespreking aan de RVT-tafel voorbereiden", prepare.Title);
    }

    [Fact]
    public async Task ActivityDescriptors_ListEveryActivityWithInputsAndOutcomes_WhenRequested()
    {
        var host = new Api.ApiHost();
        await host.InitializeAsync();
        using var client = await host.AsAsync("coordinator");

        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/activity-descriptors"));
        await host.DisposeAsync();

        var humanTask = body.RootElement.EnumerateArray().Single(d => d.GetProperty("type").GetString() == "HumanTask");
        Assert.Equal("outcomes", humanTask.GetProperty("outcomesFromInput").GetString());
        Assert.Contains(humanTask.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "due"
            && i.GetProperty("valueType").GetString() == "duration");
    }
}
