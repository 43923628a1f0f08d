using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Features.Flows;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attack: making a node read and parse megabytes of JSON per request (Kestrel's default allows 30 MB). Every /api body is
/// limited to 256 kB, the Veiligheidskaart and flow files to 1 MB (their domain maximum needs more); a larger body is
/// answered 413 before anything is stored, whether it announces its length or not.
/// </summary>
public sealed class RequestBodySizeAttackTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_2_MB_Veiligheidskaart_is_refused_with_413_before_it_is_parsed_and_no_version_is_stored()
    {
        using var prof1 = await host.AsAsync("prof1");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var body = $$"""{ "basisVersie": 0, "inhoud": { "zorgen": ["{{new string('z', 2 * 1024 * 1024)}}"] } }""";

        var refused = await prof1.PutAsync($"/api/casus/{code}/veiligheidskaart", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("Dit verzoek is te groot: ten hoogste 1024 kB.", (await refused.ReadJsonAsync()).GetProperty("errors").GetProperty("body")[0].GetString());
        var versions = await (await prof1.GetAsync($"/api/casus/{code}/veiligheidskaart/versions")).ReadJsonAsync();
        Assert.Equal(0, versions.GetArrayLength());
    }

    [Fact]
    public async Task A_2_MB_task_completion_sent_without_a_length_is_cut_off_with_413_and_the_task_stays_open()
    {
        using var prof1 = await host.AsAsync("prof1");
        using var chair = await host.AsAsync("voorzitter");
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", await ApiWorld.RegisterIntakeAsync(prof1));

        // JsonContent streams (chunked): the limit is found while reading, not from a Content-Length.
        var refused = await chair.PostAsJsonAsync($"/api/tasks/{triage}/complete",
            new { outcome = "Consultatie & Advies", data = new { toelichting = new string('x', 2 * 1024 * 1024) } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("Open", (await (await chair.GetAsync($"/api/tasks/{triage}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_task_completion_above_256_kB_is_refused_although_Kestrel_would_take_30_MB()
    {
        using var prof1 = await host.AsAsync("prof1");
        using var chair = await host.AsAsync("voorzitter");
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", await ApiWorld.RegisterIntakeAsync(prof1));
        var body = $$"""{ "outcome": "Consultatie & Advies", "data": { "toelichting": "{{new string('x', 300 * 1024)}}" } }""";

        var refused = await chair.PostAsync($"/api/tasks/{triage}/complete", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("Dit verzoek is te groot: ten hoogste 256 kB.", (await refused.ReadJsonAsync()).GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal("Open", (await (await chair.GetAsync($"/api/tasks/{triage}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_900_kB_flow_draft_still_saves()
    {
        using var coordinator = await host.AsAsync("coordinator");
        // A valid flow padded with whitespace to 900 kB: as large as a flow file may reasonably grow.
        var flow = """{ "id": "grote-flow", "name": "Groot concept", "activities": [ { "id": "taak", "type": "HumanTask", "inputs": { "title": "Doen", "candidateGroup": "Professional" } } ] """
            + new string(' ', 900 * 1024) + "}";

        var saved = await coordinator.PutAsync("/api/flows/grote-flow/draft", new StringContent(flow, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    [Fact]
    public void Every_api_endpoint_is_limited_and_only_flow_files_and_the_Veiligheidskaart_take_more_than_256_kB()
    {
        var limits = host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => (Key: $"{method} {e.RoutePattern.RawText}", Limit: e.Metadata.GetMetadata<BodySizeLimit>()?.Bytes)))
            .ToList();

        Assert.NotEmpty(limits);
        Assert.All(limits, l => Assert.NotNull(l.Limit));
        Assert.Equal(["POST /api/flows/import", "PUT /api/casus/{code}/veiligheidskaart", "PUT /api/flows/{id}/draft"],
            limits.Where(l => l.Limit != BodySizeLimit.ApiBytes).Select(l => l.Key).Order(StringComparer.Ordinal));
        Assert.Equal([(long)FlowEndpoints.MaxFlowBytes, (long)FlowEndpoints.MaxFlowBytes, BodySizeLimit.LargeBytes],
            limits.Where(l => l.Limit != BodySizeLimit.ApiBytes).Select(l => l.Limit!.Value).Order());
    }

    [Fact]
    public async Task A_flow_draft_one_byte_over_its_maximum_is_413_like_every_other_body_and_nothing_is_stored()
    {
        using var coordinator = await host.AsAsync("coordinator");
        const string head = "{ \"id\": \"net-te-groot\", \"name\": \"Net te groot\", \"activities\": [] ";
        var flow = head + new string(' ', FlowEndpoints.MaxFlowBytes - head.Length) + "}";

        var refused = await coordinator.PutAsync("/api/flows/net-te-groot/draft", new StringContent(flow, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("Het verzoek is te groot.", problem.GetProperty("title").GetString());
        Assert.Contains("te groot", problem.GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/flows/net-te-groot")).StatusCode);
    }
}
