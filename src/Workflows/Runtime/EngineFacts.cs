namespace ProcessEngine.Workflows.Runtime;

/// <summary>The facts the engine records itself, beside those a flow records with its own activities.</summary>
public static class EngineFacts
{
    /// <summary>A task was slowed on purpose (bewust vertragen); no dimensions, the reason stays with the task.</summary>
    public const string TaskSlowed = "taak-vertraagd";

    /// <summary>Counted with the slowing itself, so the figures show how often people take time on purpose; never the reason.</summary>
    internal static Fact Slowed(UserTask task, DateTimeOffset now) => Fact.Create(TaskSlowed, task.InstanceId, new Dictionary<string, string>(), now);
}
