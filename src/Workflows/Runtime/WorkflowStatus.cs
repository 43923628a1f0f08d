namespace ProcessEngine.Workflows.Runtime;

public enum WorkflowStatus { Running, Suspended, Finished, Cancelled, Faulted }

/// <summary>OnHold: the traject is paused (Stopknop); the task cannot be completed until the hold is released.</summary>
public enum UserTaskStatus { Open, OnHold, Completed, Cancelled }

public enum JournalEvent { Completed, Suspended, Faulted, Cancelled, Retried, Held, Released, Migrated, Repaired }
