using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

/// <summary>Ends a pause placed by a holding signal: the held steps go on where they were, or are cancelled.</summary>
[Activity("ReleaseHold", Category = "Signalen", DisplayName = "Pauze opheffen",
    Description = "Heft de pauze op: de vastgehouden stappen gaan verder (Hervatten) of vervallen (Annuleren).")]
public sealed class ReleaseHold : Activity
{
    public const string Resume = "Hervatten";
    public const string Cancel = "Annuleren";

    [Input(Label = "Wat er gebeurt", Description = "Hervatten: verder waar het was; Annuleren: de vastgehouden stappen vervallen.", Options = [Resume, Cancel], AllowExpression = false)]
    public Input<string> Mode { get; set; } = new(Resume);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (Mode.Literal == Cancel) context.CancelHeldWork();
        else context.ReleaseHeldWork();
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
