using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// The designer's validation: after a short pause in editing the engine's compiler checks the draft, and its errors are drawn
/// on the nodes, listed under the canvas, and shown in the property panel of the activity they are about.
/// </summary>
public partial class FlowDesigner
{
    // Long enough that typing a title is one validation, short enough that the error follows the edit.
    private static readonly TimeSpan ValidationDelay = TimeSpan.FromMilliseconds(400);

    private CancellationTokenSource? _pendingValidation;

    private void ScheduleValidation()
    {
        _pendingValidation?.Cancel();
        _pendingValidation = new CancellationTokenSource();
        var token = _pendingValidation.Token;
        _validating = true;
        _ = Task.Delay(ValidationDelay, token).ContinueWith(t =>
        {
            if (!t.IsCanceled) _ = InvokeAsync(ValidateAsync);
        }, TaskScheduler.Default);
    }

    private async Task ValidateAsync()
    {
        _errors = Compiler.Compile(_draft.ToJson()).Errors;
        _validating = false;
        await ShowProblemsAsync();
        StateHasChanged();
    }

    private async Task ShowProblemsAsync()
    {
        _problems = DesignerProblems.From(_errors, _draft);
        if (_canvas is not null) await _canvas.ShowProblemsAsync(_problems);
    }

    private IReadOnlyList<FlowError> ErrorsOf(string id) => [.. _errors.Where(e => DesignerProblems.ActivityOf(e, _draft) == id)];

    private async Task SelectAsync(string id)
    {
        if (_canvas is not null) await _canvas.SelectAsync(id);
    }
}
