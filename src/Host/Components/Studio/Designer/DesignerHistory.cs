namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// The designer's undo and redo: every state of the flow file after an edit, whatever made it (the canvas, the property
/// panel, the flow panel, a rename). One history for all of them, so Ctrl+Z takes back the last edit, not the last edit
/// of one kind. Typing in one field is one step: edits with the same key shortly after each other replace the last state.
/// It also knows what was last saved, so "not saved" follows the flow itself: undoing every edit leaves nothing to save.
/// </summary>
public sealed class DesignerHistory
{
    /// <summary>Enough for an afternoon's session; a flow file is a few tens of kilobytes.</summary>
    public const int Limit = 100;

    // Longer than the fields' debounce (250 ms), short enough that a pause while typing starts a step of its own.
    private static readonly TimeSpan MergeWindow = TimeSpan.FromSeconds(1.5);

    private readonly List<string> _states;
    private readonly TimeProvider _time;
    private int _at;
    private string? _lastKey;
    private DateTimeOffset _lastAt;
    private string _saved;

    public DesignerHistory(string initial, TimeProvider? time = null)
    {
        _states = [initial];
        _saved = initial;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Counts undo and redo steps: the property panel is drawn anew after each (its fields' own state with it).</summary>
    public int Generation { get; private set; }

    /// <summary>Whether the state shown differs from the one last loaded or saved.</summary>
    public bool Unsaved => Current != _saved;

    public void MarkSaved(string state) => _saved = state;

    public bool CanUndo => _at > 0;
    public bool CanRedo => _at < _states.Count - 1;

    /// <summary>The state shown now.</summary>
    public string Current => _states[_at];

    /// <summary>
    /// Records the flow as it is after an edit. Nothing is recorded when it did not change. An edit with the same
    /// <paramref name="mergeKey"/> as the one before, within a moment, replaces that step (typing a title is one step).
    /// A new edit drops whatever could be redone.
    /// </summary>
    public void Record(string state, string? mergeKey = null)
    {
        if (state == _states[_at]) return;
        var now = _time.GetUtcNow();
        var merge = mergeKey is not null && mergeKey == _lastKey && now - _lastAt < MergeWindow && _at > 0;
        _states.RemoveRange(_at + 1, _states.Count - _at - 1);
        if (merge) _states[_at] = state;
        else
        {
            _states.Add(state);
            _at++;
        }
        if (_states.Count > Limit)
        {
            _states.RemoveAt(0);
            _at--;
        }
        (_lastKey, _lastAt) = (mergeKey, now);
    }

    /// <summary>The state before the current one, or null when there is none.</summary>
    public string? Undo() => Move(-1);

    /// <summary>The state after the current one (after an undo), or null when there is none.</summary>
    public string? Redo() => Move(+1);

    private string? Move(int step)
    {
        var to = _at + step;
        if (to < 0 || to >= _states.Count) return null;
        _at = to;
        Generation++;
        // After a jump nothing merges into the state shown: the next edit is a step of its own.
        _lastKey = null;
        return _states[_at];
    }
}
