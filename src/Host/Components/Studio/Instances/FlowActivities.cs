using System.Text.Json;

namespace ProcessEngine.Host.Components.Studio.Instances;

/// <summary>The activities of a flow version as the instance filter offers them: id and, when the flow names it, its name.</summary>
public static class FlowActivities
{
    public static IReadOnlyList<(string Id, string Name)> Of(JsonElement flow)
    {
        if (flow.ValueKind != JsonValueKind.Object || !flow.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
            return [];
        return
        [
            .. activities.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                .Select(a => (Id: a.GetProperty("id").GetString()!, Name: a.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                    ? $"{name.GetString()} ({a.GetProperty("id").GetString()})" : a.GetProperty("id").GetString()!))
                .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase),
        ];
    }
}

/// <summary>The moment a Dutch calendar day starts, for filters given as days.</summary>
public static class DutchDay
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateTimeOffset? Start(DateOnly? day)
    {
        if (day is not { } d) return null;
        var local = d.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }
}
