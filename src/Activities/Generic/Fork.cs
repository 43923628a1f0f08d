using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

/// <summary>Starts parallel branches: every branch outcome is taken at once.</summary>
[Activity("Fork", Category = "Stroom", DisplayName = "Splitsen", Description = "Start parallelle takken; elke tak is een uitgang.")]
[Outcomes(FromInput = nameof(Branches))]
public sealed class Fork : Activity
{
    [Input(Label = "Takken", Description = "Namen van de takken.", Required = true, AllowExpression = false)]
    public Input<IReadOnlyList<string>> Branches { get; set; } = new((IReadOnlyList<string>?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.WithOutcomes(Branches.Literal ?? []));
}
