using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

[Activity("SetVariable", Category = "Gegevens", DisplayName = "Variabele zetten", Description = "Geeft een variabele een waarde of de uitkomst van een expressie.")]
public sealed class SetVariable : Activity
{
    [Input(Label = "Variabele", Description = "Naam van de variabele.", Required = true, AllowExpression = false)]
    public Input<string> Variable { get; set; } = new((string?)null);

    [Input(Label = "Waarde", Description = "De waarde (of een expressie).", Required = true)]
    public Input<object> Value { get; set; } = new((object?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(Variable.Literal!, context.Get(Value));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
