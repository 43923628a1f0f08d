using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using ProcessEngine.Rvt;
using ProcessEngine.Host.Features.Flows;
using ProcessEngine.Host.Components.Studio;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Host.Tests.Ui.Studio;

/// <summary>Two versions on one canvas, and picking any two versions to compare.</summary>
public sealed class ComparisonCanvasTests : BunitContext, IAsyncLifetime
{
    private static readonly ActivityRegistry Registry = new ActivityRegistry().AddRvtActivities();

    private const string Older = """
        { "id": "f", "name": "F", "activities": [
            { "id": "a", "type": "HumanTask", "inputs": { "title": "A", "outcomes": ["Ja", "Nee"] }, "position": { "x": 0, "y": 0 } },
            { "id": "b", "type": "End", "position": { "x": 0, "y": 200 } },
            { "id": "weg", "type": "End", "position": { "x": 300, "y": 200 } } ],
          "connections": [ { "source": "a", "outcome": "Ja", "target": "b" }, { "source": "a", "outcome": "Nee", "target": "weg" } ] }
        """;

    private const string Newer = """
        { "id": "f", "name": "F", "activities": [
            { "id": "a", "type": "HumanTask", "inputs": { "title": "Anders", "outcomes": ["Ja", "Nee"] }, "position": { "x": 0, "y": 0 } },
            { "id": "b", "type": "End", "position": { "x": 0, "y": 200 } },
            { "id": "nieuw", "type": "End", "position": { "x": -300, "y": 200 } } ],
          "connections": [ { "source": "a", "outcome": "Ja", "target": "b" }, { "source": "a", "outcome": "Nee", "target": "nieuw" } ] }
        """;

    public ComparisonCanvasTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's input services dispose only asynchronously; xunit's synchronous Dispose would throw on them.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public void From_DrawsTheNewerVersionPlusWhatItLost_AndMarksEveryDifference()
    {
        using var older = JsonDocument.Parse(Older);
        using var newer = JsonDocument.Parse(Newer);
        var comparison = FlowComparison.Compare(FlowJson.TryParse(Older, out _)!, FlowJson.TryParse(Newer, out _)!);

        var (model, marks) = ComparisonCanvas.From(older.RootElement, newer.RootElement, comparison, Registry);

        Assert.Equal(["a", "b", "nieuw", "weg"], model.Activities.Select(a => a.Id));
        Assert.Equal((300d, 200d), (model.Activities[3].X!.Value, model.Activities[3].Y!.Value)); // where the older version had it
        Assert.Equal(["a:Ja->b", "a:Nee->nieuw", "a:Nee->weg"], model.Connections.Select(c => c.Id));
        Assert.Equal(new[] { "nieuw" }, marks.Added);
        Assert.Equal(new[] { "a" }, marks.Changed);
        Assert.Equal(new[] { "weg" }, marks.Removed);
        Assert.Equal(new[] { "a:Nee->nieuw" }, marks.AddedConnections);
        Assert.Equal(new[] { "a:Nee->weg" }, marks.RemovedConnections);
    }

    [Fact]
    public void ThePicker_OpensTheComparisonOfTheTwoChosenVersions_OlderFirst()
    {
        var at = DateTimeOffset.Parse("2026-11-01T10:00:00Z");
        FlowVersion Version(int n) => new("f", n, "F", true, n == 3, at, at, "studio");
        var picker = Render<VersionComparePicker>(p => p
            .Add(c => c.FlowId, "f")
            .Add(c => c.Versions, [Version(3), Version(2), Version(1)])
            .Add(c => c.From, 3)
            .Add(c => c.To, 1));

        picker.Find("[data-testid=compare-go]").Click();

        Assert.EndsWith("/studio/flows/f?versie=3&vergelijk=1#verschillen", Services.GetRequiredService<NavigationManager>().Uri);
    }
}
