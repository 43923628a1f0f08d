using System.Net;
using System.Text;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attack: a flow whose deadline counts a million werkdagen, which the calendar walks day by day at every step that
/// reads it. More than 2600 werkdagen (about ten years) is an error at the input's JSON path, so such a flow is never
/// imported or published. (Expressions that compute such a count: tests/Workflows.Tests/Security.)
/// </summary>
public sealed class WerkdagenLimitAttackTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_flow_with_a_deadline_of_999999_werkdagen_is_refused_at_the_inputs_path_naming_the_limit()
    {
        using var coordinator = await host.AsAsync("coordinator");
        const string flow = """
            { "id": "eindeloze-termijn", "name": "Eindeloze termijn",
              "activities": [
                { "id": "taak", "type": "HumanTask", "inputs": { "title": "Doen", "candidateGroup": "Professional", "due": "999999 werkdagen" } },
                { "id": "wacht", "type": "Delay", "inputs": { "duration": "2601 werkdagen" } } ],
              "connections": [ { "source": "taak", "target": "wacht" } ] }
            """;

        var imported = await coordinator.PostAsync("/api/flows/import", new StringContent(flow, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, imported.StatusCode);
        var errors = (await imported.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("more than 2600 werkdagen", errors.GetProperty("$.activities[0].inputs.due")[0].GetString());
        Assert.Contains("more than 2600 werkdagen", errors.GetProperty("$.activities[1].inputs.duration")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/flows/eindeloze-termijn")).StatusCode);
    }
}
