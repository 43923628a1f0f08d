using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Generic;

/// <summary>
/// Waits until a named signal (for example "Stopknop") reaches this traject. With <see cref="Interrupt"/>
/// the signal also pauses (Vasthouden) or cancels (Annuleren) everything else the traject waits on.
/// </summary>
[Activity("WaitForSignal", Category = "Signalen", DisplayName = "Wachten op signaal", Description = "Wacht tot een signaal met deze naam binnenkomt.")]
public sealed class WaitForSignal : Activity, IBlockingActivity
{
    public const string None = "Geen";
    public const string Hold = "Vasthouden";
    public const string Cancel = "Annuleren";

    [Input(Label = "Signaal", Description = "Naam van het signaal.", Required = true, AllowExpression = false)]
    public Input<string> Signal { get; set; } = new((string?)null);

    [Input(Label = "Gegevens in variabele", Description = "Variabele die de gegevens van het signaal krijgt.", AllowExpression = false)]
    public Input<string> ResultVariable { get; set; } = new((string?)null);

    [Input(Label = "Andere wachtende stappen", Description = "Wat het signaal doet met de andere wachtende stappen: niets, vasthouden (pauze) of annuleren.",
        Options = [None, Hold, Cancel], AllowExpression = false)]
    public Input<string> Interrupt { get; set; } = new(None);

    [Input(Label = "Blijven lopen (deelflows)", Description = "Bij vasthouden: deelprocessen (flow-id's) die doorlopen, bijvoorbeeld het contact in duo; hun einde wacht op het vrijgeven.")]
    public Input<IReadOnlyList<string>> KeepRunning { get; set; } = new((IReadOnlyList<string>?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Suspend(BookmarkRequest.ForSignal(Signal.Literal!)));

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume)
    {
        if (ResultVariable.Literal is { Length: > 0 } variable) context.SetVariable(variable, resume.Data);
        if (Interrupt.Literal == Hold) context.HoldOtherWork(context.Get(KeepRunning));
        else if (Interrupt.Literal == Cancel) context.CancelOtherWork();
        return ValueTask.FromResult(ActivityResult.Done);
    }
}

/// <summary>Sends a named signal to the flows waiting for it on a traject (by default this one), after this step commits.</summary>
[Activity("SendSignal", Category = "Signalen", DisplayName = "Signaal sturen", Description = "Stuurt een signaal naar wachtende flows van een traject.")]
public sealed class SendSignal : Activity
{
    [Input(Label = "Signaal", Description = "Naam van het signaal.", Required = true, AllowExpression = false)]
    public Input<string> Signal { get; set; } = new((string?)null);

    [Input(Label = "Naar traject", Description = "Traject (correlatie-id); leeg is dit traject.")]
    public Input<string> CorrelationId { get; set; } = new((string?)null);

    [Input(Label = "Gegevens", Description = "Gegevens die met het signaal meegaan.")]
    public Input<object> Payload { get; set; } = new((object?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var payload = context.Get(Payload) as IReadOnlyDictionary<string, object?>;
        context.SendSignal(Signal.Literal!, context.Get(CorrelationId), payload);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
