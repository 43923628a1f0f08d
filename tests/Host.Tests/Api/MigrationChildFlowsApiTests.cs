using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Data;
using ProcessEngine.Host.Features.Migrations;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Tests.Shared;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// One run over a flow and the flows it starts: the traject's subflow (a child by parent id) and a flow it started under its
/// correlation id (as the traject starts the maatregel) move with the selected trajecten, each by a plan of its own and in its
/// own transaction; the children of trajecten not selected stay where they are; a child plan's problem is named under
/// children[i].
/// </summary>
public sealed class MigrationChildFlowsApiTests
{
    private static string Parent(string name) => $$"""
        { "id": "api-ouder", "name": "{{name}}",
          "activities": [
            { "id": "los-starten", "type": "StartFlow", "inputs": { "flow": "api-los" } },
            { "id": "deel", "type": "RunSubflow", "inputs": { "flow": "api-kind" } },
            { "id": "einde", "type": "End" } ],
          "connections": [ { "source": "los-starten", "target": "deel" }, { "source": "deel", "target": "einde" } ] }
        """;

    private static string Child(string id, string taskId, string title) => $$"""
        { "id": "{{id}}", "name": "Deel {{id}}",
          "activities": [
            { "id": "{{taskId}}", "type": "HumanTask", "inputs": { "title": "{{title}}", "candidateGroup": "Professional" } },
            { "id": "einde", "type": "End" } ],
          "connections": [ { "source": "{{taskId}}", "outcome": "Afgerond", "target": "einde" } ] }
        """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ARun_MovesTheSelectedTrajectenWithTheirSubflowAndStartedFlow_EachByItsOwnPlan(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = ApiHost.On(database.Connection, clock);
        await host.InitializeAsync();
        using var coordinator = await host.AsAsync("coordinator");
        await host.ImportPublishedAsync(Child("api-kind", "kind-vraag", "Oude kindvraag"));
        await host.ImportPublishedAsync(Child("api-los", "los-vraag", "Oude losse vraag"));
        await host.ImportPublishedAsync(Parent("Ouder"));
        var runtime = host.Service<WorkflowRuntime>();
        var store = host.Service<IWorkflowStore>();
        var moved = (await runtime.StartAsync("api-ouder", correlationId: "RVT-2026-0801")).InstanceId;
        var stays = (await runtime.StartAsync("api-ouder", correlationId: "RVT-2026-0802")).InstanceId;
        await host.ImportPublishedAsync(Child("api-kind", "kind-vraag-2", "Nieuwe kindvraag"));
        await host.ImportPublishedAsync(Child("api-los", "los-vraag", "Nieuwe losse vraag"));
        await host.ImportPublishedAsync(Parent("Ouder, versie 2"));

        object Plan(string? reason = null, string kindTarget = "kind-vraag-2") => new
        {
            sourceVersions = new[] { 1 }, targetVersion = 2, instances = new[] { moved }, reason,
            children = new object[]
            {
                new { definitionId = "api-kind", sourceVersions = new[] { 1 }, targetVersion = 2, activities = new[] { new { source = "kind-vraag", target = kindTarget } } },
                new { definitionId = "api-los", sourceVersions = new[] { 1 }, targetVersion = 2 },
            },
        };

        var wrong = await coordinator.PostAsJsonAsync("/api/flows/api-ouder/migrations/check", Plan(kindTarget: "bestaat-niet"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("bestaat-niet", (await wrong.ReadJsonAsync()).GetProperty("errors").GetProperty("children[0].activities[0].target")[0].GetString());

        var preview = await (await ApiWorld.Ok(coordinator.PostAsJsonAsync("/api/flows/api-ouder/migrations/preview", Plan()))).ReadJsonAsync();
        var rows = preview.GetProperty("rows").EnumerateArray().Select(r => (Flow: r.GetProperty("flow").GetString(), Blocked: r.GetProperty("blocked").GetString())).ToList();
        Assert.Equal(["api-kind", "api-los", "api-ouder"], rows.Select(r => r.Flow).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Null(r.Blocked));
        var kind = preview.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("flow").GetString() == "api-kind").GetProperty("steps")[0];
        Assert.Equal(("Oude kindvraag", "Nieuwe kindvraag"), (kind.GetProperty("fromTitle").GetString(), kind.GetProperty("toTitle").GetString()));

        var started = await ApiWorld.Ok(coordinator.PostAsJsonAsync("/api/flows/api-ouder/migrations", Plan("deelprocessen mee")));
        var runId = (await started.ReadJsonAsync()).GetProperty("id").GetGuid();
        await host.Service<MigrationRunner>().RunAsync(runId, CancellationToken.None);

        var run = await (await coordinator.GetAsync($"/api/migrations/{runId}")).ReadJsonAsync();
        Assert.Equal(("Finished", 3), (run.GetProperty("status").GetString(), run.GetProperty("moved").GetInt32()));
        Assert.Equal(["api-kind", "api-los"], run.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("definitionId").GetString()));
        Assert.Equal(new[] { 2, 2, 2 }, await VersionsAsync(store, "RVT-2026-0801"));
        Assert.Equal(new[] { 1, 1, 1 }, await VersionsAsync(store, "RVT-2026-0802"));
        Assert.Equal(1, (await store.FindInstanceAsync(stays))!.DefinitionVersion);
        var childTask = (await store.GetTasksAsync("RVT-2026-0801")).Single(t => t.Status == UserTaskStatus.Open && t.ActivityId == "kind-vraag-2");
        Assert.Equal("Nieuwe kindvraag", childTask.Title);
        var audit = await host.Service<AuditLog>().SearchAsync(new AuditQuery(EventCode: "instance.migrate", Take: 50));
        Assert.Equal(3, audit.Count);
        Assert.Contains(audit, a => a.Detail!.EndsWith(" naar api-kind v2", StringComparison.Ordinal) && a.CasusCode == "RVT-2026-0801");
        Assert.Contains(audit, a => a.Detail == $"{moved} naar v2");
    }

    private static async Task<int[]> VersionsAsync(IWorkflowStore store, string code) =>
        [.. (await store.FindInstancesByCorrelationAsync(code)).OrderBy(i => i.DefinitionId, StringComparer.Ordinal).Select(i => i.DefinitionVersion)];
}
