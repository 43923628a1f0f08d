using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

/// <summary>
/// Starts another published flow as its own instance on the same traject and goes on at once. Use it for
/// work that must outlive or ignore this flow's pauses and route changes, such as a court measure's
/// evaluations; wait for its outcome with a signal it sends.
/// </summary>
[Activity("StartFlow", Category = "Stroom", DisplayName = "Flow starten",
    Description = "Start een andere flow als eigen instantie op hetzelfde traject (geen deelproces: loopt door bij pauze of routewissel).")]
public sealed class StartFlow : Activity
{
    [Input(Label = "Flow", Description = "Id van de gepubliceerde flow.", Required = true, AllowExpression = false)]
    public Input<string> Flow { get; set; } = new((string?)null);

    [Input(Label = "Invoer", Description = "Invoer voor de nieuwe instantie (object of expressie).")]
    public Input<object> Input { get; set; } = new((object?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var input = context.Get(Input) switch
        {
            null => new Dictionary<string, object?>(),
            Dictionary<string, object?> map => map,
            var other => throw new ActivityFaultException($"StartFlow '{Id}' input must be an object, got {other.GetType().Name}."),
        };
        context.StartFlow(Flow.Literal!, input);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
