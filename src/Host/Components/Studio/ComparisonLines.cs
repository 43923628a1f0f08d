using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Host.Components.Studio;

/// <summary>One line of a version comparison in Dutch, with the details under it (the inputs of a changed activity).</summary>
public sealed record ComparisonLine(string Kind, string Text, IReadOnlyList<string> Details);

/// <summary>
/// Turns a <see cref="FlowComparison"/> into the Dutch lines the studio shows. Kept apart from the component so the
/// wording is decided in one place and the component only lays it out.
/// </summary>
public static class ComparisonLines
{
    public const string Added = "Toegevoegd";
    public const string Removed = "Verwijderd";
    public const string Changed = "Gewijzigd";

    public static IReadOnlyList<ComparisonLine> From(FlowComparison comparison)
    {
        var lines = new List<ComparisonLine>();
        lines.AddRange(comparison.AddedActivities.Select(a => new ComparisonLine(Added, $"activiteit {Label(a.Id, a.DisplayName)} ({a.Type})", [])));
        lines.AddRange(comparison.AddedConnections.Select(c => new ComparisonLine(Added, $"verbinding {Connection(c)}", [])));
        lines.AddRange(comparison.RemovedActivities.Select(a => new ComparisonLine(Removed, $"activiteit {Label(a.Id, a.DisplayName)} ({a.Type})", [])));
        lines.AddRange(comparison.RemovedConnections.Select(c => new ComparisonLine(Removed, $"verbinding {Connection(c)}", [])));
        lines.AddRange(comparison.ChangedActivities.Select(a => new ComparisonLine(Changed, $"activiteit {Label(a.Id, a.DisplayName)}", Details(a))));
        return lines;
    }

    private static string Label(string id, string? displayName) => displayName is { Length: > 0 } name ? $"{name} ({id})" : id;

    private static string Connection(FlowConnection c) => $"{c.Source} –{c.Outcome}→ {c.Target}";

    private static List<string> Details(ActivityChange change)
    {
        var details = new List<string>();
        if (change.Type is { } type) details.Add($"type: {type.Old} → {type.New}");
        if (change.DisplayNameChange is { } name) details.Add($"naam: {Quoted(name.Old)} → {Quoted(name.New)}");
        foreach (var input in change.Inputs)
        {
            details.Add((input.Old, input.New) switch
            {
                (null, var added) => $"invoer '{input.Name}' toegevoegd: {added}",
                (var removed, null) => $"invoer '{input.Name}' verwijderd (was {removed})",
                var (old, @new) => $"invoer '{input.Name}': {old} → {@new}",
            });
        }
        return details;
    }

    private static string Quoted(string? text) => text is null ? "(geen)" : $"\"{text}\"";
}
