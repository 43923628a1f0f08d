using System.Text.Json;

namespace ProcessEngine.Browser.Tests;

/// <summary>A shipped flow file as the host loaded it (the host's build copies workflows-json/ beside the tests).</summary>
public sealed record ShippedFlow(string Id, IReadOnlyList<string> ActivityIds, int ConnectionCount)
{
    public static ShippedFlow Read(string id)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows-json", $"{id}.json")));
        var root = file.RootElement;
        return new ShippedFlow(id,
            [.. root.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)],
            root.GetProperty("connections").GetArrayLength());
    }
}
