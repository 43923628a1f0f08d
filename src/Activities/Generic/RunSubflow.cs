using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

/// <summary>Runs another published flow as a child and continues when the child ends.</summary>
[Activity("RunSubflow", Category = "Stroom", DisplayName = "Deelproces", Description = "Start een andere flow als deelproces en gaat verder als die klaar is.")]
public sealed class RunSubflow : Activity, IBlockingActivity
{
    [Input(Label = "Deelflow", Description = "Id van de gepubliceerde flow.", Required = true, AllowExpression = false)]
    public Input<string> Flow { get; set; } = new((string?)null);

    [Input(Label = "Invoer", Description = "Invoer voor het deelproces (object of expressie).")]
    public Input<object> Input { get; set; } = new((object?)null);

    [Input(Label = "Uitkomst in variabele", Description = "Variabele die de variabelen van het afgeronde deelproces krijgt.", AllowExpression = false)]
    public Input<string> ResultVariable { get; set; } = new((string?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var input = context.Get(Input) switch
        {
            null => new Dictionary<string, object?>(),
            Dictionary<string, object?> map => map,
            var other => throw new ActivityFaultException($"Subflow '{Id}' input must be an object, got {other.GetType().Name}."),
        };
        return ValueTask.FromResult(ActivityResult.Suspend(BookmarkRequest.ForSubflow(new SubflowSpec(Flow.Literal!, input))));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume)
    {
        if (ResultVariable.Literal is { Length: > 0 } variable) context.SetVariable(variable, resume.Data);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
