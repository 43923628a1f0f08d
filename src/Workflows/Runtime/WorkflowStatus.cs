namespace ProcessEngine.Workflows.Runtime;

public enum WorkflowStatus { Running, Suspended, Finished, Cancelled, Faulted }

public enum UserTaskStatus { Open, Completed, Cancelled }

public enum JournalEvent { Completed, Suspended, Faulted, Cancelled, Retried }
