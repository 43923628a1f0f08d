using System.Text.Json;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// Something a flow declares worth counting ("route netwerkberaad chosen"), recorded in the same
/// transaction as the step that established it. Facts carry a name, a moment and a few categorical
/// dimensions, never content; the link to the instance can be cut (retention) and the count stays.
/// </summary>
public sealed class Fact
{
    private Fact() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    /// <summary>The instance that recorded it, until retention anonymises the fact.</summary>
    public Guid? InstanceId { get; private set; }
    public string DimensionsJson { get; private set; } = "{}";

    public IReadOnlyDictionary<string, string> Dimensions =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(DimensionsJson, VariableValues.JsonOptions) ?? [];

    internal void Anonymise() => InstanceId = null;

    internal Fact CopyFor(Persistence.Copying.GraphCopy c)
    {
        var copy = (Fact)MemberwiseClone();
        copy.Id = c.Id(Id);
        copy.InstanceId = c.Id(InstanceId);
        copy.OccurredAt = c.At(OccurredAt);
        return copy;
    }

    internal static Fact Create(string name, Guid instanceId, IReadOnlyDictionary<string, string> dimensions, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name,
        OccurredAt = now,
        InstanceId = instanceId,
        DimensionsJson = dimensions.Count == 0 ? "{}" : JsonSerializer.Serialize(dimensions, VariableValues.JsonOptions),
    };
}

/// <summary>How many facts of one name (and, optionally, one dimension value) fell in a period.</summary>
public sealed record FactCount(string Name, string? DimensionValue, int Count);
