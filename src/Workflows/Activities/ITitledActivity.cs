namespace ProcessEngine.Workflows.Activities;

/// <summary>
/// An activity that gives its task a title, which may be computed from the instance's variables. Where that is so, a
/// screen about many instances (the migration preview) shows that the title is computed instead of the title itself,
/// as it may carry casus content.
/// </summary>
public interface ITitledActivity
{
    bool TitleIsComputed { get; }
}
