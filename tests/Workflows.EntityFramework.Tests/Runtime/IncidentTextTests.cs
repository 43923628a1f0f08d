using ProcessEngine.Workflows.EntityFramework.Tests.Support;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Runtime;

/// <summary>
/// Attack (#16): a coordinator who may shape flows but not read casus content publishes an expression that fails
/// on purpose with the instance's data in its error, then reads the incident on the instance page. The incident,
/// the journal and the notification keep the error's kind and the activity, never a value of the instance.
/// </summary>
public sealed class IncidentTextTests
{
    private const string Secret = "Jansen-Dorpsstraat-12";

    [Theory]
    [InlineData("throw JSON.stringify(variables)", "it threw a value (not stored, as it may hold casus data)")]
    [InlineData("throw new Error(JSON.stringify(input))", "it threw a JavaScript Error (its message is not stored, as it may hold casus data)")]
    [InlineData("(() => { const e = new Error('x'); e.name = input.naam; throw e; })()", "it threw a value (not stored, as it may hold casus data)")]
    [InlineData("variables.naam.bestaatNiet.verder", "it threw a JavaScript TypeError (its message is not stored, as it may hold casus data)")]
    [InlineData("dates.add(input.naam, 'P1D')", "dates.add: an argument is not a valid moment or duration")]
    public async Task AFailingExpression_LeavesNoValueInIncidentJournalOrNotification(string expression, string expectedReason)
    {
        await using var engine = await TestEngine.StartAsync();
        var id = "lek-" + Guid.NewGuid().ToString("N")[..8];
        var escaped = expression.Replace("\"", "\\\"", StringComparison.Ordinal);
        await engine.PublishAsync($$"""
        { "id": "{{id}}", "name": "Lekt het?",
          "activities": [
            { "id": "kopie", "type": "SetVariable", "inputs": { "variable": "naam", "value": { "expression": "input.naam" } } },
            { "id": "lek", "type": "SetVariable", "inputs": { "variable": "x", "value": { "expression": "{{escaped}}" } } }
          ],
          "connections": [ { "source": "kopie", "target": "lek" } ] }
        """);

        var started = await engine.Runtime.StartAsync(id, new Dictionary<string, object?> { ["naam"] = Secret });

        Assert.Equal(WorkflowStatus.Faulted, started.Status);
        var incident = Assert.Single(await engine.Store.GetOpenIncidentsAsync(started.InstanceId));
        Assert.Equal("lek", incident.ActivityId);
        Assert.EndsWith(expectedReason, incident.Message);
        Assert.DoesNotContain(Secret, incident.Message);
        Assert.DoesNotContain(Secret, incident.StackTrace);
        var faulted = Assert.Single(await engine.Store.GetJournalAsync(started.InstanceId), j => j.Event == JournalEvent.Faulted);
        Assert.Equal(incident.Message, faulted.Message);
        Assert.All(engine.Notifications.Of<InstanceFaulted>(), n => Assert.DoesNotContain(Secret, n.Message));
    }

    [Fact]
    public async Task AnActivityThatThrowsAnyOtherError_IsStoredByKindAndPlace_NotByItsMessage()
    {
        await using var engine = await TestEngine.StartAsync();
        var id = "termijn-" + Guid.NewGuid().ToString("N")[..8];
        // A text that is no duration: the duration parser's FormatException quotes it, so its message must not be stored.
        await engine.PublishAsync($$"""
        { "id": "{{id}}", "name": "Termijn",
          "activities": [ { "id": "wacht", "type": "Delay", "inputs": { "duration": { "expression": "input.naam" } } } ], "connections": [] }
        """);

        var started = await engine.Runtime.StartAsync(id, new Dictionary<string, object?> { ["naam"] = Secret });

        var incident = Assert.Single(await engine.Store.GetOpenIncidentsAsync(started.InstanceId));
        Assert.Equal("Delay 'wacht' failed with FormatException; its message is not stored, as it may hold casus data.", incident.Message);
        Assert.DoesNotContain(Secret, incident.StackTrace);
        Assert.Contains("System.FormatException", incident.StackTrace);
    }
}
