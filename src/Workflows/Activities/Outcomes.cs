namespace ProcessEngine.Workflows.Activities;

/// <summary>Outcome names the engine itself relies on.</summary>
public static class Outcomes
{
    /// <summary>The outcome of an activity that declares none, and of a connection that names none.</summary>
    public const string Done = "Done";
}
