using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// An operator repairs one instance through the API: each repair previewed without writing, then applied with a reason that
/// lands in the journal and the audit log; a repair that would leave the instance waiting on nothing is refused; stopping it
/// needs a reason as well.
/// </summary>
public sealed class InstanceRepairApiTests
{
    private const string Flow = """
        { "id": "api-herstel", "name": "Herstel via de API",
          "activities": [
            { "id": "splits", "type": "Fork", "inputs": { "branches": ["een", "twee"] } },
            { "id": "gesprek", "type": "HumanTask", "inputs": { "title": "Gesprek", "candidateGroup": "Professional" } },
            { "id": "verslag", "type": "HumanTask", "inputs": { "title": "Verslag", "candidateGroup": "Professional" } },
            { "id": "nazorg", "type": "HumanTask", "inputs": { "title": "Nazorg", "candidateGroup": "Professional", "due": "P2W" } } ],
          "connections": [
            { "source": "splits", "outcome": "een", "target": "gesprek" },
            { "source": "splits", "outcome": "twee", "target": "verslag" },
            { "source": "gesprek", "outcome": "Afgerond", "target": "nazorg" } ] }
        """;

    [Fact]
    public async Task Operator_PreviewsAndAppliesRepairs_EachInTheJournalAndTheAuditLog()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var host = ApiHost.WithClock(clock);
        await host.InitializeAsync();
        using var coordinator = await host.AsAsync("coordinator");
        await host.ImportPublishedAsync(Flow);
        var id = (await host.Service<WorkflowRuntime>().StartAsync("api-herstel", correlationId: "RVT-2026-0951")).InstanceId;
        var store = host.Service<IWorkflowStore>();

        var start = new { kind = "StartActivity", activityId = "nazorg", reason = "nazorg vergeten" };
        var preview = await (await ApiWorld.Ok(coordinator.PostAsJsonAsync($"/api/instances/{id}/repair/preview", start))).ReadJsonAsync();
        Assert.Equal("taak 'Nazorg', termijn 16-03-2026 10:00", preview.GetProperty("effects")[0].GetString());
        Assert.Equal(2, (await store.GetBookmarksAsync(id)).Count); // the preview wrote nothing

        var noReason = await coordinator.PostAsJsonAsync($"/api/instances/{id}/repair", new { kind = "CancelStep", activityId = "verslag" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.ReadJsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        await ApiWorld.Ok(coordinator.PostAsJsonAsync($"/api/instances/{id}/repair", new { kind = "CancelStep", activityId = "verslag", reason = "dubbel" }));
        await ApiWorld.Ok(coordinator.PostAsJsonAsync($"/api/instances/{id}/repair", new { kind = "MoveStep", activityId = "gesprek", targetActivityId = "verslag", reason = "gesprek was al" }));
        var refused = await coordinator.PostAsJsonAsync($"/api/instances/{id}/repair", new { kind = "CancelStep", activityId = "verslag", reason = "alles weg" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("nergens meer op wachten", await refused.Content.ReadAsStringAsync());
        await ApiWorld.Ok(coordinator.PostAsJsonAsync($"/api/instances/{id}/repair", start));

        var open = await store.FindOpenTasksAsync(new TaskQuery(CorrelationId: "RVT-2026-0951"));
        // The moved task asks what its new activity asks.
        Assert.Equal(["nazorg:Nazorg", "verslag:Verslag"], open.Select(t => $"{t.ActivityId}:{t.Title}").Order());
        var repairs = (await store.GetJournalAsync(id)).Where(j => j.Event == JournalEvent.Repaired).Select(j => j.Message).ToList();
        Assert.Equal(["Hersteld: stap 'verslag' vervallen: dubbel", "Hersteld: stap 'gesprek' verplaatst naar 'verslag': gesprek was al",
            "Hersteld: 'nazorg' gestart: nazorg vergeten"], repairs);
        var audit = await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: "RVT-2026-0951"));
        Assert.Equal(3, audit.Count(a => a.EventCode == "instance.repair" && a.UserId == "coordinator"));

        // Stopping the instance needs a reason too; it is the journal's last line before the steps are cancelled.
        var unexplained = await coordinator.PostAsync($"/api/instances/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.True((await unexplained.ReadJsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        await ApiWorld.Ok(coordinator.PostAsJsonAsync($"/api/instances/{id}/cancel", new { reason = "dubbel aangemaakt" }));
        Assert.Equal(WorkflowStatus.Cancelled, (await store.FindInstanceAsync(id))!.Status);
        Assert.Contains(await store.GetJournalAsync(id), j => j.Event == JournalEvent.Cancelled && j.Message == "Gestopt door beheer: dubbel aangemaakt");
    }
}
