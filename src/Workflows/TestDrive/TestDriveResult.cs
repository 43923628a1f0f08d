using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.TestDrive;

public enum TestDriveEventKind
{
    Start, TaskCreated, TaskCompleted, TaskCancelled, TimerSet, TimerFired, TimerCancelled, WaitingForSignal, SignalReceived,
    SignalSent, Decision, Paused, Resumed, Finished, Fault,
}

/// <summary>One line of a proefrit's timeline: what happened when, in which flow (a subflow is named), with its due moment.</summary>
public sealed record TestDriveEvent(DateTimeOffset At, TestDriveEventKind Kind, string FlowId, bool InSubflow, string ActivityId, string Title,
    DateTimeOffset? Due = null, string? Detail = null)
{
    /// <summary>The line as a scenario stores and compares it: every date in it is part of what a change may not alter unnoticed.</summary>
    public string Line
    {
        get
        {
            var where = InSubflow ? $"[{FlowId}] " : "";
            // An outcome follows an arrow ("afgerond → Verlengd"); who holds a task or which signal is awaited is an aside.
            var detail = Detail is null ? "" : Kind is TestDriveEventKind.TaskCreated or TestDriveEventKind.WaitingForSignal ? $" · {Detail}" : $" → {Detail}";
            var due = Due is { } d ? $" · {DuePhrase} {TestDriveMoment.Show(d)}" : "";
            return $"{TestDriveMoment.Show(At)} · {where}{KindText}: {Title}{detail}{due}";
        }
    }

    private string DuePhrase => Kind == TestDriveEventKind.TaskCreated ? "uiterlijk" : "loopt af op";

    public string KindText => Kind switch
    {
        TestDriveEventKind.Start => "Start",
        TestDriveEventKind.TaskCreated => "Taak klaargezet",
        TestDriveEventKind.TaskCompleted => "Taak afgerond",
        TestDriveEventKind.TaskCancelled => "Taak vervallen",
        TestDriveEventKind.TimerSet => "Timer gezet",
        TestDriveEventKind.TimerFired => "Timer afgegaan",
        TestDriveEventKind.TimerCancelled => "Timer vervallen",
        TestDriveEventKind.WaitingForSignal => "Wacht op signaal",
        TestDriveEventKind.SignalReceived => "Signaal ontvangen",
        TestDriveEventKind.SignalSent => "Signaal verstuurd",
        TestDriveEventKind.Decision => "Beslissing",
        TestDriveEventKind.Paused => "Gepauzeerd",
        TestDriveEventKind.Resumed => "Hervat",
        TestDriveEventKind.Finished => "Einde",
        TestDriveEventKind.Fault => "Fout",
        _ => Kind.ToString(),
    };
}

/// <summary>A task the proefrit waits on: what the coordinator chooses next.</summary>
public sealed record TestDriveTask(string FlowId, string ActivityId, string Title, string? Holder, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
    IReadOnlyList<string> Outcomes, IReadOnlyList<FormField> Form, bool OnHold);

/// <summary>A signal an instance of the proefrit waits for (a Stopknop review, a maatregel ending from outside).</summary>
public sealed record TestDriveSignal(string FlowId, string ActivityId, string Title, string Name);

/// <summary>Where a step could not be taken: the JSON path of the step in the scenario, and why.</summary>
public sealed record TestDriveProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Where a proefrit stands after its steps: the timeline so far, what waits, the clock, and the first step that failed.</summary>
public sealed record TestDriveResult(
    IReadOnlyList<TestDriveEvent> Events,
    IReadOnlyList<TestDriveTask> OpenTasks,
    IReadOnlyList<TestDriveSignal> WaitingSignals,
    DateTimeOffset? NextTimer,
    DateTimeOffset Now,
    WorkflowStatus? Status,
    TestDriveProblem? Problem)
{
    public IReadOnlyList<string> Lines => [.. Events.Select(e => e.Line)];
}
