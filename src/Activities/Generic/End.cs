using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

/// <summary>Ends the whole flow: other branches stop and open tasks and timers are cancelled.</summary>
[Activity("End", Category = "Stroom", DisplayName = "Einde", Description = "Beëindigt de flow; openstaande taken en timers vervallen.")]
[Outcomes]
public sealed class End : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.FinishWorkflow);
}
