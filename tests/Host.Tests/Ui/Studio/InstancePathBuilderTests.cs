using System.Text.Json;
using ProcessEngine.Rvt;
using ProcessEngine.Host.Features.Audit;
using ProcessEngine.Host.Features.Instances;
using ProcessEngine.Host.Features.Reports;
using ProcessEngine.Host.Components.Studio;
using ProcessEngine.Host.Components.Studio.Instances;
using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Host.Tests.Ui.Studio;

/// <summary>The path an instance took, as the viewer highlights it, read from its journal, bookmarks and incidents.</summary>
public sealed class InstancePathBuilderTests
{
    private static readonly ActivityRegistry Registry = new ActivityRegistry().AddRvtActivities();
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-01T10:00:00Z");

    private static CanvasModel Flow()
    {
        using var json = JsonDocument.Parse("""
            { "id": "f", "activities": [
                { "id": "start", "type": "SetVariable" },
                { "id": "fork", "type": "Fork", "inputs": { "branches": ["Links", "Rechts"] } },
                { "id": "links", "type": "HumanTask", "inputs": { "title": "L", "outcomes": ["Ja", "Nee"] } },
                { "id": "rechts", "type": "Delay" },
                { "id": "ja", "type": "End" }, { "id": "nee", "type": "End" } ],
              "connections": [
                { "source": "start", "target": "fork" },
                { "source": "fork", "outcome": "Links", "target": "links" }, { "source": "fork", "outcome": "Rechts", "target": "rechts" },
                { "source": "links", "outcome": "Ja", "target": "ja" }, { "source": "links", "outcome": "Nee", "target": "nee" } ] }
            """);
        return CanvasModel.From(json.RootElement, Registry);
    }

    private static JournalView Entry(int sequence, string activity, string @event, string? outcome) =>
        new(sequence, activity, "x", @event, outcome, At, At, null);

    [Fact]
    public void From_MarksWhatRan_TheConnectionsFollowed_WhatItWaitsOn_AndAFault()
    {
        var instance = new InstanceView(Guid.NewGuid(), "f", 1, ProcessEngine.Workflows.Runtime.WorkflowStatus.Suspended, null, null, At,
            [
                Entry(1, "start", "Completed", "Done"),
                Entry(2, "fork", "Completed", "Links,Rechts"),
                Entry(3, "links", "Suspended", null),
                Entry(4, "rechts", "Suspended", null),
                Entry(5, "links", "Completed", "Nee"),
                Entry(6, "nee", "Faulted", null),
            ],
            [new WaitingView(Guid.NewGuid(), "Timer", "rechts", At.AddDays(3), null, null, false)],
            [new IncidentView(Guid.NewGuid(), Guid.NewGuid(), "f", null, "nee", "End", "InvalidOperationException", "stuk", At)]);

        var path = InstancePathBuilder.From(instance, Flow());

        Assert.Equal(["start", "fork", "links", "rechts", "nee"], path.Visited);
        Assert.Equal(["fork:Links->links", "fork:Rechts->rechts", "links:Nee->nee", "start:Done->fork"], path.Taken.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("links:Ja->ja", path.Taken);
        Assert.Equal(["rechts"], path.Waiting);
        Assert.Equal(["nee"], path.Faulted);
    }
}
