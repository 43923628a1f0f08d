namespace ProcessEngine.Workflows.Runtime;

/// <summary>Checks a task completion against what the task asked for, before anything is changed.</summary>
internal static class TaskInputCheck
{
    public static string? Find(UserTask task, string outcome, IReadOnlyDictionary<string, object?> data)
    {
        var outcomes = task.Outcomes;
        if (!outcomes.Contains(outcome))
            return $"'{outcome}' is not an outcome of task '{task.Title}'; choose one of: {string.Join(", ", outcomes)}";
        var missing = task.Form
            .Where(f => f.Required && (!data.TryGetValue(f.Name, out var v) || v is null || v is string { Length: 0 }))
            .Select(f => f.Name)
            .ToList();
        return missing.Count == 0 ? null : $"required field(s) missing: {string.Join(", ", missing)}";
    }
}
