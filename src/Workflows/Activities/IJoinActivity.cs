namespace ProcessEngine.Workflows.Activities;

/// <summary>
/// Marks an activity where parallel branches meet. The flowchart counts the tokens that arrive over its
/// incoming connections and runs it once all have arrived (or on the first, when <see cref="WaitAll"/> is false).
/// </summary>
public interface IJoinActivity
{
    bool WaitAll { get; }
}

/// <summary>Marks an activity that may suspend the flow; a cycle needs one of these or it would spin forever.</summary>
public interface IBlockingActivity;
