namespace ProcessEngine.Host.Components.Work;

/// <summary>The shipped flows as professionals name them: the route (or part of the traject) a task belongs to.</summary>
public static class RouteNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["rvt-traject"] = "Traject",
        ["rvt-aanmelding"] = "Aanmelding en advies",
        ["rvt-netwerkberaad"] = "Netwerkberaad",
        ["rvt-interventiegesprek-rvdk"] = "Interventiegesprek RvdK",
        ["rvt-begeleiding-in-duo"] = "Begeleiding in duo",
        ["rvt-maatregel"] = "Maatregel",
    };

    /// <summary>The Dutch name of a flow; a flow a coordinator added later shows its id.</summary>
    public static string Of(string definitionId) => Names.GetValueOrDefault(definitionId, definitionId);

    /// <summary>
    /// Whether <paramref name="route"/> is a route the inbox can show: a shipped flow's name, or the id of a flow added later
    /// (lower case, digits, hyphens). A saved view holds one of these, never free text.
    /// </summary>
    public static bool IsChoice(string route) =>
        Names.ContainsValue(route) || (route.Length <= 100 && route.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));

    /// <summary>The routes chosen at the advies (the traject's variable <c>route</c>), in words.</summary>
    public static string OfRoute(string? route) => route switch
    {
        null or "" => "nog niet gekozen",
        "advies-zonder-vervolgroute" => "Advies zonder vervolgroute",
        "interventiegesprek-rvdk" => "Interventiegesprek RvdK",
        "begeleiding-in-duo" => "Begeleiding in duo",
        "netwerkberaad" => "Netwerkberaad",
        "maatregel" => "Maatregel",
        _ => route,
    };
}
