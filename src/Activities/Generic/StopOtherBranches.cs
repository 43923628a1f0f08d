using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

/// <summary>
/// Cancels every other step the instance waits on (tasks, timers, signals, subflows), and goes on. Used
/// where one branch makes the others pointless, e.g. a maatregel that ends on an evaluation: its
/// end-date and lapse timers must not come up any more, while the flow itself still has work to do.
/// </summary>
[Activity("StopOtherBranches", Category = "Stroom", DisplayName = "Andere takken stoppen",
    Description = "Annuleert alle andere wachtende stappen van deze flow (taken, timers, signalen) en gaat verder.")]
public sealed class StopOtherBranches : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.CancelOtherWork();
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
