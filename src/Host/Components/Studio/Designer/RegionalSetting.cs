using System.Globalization;
using System.Text.Json;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// A flow variable whose description starts with "Regionale instelling": a number or term the law does not set
/// (how often a maatregel is evaluated, how early a question comes), which a region may choose. The studio lists
/// them apart and lets the coordinator change their defaults; a new value keeps the kind of the old one.
/// </summary>
public static class RegionalSetting
{
    public const string Prefix = "Regionale instelling";

    public static bool Is(VariableModel variable) =>
        variable.Name is { Length: > 0 } && variable.Description?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>What the setting is for: its description after the label "Regionale instelling (…):".</summary>
    public static string Explanation(VariableModel variable)
    {
        var rest = variable.Description is { } d && d.StartsWith(Prefix, StringComparison.Ordinal) ? d[Prefix.Length..] : variable.Description ?? "";
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        return (colon >= 0 ? rest[(colon + 2)..] : rest).Trim();
    }

    /// <summary>The default as the coordinator types it: a term ("P10W") or a number ("3").</summary>
    public static string Text(VariableModel variable) => variable.Default is { } value
        ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText()
        : "";

    /// <summary>The typed text as the variable's new default, or a Dutch message why it cannot be.</summary>
    public static (JsonElement? Value, string? Error) Parse(VariableModel variable, string? text)
    {
        var typed = (text ?? "").Trim();
        if (variable.Default is { ValueKind: JsonValueKind.Number })
            return int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
                ? (JsonSerializer.SerializeToElement(number), null)
                : (null, "Geef een heel getal van 1 of meer.");
        if (variable.Default is { ValueKind: JsonValueKind.String } current && FlowDuration.TryParse(current.GetString() ?? "", out _, out _))
            return FlowDuration.TryParse(typed, out var duration, out _)
                ? (JsonSerializer.SerializeToElement(duration.ToString()), null)
                : (null, "Geef een termijn, bijvoorbeeld P2W (twee weken), P3M (drie maanden) of 10 werkdagen.");
        return typed.Length == 0 ? (null, "Geef een waarde.") : (JsonSerializer.SerializeToElement(typed), null);
    }
}
