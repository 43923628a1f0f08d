using System.Text.Json;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>The flowchart's own bookkeeping for an instance, stored as JSON beside the variables.</summary>
internal sealed class InstanceState
{
    /// <summary>Per join activity: how many tokens have arrived since it last ran.</summary>
    public Dictionary<string, int> JoinTokens { get; set; } = [];
    /// <summary>After a fault: the faulted activity first, then what else was scheduled.</summary>
    public List<string> Pending { get; set; } = [];
    /// <summary>During a hold: the subflow bookmarks left running on purpose (the duo's contact during a Stopknop).</summary>
    public List<Guid> KeptRunning { get; set; } = [];

    public static InstanceState Deserialize(string json) =>
        json is "{}" or "" ? new() : JsonSerializer.Deserialize<InstanceState>(json, VariableValues.JsonOptions) ?? new();

    public string Serialize() =>
        JoinTokens.Count == 0 && Pending.Count == 0 && KeptRunning.Count == 0 ? "{}" : JsonSerializer.Serialize(this, VariableValues.JsonOptions);
}
