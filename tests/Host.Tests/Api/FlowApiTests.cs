using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ProcessEngine.Host.Tests.Api;

public sealed class FlowApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string SmallFlow = """
        { "id": "api-test-flow", "name": "API-test",
          "activities": [ { "id": "taak", "type": "HumanTask", "inputs": { "title": "Doen", "candidateGroup": "Professional" } } ] }
        """;

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Import_RefusesAnInvalidFlow_NamingEachJsonPath_AndStoresNothing()
    {
        using var coordinator = await host.AsAsync("coordinator");
        var broken = SmallFlow.Replace("\"HumanTask\"", "\"HumanTaak\"").Replace("api-test-flow", "api-broken-flow");

        var response = await coordinator.PostAsync("/api/flows/import", Body(broken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("unknown activity type 'HumanTaak'", errors.GetProperty("$.activities[0].type")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/flows/api-broken-flow")).StatusCode);
    }

    [Fact]
    public async Task Import_ReportsMalformedJson_WithItsPosition()
    {
        using var coordinator = await host.AsAsync("coordinator");

        var response = await coordinator.PostAsync("/api/flows/import", Body("{ \"id\": \"x\", "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line", (await response.Content.ReadAsStringAsync()).ToLowerInvariant());
    }

    [Fact]
    public async Task A_draft_saved_on_a_stale_stamp_is_refused_with_409_and_the_other_save_is_kept()
    {
        using var coordinator = await host.AsAsync("coordinator");
        var flow = SmallFlow.Replace("api-test-flow", "api-stamp-flow");
        await host.ImportPublishedAsync(flow);
        var loaded = (await (await coordinator.GetAsync("/api/flows/api-stamp-flow")).ReadJsonAsync()).GetProperty("version").GetProperty("stamp").GetString();

        using var first = new HttpRequestMessage(HttpMethod.Put, "/api/flows/api-stamp-flow/draft") { Content = Body(flow.Replace("\"Doen\"", "\"Eerste\"")) };
        first.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{loaded}\""));
        var saved = await coordinator.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        using var second = new HttpRequestMessage(HttpMethod.Put, "/api/flows/api-stamp-flow/draft") { Content = Body(flow.Replace("\"Doen\"", "\"Tweede\"")) };
        second.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{loaded}\""));
        var refused = await coordinator.SendAsync(second);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Iemand anders heeft deze flow opgeslagen sinds u hem opende (concept 2", await refused.Content.ReadAsStringAsync());
        var stored = await (await coordinator.GetAsync("/api/flows/api-stamp-flow")).ReadJsonAsync();
        Assert.Equal("Eerste", stored.GetProperty("flow").GetProperty("activities")[0].GetProperty("inputs").GetProperty("title").GetString());
        Assert.Equal((await saved.ReadJsonAsync()).GetProperty("version").GetProperty("stamp").GetString(), stored.GetProperty("version").GetProperty("stamp").GetString());
    }

    [Fact]
    public async Task DraftPublishVersionsExport_WorkAsACoordinatorExpects()
    {
        using var coordinator = await host.AsAsync("coordinator");
        await host.ImportPublishedAsync(SmallFlow);

        var draft = await coordinator.PutAsync("/api/flows/api-test-flow/draft", Body(SmallFlow.Replace("\"Doen\"", "\"\"")));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var saved = await draft.ReadJsonAsync();
        Assert.Equal(2, saved.GetProperty("version").GetProperty("version").GetInt32());
        Assert.NotEqual(0, saved.GetProperty("errors").GetArrayLength());

        var refused = await coordinator.PostAsync("/api/flows/api-test-flow/publish-request", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        await coordinator.PutAsync("/api/flows/api-test-flow/draft", Body(SmallFlow.Replace("\"Doen\"", "\"Nu doen\"")));
        await host.PublishDraftAsync("api-test-flow");

        var versions = (await (await coordinator.GetAsync("/api/flows/api-test-flow/versions")).ReadJsonAsync()).EnumerateArray()
            .Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("isLive").GetBoolean())).ToList();
        Assert.Equal([(2, true), (1, false)], versions);
        var export = await coordinator.GetAsync("/api/flows/api-test-flow/export?version=1");
        Assert.Equal("api-test-flow.json", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("\"Doen\"", await export.Content.ReadAsStringAsync());
        var list = (await (await coordinator.GetAsync("/api/flows")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Contains(list, f => f.GetProperty("id").GetString() == "rvt-traject" && f.GetProperty("liveVersion").GetInt32() == 1);
    }

    [Fact]
    public async Task Draft_RefusesABodyForAnotherFlow()
    {
        using var coordinator = await host.AsAsync("coordinator");

        var response = await coordinator.PutAsync("/api/flows/rvt-traject/draft", Body(SmallFlow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("$.id", out _));
    }

    [Fact]
    public async Task Compare_NamesEachChangedInput_BetweenTwoVersions()
    {
        using var coordinator = await host.AsAsync("coordinator");
        var flow = SmallFlow.Replace("api-test-flow", "api-compare-flow");
        await host.ImportPublishedAsync(flow);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsync("/api/flows/api-compare-flow/draft", Body(flow.Replace("\"Doen\"", "\"Nu doen\"")))).StatusCode);

        var response = await coordinator.GetAsync("/api/flows/api-compare-flow/compare?van=1&tot=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = Assert.Single((await response.ReadJsonAsync()).GetProperty("changedActivities").EnumerateArray());
        var input = Assert.Single(changed.GetProperty("inputs").EnumerateArray());
        Assert.Equal(("title", "\"Doen\"", "\"Nu doen\""),
            (input.GetProperty("name").GetString(), input.GetProperty("old").GetString(), input.GetProperty("new").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/flows/api-compare-flow/compare?van=1&tot=9")).StatusCode);
    }

    [Fact]
    public async Task ExportImportExport_GivesTheSameFlow_ApartFromItsId()
    {
        using var coordinator = await host.AsAsync("coordinator");
        var exported = JsonNode.Parse(await coordinator.GetStringAsync("/api/flows/rvt-traject/export"))!.AsObject();
        exported["id"] = "rvt-traject-kopie";

        var imported = await coordinator.PostAsync("/api/flows/import", Body(exported.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var again = JsonNode.Parse(await coordinator.GetStringAsync("/api/flows/rvt-traject-kopie/export"))!.AsObject();

        // The store numbers versions itself, so the version is the one field besides the id that may differ.
        foreach (var flow in new[] { exported, again }) flow.Remove("version");
        Assert.True(JsonNode.DeepEquals(exported, again), again.ToJsonString());
    }
}
