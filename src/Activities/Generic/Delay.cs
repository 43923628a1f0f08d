using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Activities.Generic;

/// <summary>Waits for a period or until a moment; a durable timer, fired by Hangfire and re-scheduled after restarts.</summary>
[Activity("Delay", Category = "Tijd", DisplayName = "Timer", Description = "Wacht een termijn (ISO 8601 of werkdagen) of tot een tijdstip.")]
public sealed class Delay : Activity, IBlockingActivity
{
    [Input(Label = "Wachttijd", Description = "Hoe lang te wachten, bijvoorbeeld 'P3M', 'P10W' of '5 werkdagen'.")]
    public Input<FlowDuration?> Duration { get; set; } = new((FlowDuration?)null);

    [Input(Label = "Wachten tot", Description = "Tijdstip om op te wachten (gaat voor de termijn).")]
    public Input<DateTimeOffset?> Until { get; set; } = new((DateTimeOffset?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var due = context.Get(Until)
            ?? (context.Get(Duration) is { } duration ? duration.AddTo(context.Now) : throw new ActivityFaultException(
                $"Timer '{Id}' needs a duration or an until moment; both are empty."));
        return ValueTask.FromResult(ActivityResult.Suspend(BookmarkRequest.ForTimer(due)));
    }
}
