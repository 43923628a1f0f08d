using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Validation;

namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// The designer's validation: after a short pause in editing, the engine's compiler checks the draft once (the rules are the
/// compiler's, none in the browser), and the designer draws what it found.
/// </summary>
public sealed class DesignerValidation(FlowCompiler compiler) : IDisposable
{
    // Long enough that typing a title is one validation, short enough that the error follows the edit.
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(400);

    private CancellationTokenSource? _pending;

    /// <summary>Between an edit and its validation.</summary>
    public bool Validating { get; private set; }

    /// <summary>
    /// Checks <paramref name="draft"/> (read when the pause is over) and hands its errors to <paramref name="done"/>, through
    /// <paramref name="dispatch"/> (the component's own dispatcher); an edit within the pause starts the pause again.
    /// </summary>
    public void Schedule(Func<string> draft, Func<Func<Task>, Task> dispatch, Func<IReadOnlyList<FlowError>, Task> done)
    {
        _pending?.Cancel();
        _pending = new CancellationTokenSource();
        var token = _pending.Token;
        Validating = true;
        _ = Task.Delay(Delay, token).ContinueWith(t =>
        {
            if (t.IsCanceled) return;
            _ = dispatch(async () =>
            {
                if (token.IsCancellationRequested) return;
                Validating = false;
                await done(compiler.Compile(draft()).Errors);
            });
        }, TaskScheduler.Default);
    }

    public void Dispose() => _pending?.Cancel();
}
