using System.Net;
using System.Net.Http.Json;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Api.FlowPublishing;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// A flow decides what happens to families, so no one coordinator can put a flow live alone (four eyes): an imported file is
/// a draft that no traject can start on; whoever offered a draft cannot approve it; an approval publishes exactly the draft
/// that was offered, never a later save; and offering, approving, rejecting and a lapsed request are each in the audit log.
/// </summary>
public sealed class FlowPublishFourEyesAttackTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static string Flow(string id, string title = "Doen") => $$"""
        { "id": "{{id}}", "name": "Vier ogen",
          "activities": [ { "id": "taak", "type": "HumanTask", "inputs": { "title": "{{title}}", "candidateGroup": "Professional" } } ] }
        """;

    private async Task<IReadOnlyList<AuditEntry>> LinesAsync(string eventCode, string flowId) =>
        [.. (await host.Service<AuditLog>().SearchAsync(new AuditQuery(EventCode: eventCode, Take: 100))).Where(l => l.Detail?.StartsWith(flowId + " ") == true)];

    private async Task<System.Text.Json.JsonElement> FlowAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"/api/flows/{id}")).ReadJsonAsync();

    [Fact]
    public async Task An_imported_file_is_a_draft_that_no_traject_can_start_on_and_a_new_import_leaves_the_live_version_live()
    {
        using var coordinator = await host.AsAsync("coordinator");

        var imported = await coordinator.PostAsync("/api/flows/import", Body(Flow("vier-ogen-import")));

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.False((await imported.ReadJsonAsync()).GetProperty("version").GetProperty("isPublished").GetBoolean());
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Service<WorkflowRuntime>().StartAsync("vier-ogen-import"));
        Assert.Single(await LinesAsync("flow.import", "vier-ogen-import"));

        await host.PublishDraftAsync("vier-ogen-import");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync("/api/flows/import", Body(Flow("vier-ogen-import", "Anders doen")))).StatusCode);
        Assert.Equal(1, (await host.Service<WorkflowRuntime>().StartAsync("vier-ogen-import")).DefinitionVersion);
        var versions = (await (await coordinator.GetAsync("/api/flows/vier-ogen-import/versions")).ReadJsonAsync()).EnumerateArray()
            .Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("isPublished").GetBoolean(), v.GetProperty("isLive").GetBoolean()));
        Assert.Equal([(2, false, false), (1, true, true)], versions);
    }

    [Fact]
    public async Task Whoever_offered_a_draft_cannot_approve_it_and_the_refusal_is_audited()
    {
        using var coordinator = await host.AsAsync("coordinator");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync("/api/flows/import", Body(Flow("vier-ogen-zelf")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync("/api/flows/vier-ogen-zelf/publish-request", null)).StatusCode);

        var own = await coordinator.PostAsync("/api/flows/vier-ogen-zelf/publish-request/approve", null);

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("zelf ter publicatie aangeboden", (await own.ReadJsonAsync()).GetProperty("detail").GetString());
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Service<WorkflowRuntime>().StartAsync("vier-ogen-zelf"));
        var refused = Assert.Single(await LinesAsync("flow.publish.approve", "vier-ogen-zelf"));
        Assert.Equal((AuditOutcome.Refused, "coordinator"), (refused.Outcome, refused.UserId));
        // The request still waits for someone else, and another coordinator cannot slip in an offer of their own instead.
        var waiting = (await FlowAsync(coordinator, "vier-ogen-zelf")).GetProperty("publication");
        Assert.Equal(("coordinator", true), (waiting.GetProperty("requestedBy").GetString(), waiting.GetProperty("isCurrent").GetBoolean()));
        using var second = await host.AsAsync(Approver);
        Assert.Equal(HttpStatusCode.Conflict, (await second.PostAsync("/api/flows/vier-ogen-zelf/publish-request", null)).StatusCode);
    }

    [Fact]
    public async Task A_draft_saved_after_it_was_offered_cannot_be_approved_with_the_old_request_which_lapses()
    {
        using var coordinator = await host.AsAsync("coordinator");
        using var second = await host.AsAsync(Approver);
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync("/api/flows/import", Body(Flow("vier-ogen-later")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync("/api/flows/vier-ogen-later/publish-request", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsync("/api/flows/vier-ogen-later/draft", Body(Flow("vier-ogen-later", "Stiekem anders")))).StatusCode);
        Assert.False((await FlowAsync(second, "vier-ogen-later")).GetProperty("publication").GetProperty("isCurrent").GetBoolean());

        var approved = await second.PostAsync("/api/flows/vier-ogen-later/publish-request/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, approved.StatusCode);
        Assert.Contains("het verzoek is vervallen", (await approved.ReadJsonAsync()).GetProperty("detail").GetString());
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Service<WorkflowRuntime>().StartAsync("vier-ogen-later"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await FlowAsync(second, "vier-ogen-later")).GetProperty("publication").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await second.PostAsync("/api/flows/vier-ogen-later/publish-request/approve", null)).StatusCode);
        Assert.Single(await LinesAsync("flow.publish.void", "vier-ogen-later"));
    }

    [Theory]
    [InlineData("coordinator2")]
    [InlineData("beheerder")]
    public async Task A_second_coordinator_or_admin_publishes_exactly_what_was_offered_with_both_steps_audited(string approver)
    {
        var id = $"vier-ogen-{approver}";
        using var coordinator = await host.AsAsync("coordinator");
        using var second = await host.AsAsync(approver);
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync("/api/flows/import", Body(Flow(id, "Aangeboden taak")))).StatusCode);
        var offered = await (await ApiWorld.Ok(coordinator.PostAsync($"/api/flows/{id}/publish-request", null))).ReadJsonAsync();
        Assert.Equal("coordinator", offered.GetProperty("publication").GetProperty("requestedBy").GetString());
        var listed = (await (await second.GetAsync("/api/flows")).ReadJsonAsync()).EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);
        Assert.True(listed.GetProperty("publication").GetProperty("isCurrent").GetBoolean());

        var approved = await second.PostAsync($"/api/flows/{id}/publish-request/approve", null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var published = await approved.ReadJsonAsync();
        Assert.True(published.GetProperty("version").GetProperty("isLive").GetBoolean());
        Assert.Equal("Aangeboden taak", published.GetProperty("flow").GetProperty("activities")[0].GetProperty("inputs").GetProperty("title").GetString());
        Assert.Equal(1, (await host.Service<WorkflowRuntime>().StartAsync(id)).DefinitionVersion);
        var request = Assert.Single(await LinesAsync("flow.publish.request", id));
        var approval = Assert.Single(await LinesAsync("flow.publish.approve", id));
        Assert.Equal(("coordinator", AuditOutcome.Success), (request.UserId, request.Outcome));
        Assert.Equal((approver, AuditOutcome.Success, $"{id} v1: aangeboden door coordinator"), (approval.UserId, approval.Outcome, approval.Detail));
        // Used up: the same request cannot publish twice.
        Assert.Equal(HttpStatusCode.NotFound, (await second.PostAsync($"/api/flows/{id}/publish-request/approve", null)).StatusCode);
    }

    [Fact]
    public async Task A_request_is_rejected_only_with_a_reason_free_of_identifiers_and_the_draft_stays_unpublished()
    {
        using var coordinator = await host.AsAsync("coordinator");
        using var admin = await host.AsAsync("beheerder");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync("/api/flows/import", Body(Flow("vier-ogen-nee")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync("/api/flows/vier-ogen-nee/publish-request", null)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/flows/vier-ogen-nee/publish-request/reject", new { reason = " " })).StatusCode);
        var identifying = await admin.PostAsJsonAsync("/api/flows/vier-ogen-nee/publish-request/reject", new { reason = "Zie gezin Kerkstraat 12, 1234 AB Utrecht" });
        Assert.Equal(HttpStatusCode.BadRequest, identifying.StatusCode);
        var rejected = await admin.PostAsJsonAsync("/api/flows/vier-ogen-nee/publish-request/reject", new { reason = "De termijn klopt niet" });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var draft = await rejected.ReadJsonAsync();
        Assert.False(draft.GetProperty("version").GetProperty("isPublished").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, draft.GetProperty("publication").ValueKind);
        var line = Assert.Single(await LinesAsync("flow.publish.reject", "vier-ogen-nee"));
        Assert.Equal(("beheerder", "vier-ogen-nee v1: verzoek van coordinator afgewezen: De termijn klopt niet"), (line.UserId, line.Detail));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/flows/vier-ogen-nee/publish-request/approve", null)).StatusCode);

        // The offerer reads why on the flow (the audit log is not theirs to read), until offering it again answers it.
        var rejection = (await (await coordinator.GetAsync("/api/flows/vier-ogen-nee")).ReadJsonAsync()).GetProperty("rejection");
        Assert.Equal(("coordinator", "beheerder", "De termijn klopt niet", 1), (rejection.GetProperty("requestedBy").GetString(),
            rejection.GetProperty("rejectedBy").GetString(), rejection.GetProperty("reason").GetString(), rejection.GetProperty("draftVersion").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync("/api/flows/vier-ogen-nee/publish-request", null)).StatusCode);
        var offeredAgain = await (await coordinator.GetAsync("/api/flows/vier-ogen-nee")).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, offeredAgain.GetProperty("rejection").ValueKind);
    }

    [Fact]
    public async Task Withdrawing_ones_own_offer_is_no_rejection_to_show()
    {
        using var coordinator = await host.AsAsync("coordinator");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync("/api/flows/import", Body(Flow("vier-ogen-terug")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync("/api/flows/vier-ogen-terug/publish-request", null)).StatusCode);

        var withdrawn = await coordinator.PostAsJsonAsync("/api/flows/vier-ogen-terug/publish-request/reject", new { reason = "Nog niet af" });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await withdrawn.ReadJsonAsync()).GetProperty("rejection").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            (await (await coordinator.GetAsync("/api/flows/vier-ogen-terug")).ReadJsonAsync()).GetProperty("rejection").ValueKind);
    }
}
