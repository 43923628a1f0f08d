using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Tests.Runtime;

// The engine's own tests use these few activities, not the activity library: what is proven here is the
// flowchart (tokens, joins, bookmarks, incidents, the journal), whatever activities a library brings.

/// <summary>Completes at once with the outcome its input names (an expression may choose it), and counts its runs.</summary>
[Activity("Step", Category = "Test")]
[Outcomes(Outcomes.Done, FromInput = nameof(Choices))]
public sealed class StepActivity : Activity
{
    [Input(Description = "The outcome this step takes.")]
    public Input<string> Outcome { get; set; } = new(Outcomes.Done);

    [Input(Description = "Outcomes a connection may name.", AllowExpression = false)]
    public Input<IReadOnlyList<string>> Choices { get; set; } = new((IReadOnlyList<string>?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var runs = context.GetVariable("runs." + Id) is { } n ? Convert.ToInt32(n, System.Globalization.CultureInfo.InvariantCulture) : 0;
        context.SetVariable("runs." + Id, runs + 1);
        return ValueTask.FromResult(ActivityResult.WithOutcome(context.Get(Outcome) ?? Outcomes.Done));
    }
}

/// <summary>Takes both its outcomes at once: two parallel branches.</summary>
[Activity("Split", Category = "Test")]
[Outcomes("Left", "Right")]
public sealed class SplitActivity : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.WithOutcomes(["Left", "Right"]));
}

/// <summary>Runs once every incoming branch has arrived.</summary>
[Activity("Meet", Category = "Test")]
public sealed class MeetActivity : Activity, IJoinActivity
{
    public bool WaitAll => true;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}

/// <summary>Waits for a named signal and keeps what came with it in the variable "received".</summary>
[Activity("Await", Category = "Test")]
public sealed class AwaitActivity : Activity, IBlockingActivity
{
    [Input(Description = "The signal's name.", Required = true, AllowExpression = false)]
    public Input<string> Signal { get; set; } = new((string?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Suspend(BookmarkRequest.ForSignal(Signal.Literal!)));

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume)
    {
        context.SetVariable("received", resume.Data);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}

/// <summary>Throws while the service its input names is marked down: an incident, and a retry once it is back.</summary>
[Activity("Fragile", Category = "Test")]
public sealed class FragileActivity : Activity
{
    // Keyed by a name each test makes unique, so tests running in parallel do not see each other's outage.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Down = new();

    [Input(Description = "The service this step calls.", Required = true, AllowExpression = false)]
    public Input<string> Service { get; set; } = new((string?)null);

    public static void SetDown(string service, bool down) => Down[service] = down;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        Down.GetValueOrDefault(Service.Literal!)
            ? throw new InvalidOperationException("the service behind this step is down")
            : ValueTask.FromResult(ActivityResult.Done);
}
