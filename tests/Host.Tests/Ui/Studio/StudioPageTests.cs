using System.Net;
using System.Text;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Ui.Studio;

/// <summary>The studio's pages as the server renders them: the flow list links to each flow, whose page shows its versions and a draft's errors.</summary>
public sealed class StudioPageTests(UiWorld world) : IClassFixture<UiWorld>
{
    private const string DraftFlow = """
        { "id": "studio-test-flow", "name": "Studio-test",
          "activities": [ { "id": "taak", "type": "HumanTask", "inputs": { "title": "Doen", "candidateGroup": "Professional" } } ] }
        """;

    [Fact]
    public async Task FlowList_LinksEveryFlow_WithItsVersionsAndRunningInstances()
    {
        var coordinator = await world.AsAsync("coordinator");

        var list = await coordinator.GetAsync("/studio/flows");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("href=\"/studio/flows/rvt-traject\"", list.Html);
        Assert.Contains("Laatste versie Gepubliceerd Concept Lopende instanties Laatst gewijzigd", list.Text);
        Assert.Matches(@"RVT-traject: van aanmelding tot afsluiting rvt-traject versie 1 versie 1 – \d+", list.Text);
    }

    [Fact]
    public async Task FlowPage_ShowsTheFlowWithItsVersionHistoryAndExportLink()
    {
        var coordinator = await world.AsAsync("coordinator");

        var page = await coordinator.GetAsync("/studio/flows/rvt-traject");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("RVT-traject: van aanmelding tot afsluiting versie 1 · live", page.Text);
        Assert.Contains("63 activiteiten · 98 verbindingen", page.Text);
        Assert.Contains("versie 1 (getoond) live", page.Text);
        Assert.Contains("href=\"/api/flows/rvt-traject/export\"", page.Html);
        Assert.Contains("data-testid=\"flow-canvas\"", page.Html);
        Assert.DoesNotContain("Controle van het concept", page.Text); // a published version has nothing to check
    }

    [Fact]
    public async Task FlowPage_ListsTheErrorsOfADraft_AndOlderVersionsStayOpenable()
    {
        using var api = await world.Host.AsAsync("coordinator");
        await world.Host.ImportPublishedAsync(DraftFlow);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/flows/studio-test-flow/draft", Json(DraftFlow.Replace("\"Doen\"", "\"\"")))).StatusCode);
        var coordinator = await world.AsAsync("coordinator");

        var draft = await coordinator.GetAsync("/studio/flows/studio-test-flow");
        var first = await coordinator.GetAsync("/studio/flows/studio-test-flow?versie=1");

        Assert.Contains("versie 2 · concept", draft.Text);
        Assert.Contains("Dit concept bevat 1 fout en kan zo niet gepubliceerd worden.", draft.Text);
        Assert.Contains("$.activities[0].inputs.title", draft.Text);
        Assert.Contains("href=\"/studio/flows/studio-test-flow?versie=1\"", draft.Html);
        Assert.Contains("versie 1 · live", first.Text);
        Assert.Contains("href=\"/api/flows/studio-test-flow/export?version=1\"", first.Html);
    }

    [Fact]
    public async Task FlowPage_ComparesTwoVersions_FromTheHistory()
    {
        using var api = await world.Host.AsAsync("coordinator");
        var flow = DraftFlow.Replace("studio-test-flow", "studio-compare-flow");
        await world.Host.ImportPublishedAsync(flow);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/flows/studio-compare-flow/draft", Json(flow.Replace("\"Doen\"", "\"Nu doen\"")))).StatusCode);
        var coordinator = await world.AsAsync("coordinator");

        var latest = await coordinator.GetAsync("/studio/flows/studio-compare-flow");
        var compared = await coordinator.GetAsync("/studio/flows/studio-compare-flow?versie=2&vergelijk=1");

        Assert.Contains("href=\"/studio/flows/studio-compare-flow?versie=2&amp;vergelijk=1#verschillen\"", latest.Html);
        Assert.Contains("Verschillen tussen versies Van versie 1 naar versie 2: Gewijzigd: activiteit taak invoer 'title': \"Doen\" → \"Nu doen\"", compared.Text);
    }

    [Fact]
    public async Task FlowPage_OfAnUnknownFlow_SaysSoInDutch()
    {
        var coordinator = await world.AsAsync("coordinator");

        var page = await coordinator.GetAsync("/studio/flows/bestaat-niet");

        Assert.Contains("Flow niet gevonden", page.Text);
        Assert.Contains("Flow 'bestaat-niet' bestaat niet.", page.Text);
    }

    [Theory]
    [InlineData("prof1")]
    [InlineData("manager")]
    public async Task FlowPage_IsClosedToWhoeverMayNotManageFlows(string userName)
    {
        var browser = await world.AsAsync(userName);

        var page = await browser.GetAsync("/studio/flows/rvt-traject");

        Assert.StartsWith("/geen-toegang", new Uri(new Uri("http://localhost"), page.Location).AbsolutePath);
    }

    [Fact]
    public async Task InstancePage_ShowsTheVersionItRunsOn_WhatItWaitsOn_AndItsJournal_ButNoCasusContent()
    {
        var coordinator = await world.AsAsync("coordinator");
        var instance = world.Api.OnTableInstance;

        var flow = await coordinator.GetAsync("/studio/flows/rvt-traject");
        var page = await coordinator.GetAsync($"/studio/instanties/{instance}");

        Assert.Contains($"href=\"/studio/instanties/{instance}\"", flow.Html);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Instantie van RVT-traject: van aanmelding tot afsluiting wacht", page.Text);
        Assert.Contains("href=\"/studio/flows/rvt-traject?versie=1\"", page.Html);
        Assert.Contains("Wacht op Activiteit Soort Wanneer / waarop Aanmelding, triage en advies subflow", page.Text);
        Assert.Contains("Telling: aanmelding (RecordFact) uitgevoerd Done", page.Text);
        Assert.DoesNotContain(world.Api.OnTable, page.Html); // not even the casus code
        Assert.DoesNotContain("Zorgen om de veiligheid", page.Html);
    }

    [Theory]
    [InlineData("prof1")]
    [InlineData("manager")]
    public async Task InstancePage_IsClosedToWhoeverMayNotManageFlows(string userName)
    {
        var browser = await world.AsAsync(userName);

        var page = await browser.GetAsync($"/studio/instanties/{world.Api.OnTableInstance}");

        Assert.StartsWith("/geen-toegang", new Uri(new Uri("http://localhost"), page.Location).AbsolutePath);
    }

    [Fact]
    public async Task TheCanvasBundle_IsServed()
    {
        var response = await world.Host.Anonymous().GetAsync("/studio/flow-canvas.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100_000, "the bundle holds X6 and dagre");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
