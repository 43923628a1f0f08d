using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>What every shipped flow file promises beyond validation: a layout for the designer and no identifiers of family members.</summary>
public sealed partial class ShippedFlowFileTests
{
    public static TheoryData<string> FlowFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows-json"), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Select(f => Path.GetFileName(f)).Order()];

    private static JsonElement Read(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows-json", file))).RootElement;

    [Theory]
    [MemberData(nameof(FlowFiles))]
    public void Flow_PlacesEveryActivityOnItsOwnSpot_WhenShownInTheDesigner(string file)
    {
        var activities = Read(file).GetProperty("activities").EnumerateArray().ToList();

        var spots = activities.Select(a => a.TryGetProperty("position", out var p)
            ? (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())
            : throw new Xunit.Sdk.XunitException($"{file}: activity '{a.GetProperty("id")}' has no position")).ToList();

        Assert.Equal(spots.Count, spots.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(FlowFiles))]
    public void Flow_AsksNoNameBsnAddressOrBirthDate_InAnyForm(string file)
    {
        var fields = Read(file).GetProperty("activities").EnumerateArray()
            .Where(a => a.TryGetProperty("inputs", out var i) && i.TryGetProperty("form", out _))
            .SelectMany(a => a.GetProperty("inputs").GetProperty("form").EnumerateArray())
            .Select(f => (Name: f.GetProperty("name").GetString()!, Label: f.TryGetProperty("label", out var l) ? l.GetString()! : ""))
            .ToList();

        Assert.All(fields, f => Assert.False(Identifier().IsMatch(f.Name) || IdentifierLabel().IsMatch(f.Label),
            $"{file}: form field '{f.Name}' ({f.Label}) asks for an identifier of a family member"));
    }

    [GeneratedRegex("naam|bsn|adres|geboorte|telefoon|email", RegexOptions.IgnoreCase)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<!geen )\bnaam\b|bsn|burgerservice|adres|geboortedatum|telefoon", RegexOptions.IgnoreCase)]
    private static partial Regex IdentifierLabel();
}
