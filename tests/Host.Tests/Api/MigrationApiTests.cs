using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Data;
using ProcessEngine.Host.Features.Migrations;
using ProcessEngine.Tests.Shared;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// Moving running trajecten through the API as a coordinator would: a plan refused naming what is missing, the preview
/// (JSON and CSV, instance ids only for a coordinator), a run that needs a reason, is paused and resumed, worked off by two
/// workers at once without moving anything twice, each move in the instance's journal and the audit log.
/// Hangfire's server is left out (the host runs on a moved clock), so the test drives the run's job itself.
/// </summary>
public sealed class MigrationApiTests
{
    private const string Flow = "api-verplaatsen";

    private static string Version(string taskId, string title) => $$"""
        { "id": "{{Flow}}", "name": "Verplaatsen via de API",
          "activities": [
            { "id": "{{taskId}}", "type": "HumanTask", "inputs": { "title": "{{title}}", "candidateGroup": "Professional", "due": "P1W" } },
            { "id": "einde", "type": "End" } ],
          "connections": [ { "source": "{{taskId}}", "outcome": "Afgerond", "target": "einde" } ] }
        """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Coordinator_ChecksPreviewsAndRunsAMigration_AndEveryTrajectMovesExactlyOnce(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = ApiHost.On(database.Connection, clock);
        await host.InitializeAsync();
        using var coordinator = await host.AsAsync("coordinator");
        await host.ImportPublishedAsync(Version("vraag", "Oude vraag"));
        var runtime = host.Service<WorkflowRuntime>();
        var instances = new List<Guid>();
        foreach (var code in new[] { "RVT-2026-0901", "RVT-2026-0902", "RVT-2026-0903" })
            instances.Add((await runtime.StartAsync(Flow, correlationId: code)).InstanceId);
        await host.ImportPublishedAsync(Version("nieuwe-vraag", "Nieuwe vraag"));

        var sources = await (await coordinator.GetAsync($"/api/flows/{Flow}/migrations/sources")).ReadJsonAsync();
        Assert.Equal(3, sources.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == 1).GetProperty("running").GetInt32());

        var unmapped = await coordinator.PostAsJsonAsync($"/api/flows/{Flow}/migrations/check", new { sourceVersions = new[] { 1 }, targetVersion = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, unmapped.StatusCode);
        Assert.Contains("'vraag'", (await unmapped.ReadJsonAsync()).GetProperty("errors").GetProperty("activities")[0].GetString());

        var plan = new { sourceVersions = new[] { 1 }, targetVersion = 2, activities = new[] { new { source = "vraag", target = "nieuwe-vraag", due = "Keep" } } };
        var preview = await (await ApiWorld.Ok(coordinator.PostAsJsonAsync($"/api/flows/{Flow}/migrations/preview", plan))).ReadJsonAsync();
        Assert.Equal((3, 3, 0), (preview.GetProperty("total").GetInt32(), preview.GetProperty("movable").GetInt32(), preview.GetProperty("blocked").GetInt32()));
        Assert.Equal(3, preview.GetProperty("landingPerActivity").GetProperty("nieuwe-vraag").GetInt32());
        var row = preview.GetProperty("rows")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("casusCode").ValueKind); // a coordinator sees no casus codes
        Assert.Equal(("Oude vraag", "Nieuwe vraag"), (row.GetProperty("steps")[0].GetProperty("fromTitle").GetString(), row.GetProperty("steps")[0].GetProperty("toTitle").GetString()));
        var csv = await (await ApiWorld.Ok(coordinator.PostAsJsonAsync($"/api/flows/{Flow}/migrations/preview.csv", plan))).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("instantie;casus;van versie", lines[0]);
        Assert.Contains(";Oude vraag;Nieuwe vraag;09-03-2026 10:00;09-03-2026 10:00;groep Professional;groep Professional;nee;", lines[1]);
        Assert.DoesNotContain("RVT-2026-09", csv);

        var noReason = await coordinator.PostAsJsonAsync($"/api/flows/{Flow}/migrations", plan);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.ReadJsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        var started = await coordinator.PostAsJsonAsync($"/api/flows/{Flow}/migrations", new { plan.sourceVersions, plan.targetVersion, plan.activities, reason = "nieuwe titel" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var runId = (await started.ReadJsonAsync()).GetProperty("id").GetGuid();

        // Paused before its job runs: the job does nothing until it is resumed.
        Assert.Equal("Paused", (await (await ApiWorld.Ok(coordinator.PostAsync($"/api/migrations/{runId}/pause", null))).ReadJsonAsync()).GetProperty("status").GetString());
        var runner = host.Service<MigrationRunner>();
        await runner.RunAsync(runId, CancellationToken.None);
        Assert.All(instances, id => Assert.Equal(1, host.Service<IWorkflowStore>().FindInstanceAsync(id).Result!.DefinitionVersion));
        await ApiWorld.Ok(coordinator.PostAsync($"/api/migrations/{runId}/resume", null));
        // Two workers at once (two nodes, or the recurring pick-up beside the queued job): each traject still moves once.
        await Task.WhenAll(Task.Run(() => runner.RunAsync(runId, CancellationToken.None)), Task.Run(() => runner.ResumeRunningAsync(CancellationToken.None)));

        var run = await (await coordinator.GetAsync($"/api/migrations/{runId}")).ReadJsonAsync();
        Assert.Equal(("Finished", 3, 0), (run.GetProperty("status").GetString(), run.GetProperty("moved").GetInt32(), run.GetProperty("pending").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsync($"/api/migrations/{runId}/cancel", null)).StatusCode);
        foreach (var id in instances)
        {
            var view = await (await coordinator.GetAsync($"/api/instances/{id}")).ReadJsonAsync();
            Assert.Equal(2, view.GetProperty("version").GetInt32());
            var moves = view.GetProperty("journal").EnumerateArray().Where(j => j.GetProperty("event").GetString() == "Migrated").ToList();
            Assert.Equal("Verplaatst van versie 1 naar versie 2: nieuwe titel", Assert.Single(moves).GetProperty("message").GetString());
        }
        var audit = await host.Service<AuditLog>().SearchAsync(new AuditQuery(Take: 200));
        Assert.Equal(instances.Select(i => $"{i} naar v2").Order(), audit.Where(a => a.EventCode == "instance.migrate").Select(a => a.Detail!).Order());
        Assert.All(audit.Where(a => a.EventCode == "instance.migrate"), a => Assert.StartsWith("RVT-2026-090", a.CasusCode));
        Assert.Single(audit, a => a.EventCode == "migration.start" && a.UserId == "coordinator");
    }
}
