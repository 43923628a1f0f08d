using System.Text.Json;
using ProcessEngine.Rvt;
using ProcessEngine.Host.Components.Studio;
using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Host.Tests.Ui.Studio;

/// <summary>What the canvas is told to draw: labels, types, positions, and outcome ports named as the engine routes them.</summary>
public sealed class CanvasModelTests
{
    private static readonly ActivityRegistry Registry = new ActivityRegistry().AddRvtActivities();

    private static CanvasModel Model(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CanvasModel.From(document.RootElement, Registry);
    }

    [Fact]
    public void From_TakesLabelTypeAndPosition_AndFallsBackToTheTypesDisplayName()
    {
        var model = Model("""
            { "id": "f", "activities": [
              { "id": "a", "type": "HumanTask", "displayName": "Beoordelen", "position": { "x": 10, "y": 20 } },
              { "id": "b", "type": "End" } ] }
            """);

        Assert.Equal(new CanvasActivity("a", "Beoordelen", "HumanTask", 10, 20, model.Activities[0].Outcomes), model.Activities[0]);
        Assert.Equal(Registry.Find("End")!.DisplayName, model.Activities[1].Label);
        Assert.Null(model.Activities[1].X);
    }

    [Fact]
    public void From_NamesPortsAfterTheOutcomes_FromTheDescriptorTheInputAndTheConnections()
    {
        var model = Model("""
            { "id": "f", "activities": [
              { "id": "fork", "type": "Fork", "inputs": { "branches": ["Traject", "Stopknop"] } },
              { "id": "dyn", "type": "Decision", "inputs": { "outcome": "x", "outcomes": { "expression": "['Ja']" } } },
              { "id": "x", "type": "SetVariable" } ],
              "connections": [
                { "source": "fork", "outcome": "Stopknop", "target": "x" },
                { "source": "dyn", "outcome": "Ja", "target": "x" },
                { "source": "x", "target": "fork" } ] }
            """);

        Assert.Equal([.. Registry.Find("Fork")!.Outcomes, "Traject", "Stopknop"], model.Activities[0].Outcomes);
        Assert.Contains("Ja", model.Activities[1].Outcomes); // known only from its connection: the list is an expression
        Assert.Contains("Done", model.Activities[2].Outcomes);
        Assert.Equal(
            ["fork:Stopknop->x", "dyn:Ja->x", "x:Done->fork"],
            model.Connections.Select(c => c.Id));
    }

    [Fact]
    public void From_DrawsWhatItCanOfAHalfFinishedDraft()
    {
        var model = Model("""
            { "id": "f", "activities": [
              { "id": "a", "type": "Onbekend" }, { "type": "HumanTask" }, { "id": "a", "type": "End" } ],
              "connections": [ { "source": "a", "target": "weg" }, { "source": "a" } ] }
            """);

        var only = Assert.Single(model.Activities);
        Assert.Equal(("a", "Onbekend"), (only.Label, only.Type));
        Assert.Empty(model.Connections);
    }
}
