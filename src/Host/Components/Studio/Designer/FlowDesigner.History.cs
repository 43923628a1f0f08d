using System.Text.Json;

namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// Undo and redo in the designer. The history holds the flow file after every edit (<see cref="DesignerHistory"/>): a move or
/// delete on the canvas, a property, a rename, the flow's name or variables. Stepping back draws that state on the canvas and in
/// the panel; "not saved" follows whether the flow differs from what was last saved, so undoing every edit leaves nothing to save.
/// </summary>
public partial class FlowDesigner
{
    private DesignerHistory _history = default!;
    // The flow file as last loaded or saved.
    private string _saved = "";
    private int _generation;

    private void StartHistory()
    {
        _history = new DesignerHistory(_draft.ToJson());
        _saved = _history.Current;
    }

    private void Record(string? step)
    {
        _history.Record(_draft.ToJson(), step);
        _dirty = _history.Current != _saved;
    }

    private void MarkSaved() => _saved = _draft.ToJson();

    private Task UndoAsync() => StepAsync(_history.Undo);

    private Task RedoAsync() => StepAsync(_history.Redo);

    private async Task StepAsync(Func<string?> step)
    {
        if (_canvas is null || !_started) return;
        // A move still inside the canvas's report delay is an edit of its own: taken in first, so this undo takes back that one.
        if (await _canvas.SnapshotAsync() is { } graph && _draft.Apply(graph)) Record(null);
        if (step() is not { } state) return;
        _draft = _draft.Restored(state);
        _generation++;
        using (var flow = JsonDocument.Parse(state))
            await _canvas.RestoreAsync(CanvasModel.From(flow.RootElement, Registry), _selection);
        _dirty = state != _saved;
        _refused = null;
        _problems = DesignerProblems.From(_errors, _draft);
        await _canvas.ShowProblemsAsync(_problems);
        ScheduleValidation();
    }
}
