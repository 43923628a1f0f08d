using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Activities;

/// <summary>Registers this library's activities with the engine.</summary>
public static class ActivityLibrary
{
    public static ActivityRegistry AddProcessEngineActivities(this ActivityRegistry registry) =>
        registry.AddFromAssemblyOf<Generic.HumanTask>();
}
