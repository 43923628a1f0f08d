using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Host.Components.Studio.Designer;

namespace ProcessEngine.Host.Tests.Ui.Studio;

/// <summary>The designer's one undo history: every kind of edit a step, typing in one field one step, a new edit ending redo.</summary>
public sealed class DesignerHistoryTests
{
    [Fact]
    public void Edits_are_steps_back_and_forth_and_a_new_edit_drops_what_could_be_redone()
    {
        var history = new DesignerHistory("v0");
        Assert.False(history.CanUndo);
        history.Record("v1");            // a move on the canvas
        history.Record("v2", "input:a/title");
        history.Record("v2");            // the same file again (a report of a change already taken in) is no step

        Assert.Equal("v1", history.Undo());
        Assert.Equal("v0", history.Undo());
        Assert.Null(history.Undo());
        Assert.Equal("v1", history.Redo());
        history.Record("v3", "name:a");

        Assert.False(history.CanRedo);
        Assert.Equal("v1", history.Undo());
        Assert.Equal("v0", history.Undo());
    }

    [Fact]
    public void Typing_in_one_field_is_one_step_a_pause_or_another_field_starts_the_next()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var history = new DesignerHistory("leeg", time);
        history.Record("B", "input:a/title");
        time.Advance(TimeSpan.FromMilliseconds(300));
        history.Record("Be", "input:a/title");
        time.Advance(TimeSpan.FromMilliseconds(300));
        history.Record("Beo", "input:a/title");
        time.Advance(TimeSpan.FromMilliseconds(300));
        history.Record("Beo + groep", "input:a/candidateGroup");
        time.Advance(TimeSpan.FromSeconds(5));
        history.Record("Beo + groep + later", "input:a/candidateGroup");

        Assert.Equal("Beo + groep", history.Undo());
        Assert.Equal("Beo", history.Undo());
        Assert.Equal("leeg", history.Undo());
    }

    [Fact]
    public void The_history_keeps_the_last_hundred_steps()
    {
        var history = new DesignerHistory("0");
        for (var i = 1; i <= DesignerHistory.Limit + 20; i++) history.Record(i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var steps = 0;
        while (history.Undo() is not null) steps++;

        Assert.Equal(DesignerHistory.Limit - 1, steps);
        Assert.Equal("21", history.Current);
    }
}
