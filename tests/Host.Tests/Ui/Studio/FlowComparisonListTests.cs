using Bunit;
using MudBlazor.Services;
using ProcessEngine.Host.Components.Studio;
using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Host.Tests.Ui.Studio;

/// <summary>The comparison list as a coordinator reads it: Dutch lines for added, removed and changed activities and connections.</summary>
public sealed class FlowComparisonListTests : BunitContext
{
    private const string Older = """
        { "id": "f", "name": "F",
          "activities": [
            { "id": "a", "type": "HumanTask", "displayName": "Intake", "inputs": { "title": "A", "outcomes": ["Ja", "Nee"] } },
            { "id": "b", "type": "HumanTask", "inputs": { "title": "B" } } ],
          "connections": [ { "source": "a", "outcome": "Ja", "target": "b" } ] }
        """;

    private const string Newer = """
        { "id": "f", "name": "F",
          "activities": [
            { "id": "a", "type": "HumanTask", "displayName": "Intakegesprek", "inputs": { "title": "Aangepast", "outcomes": ["Ja", "Nee"], "duePeriod": "P5D" } },
            { "id": "c", "type": "End", "displayName": "Einde" } ],
          "connections": [ { "source": "a", "outcome": "Nee", "target": "c" } ] }
        """;

    public FlowComparisonListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static WorkflowDefinitionModel Parse(string json) => FlowJson.TryParse(json, out _)!;

    [Fact]
    public void Renders_EachDifferenceAsADutchLine()
    {
        var list = Render<FlowComparisonList>(p => p
            .Add(c => c.Comparison, FlowComparison.Compare(Parse(Older), Parse(Newer)))
            .Add(c => c.From, 1)
            .Add(c => c.To, 2));

        var lines = list.FindAll("[data-testid=comparison] > li")
            .Select(li => Normalize(string.Concat(li.ChildNodes.Where(n => n.NodeName != "UL").Select(n => n.TextContent)))).ToList();
        Assert.Equal([
            "Toegevoegd: activiteit Einde (c) (End)",
            "Toegevoegd: verbinding a –Nee→ c",
            "Verwijderd: activiteit b (HumanTask)",
            "Verwijderd: verbinding a –Ja→ b",
            "Gewijzigd: activiteit Intakegesprek (a)",
        ], lines);
        Assert.Equal([
            "naam: \"Intake\" → \"Intakegesprek\"",
            "invoer 'duePeriod' toegevoegd: \"P5D\"",
            "invoer 'title': \"A\" → \"Aangepast\"",
        ], list.FindAll("[data-kind=Gewijzigd] li").Select(li => Normalize(li.TextContent)));
        Assert.Contains("Van versie 1 naar versie 2:", list.Markup);
    }

    [Fact]
    public void Renders_ANoteInsteadOfAList_WhenTheVersionsAreTheSame()
    {
        var list = Render<FlowComparisonList>(p => p
            .Add(c => c.Comparison, FlowComparison.Compare(Parse(Older), Parse(Older)))
            .Add(c => c.From, 1)
            .Add(c => c.To, 1));

        Assert.Empty(list.FindAll("[data-testid=comparison]"));
        Assert.Contains("Geen verschillen tussen versie 1 en versie 1.", Normalize(list.Find("[data-testid=comparison-empty]").TextContent));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
