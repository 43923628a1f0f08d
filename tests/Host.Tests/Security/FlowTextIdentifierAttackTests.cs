using System.Net;
using System.Text;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// A coordinator who puts a family's address in a task title, or a BSN in an option label, would put that family in every
/// inbox the flow reaches: the flow's texts go through the identifier guard, and such a flow is never published.
/// </summary>
public sealed class FlowTextIdentifierAttackTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Flow = """
        { "id": "api-tekst-flow", "name": "Tekstcontrole",
          "activities": [ { "id": "taak", "type": "HumanTask", "displayName": "Huisbezoek",
            "inputs": { "title": "Huisbezoek Kerkstraat 12, 1234 AB Utrecht", "candidateGroup": "Professional",
                        "outcomes": ["Gedaan"], "form": [ { "name": "kind", "label": "Welk kind?", "type": "choice", "options": ["BSN 111222333", "het oudste"] } ] } } ] }
        """;

    [Fact]
    public async Task A_flow_whose_texts_name_a_family_is_refused_on_import_naming_each_path_and_its_draft_cannot_be_published()
    {
        using var coordinator = await host.AsAsync("coordinator");

        var imported = await coordinator.PostAsync("/api/flows/import", new StringContent(Flow, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, imported.StatusCode);
        var errors = (await imported.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("$.activities[0].inputs.title", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("$.activities[0].inputs.form[0].options[0]", out _), errors.ToString());

        var draft = await coordinator.PutAsync("/api/flows/api-tekst-flow/draft", new StringContent(Flow, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var published = await coordinator.PostAsync("/api/flows/api-tekst-flow/publish-request", null);
        Assert.Equal(HttpStatusCode.BadRequest, published.StatusCode);
        Assert.Contains("$.activities[0].inputs.title", await published.Content.ReadAsStringAsync());
    }
}
