using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

/// <summary>Chooses one of its declared outcomes by evaluating an expression.</summary>
[Activity("Decision", Category = "Beslissingen", DisplayName = "Beslissing", Description = "Kiest een uitgang op basis van een expressie.")]
[Outcomes(FromInput = nameof(Outcomes))]
public sealed class Decision : Activity
{
    [Input(Label = "Gekozen uitgang", Description = "Expressie die de naam van een uitgang geeft, bijvoorbeeld variables.acuut ? 'Spoed' : 'Regulier'.", Required = true, UIHint = "expression")]
    public Input<string> Outcome { get; set; } = new((string?)null);

    [Input(Label = "Uitgangen", Description = "De mogelijke uitgangen.", Required = true)]
    public Input<IReadOnlyList<string>> Outcomes { get; set; } = new((IReadOnlyList<string>?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var chosen = context.Get(Outcome);
        var allowed = context.Get(Outcomes) ?? [];
        if (chosen is null || !allowed.Contains(chosen))
            // The chosen value came from the instance's data: the message names the outcomes only.
            throw new ActivityFaultException(chosen is null
                ? $"Decision '{Id}' chose nothing; its outcomes are: {string.Join(", ", allowed)}."
                : $"Decision '{Id}' chose a value that is not one of its outcomes: {string.Join(", ", allowed)}.");
        return ValueTask.FromResult(ActivityResult.WithOutcome(chosen));
    }
}
