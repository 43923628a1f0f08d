using System.Net;
using System.Text;
using System.Text.Json;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// Publishing a flow through the API as the studio does it now (four eyes): the file is imported as a draft, one coordinator
/// offers the draft, a second one approves it. Tests that need a published flow say so in one line.
/// </summary>
public static class FlowPublishing
{
    /// <summary>Who offers by default, and who approves: two different coordinators (demo accounts).</summary>
    public const string Requester = "coordinator";
    public const string Approver = "coordinator2";

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Imports the flow file and publishes it; returns the published version's document.</summary>
    public static async Task<JsonElement> ImportPublishedAsync(this ApiHost host, string json, string requester = Requester, string approver = Approver)
    {
        using var by = await host.AsAsync(requester);
        using var second = await host.AsAsync(approver);
        return await ImportPublishedAsync(by, second, json);
    }

    /// <summary>Offers the flow's draft and has the second account approve it; returns the published version's document.</summary>
    public static async Task<JsonElement> PublishDraftAsync(this ApiHost host, string flowId, string requester = Requester, string approver = Approver)
    {
        using var by = await host.AsAsync(requester);
        using var second = await host.AsAsync(approver);
        return await PublishDraftAsync(by, second, flowId);
    }

    public static async Task<JsonElement> ImportPublishedAsync(HttpClient requester, HttpClient approver, string json)
    {
        var imported = await requester.PostAsync("/api/flows/import", Body(json));
        Assert.True(imported.StatusCode == HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());
        var id = (await imported.ReadJsonAsync()).GetProperty("version").GetProperty("id").GetString()!;
        return await PublishDraftAsync(requester, approver, id);
    }

    public static async Task<JsonElement> PublishDraftAsync(HttpClient requester, HttpClient approver, string flowId)
    {
        var offered = await requester.PostAsync($"/api/flows/{Uri.EscapeDataString(flowId)}/publish-request", null);
        Assert.True(offered.StatusCode == HttpStatusCode.OK, await offered.Content.ReadAsStringAsync());
        var approved = await approver.PostAsync($"/api/flows/{Uri.EscapeDataString(flowId)}/publish-request/approve", null);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        return await approved.ReadJsonAsync();
    }
}
