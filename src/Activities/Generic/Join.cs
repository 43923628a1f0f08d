using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

/// <summary>Where parallel branches meet: runs once all incoming branches arrived ("All") or on the first ("Any").</summary>
[Activity("Join", Category = "Stroom", DisplayName = "Samenvoegen", Description = "Wacht tot alle (of de eerste) binnenkomende takken klaar zijn.")]
public sealed class Join : Activity, IJoinActivity
{
    public const string All = "All";
    public const string Any = "Any";

    [Input(Label = "Wachten op", Description = "All: wacht op alle takken; Any: ga door na de eerste.", Options = [All, Any], AllowExpression = false)]
    public Input<string> Mode { get; set; } = new(All);

    public bool WaitAll => Mode.Literal != Any;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
