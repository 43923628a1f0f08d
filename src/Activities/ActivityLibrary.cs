using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Activities;

/// <summary>Registers this library's generic activities (tasks, timers, decisions, forks, subflows, signals, facts) with the engine.</summary>
public static class ActivityLibrary
{
    public static ActivityRegistry AddGenericActivities(this ActivityRegistry registry) =>
        registry.AddFromAssemblyOf<Generic.HumanTask>();
}
