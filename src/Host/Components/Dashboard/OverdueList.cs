using ProcessEngine.Workflows.Monitoring;

namespace ProcessEngine.Host.Components.Dashboard;

/// <summary>
/// The address of one drill-down of "Te laat": the filter lives in the query, so a line of the summary is a
/// plain link that can be bookmarked and opened in a new tab.
/// </summary>
public static class OverdueList
{
    public const string Path = "/dashboard/te-laat";
    public const int PageSize = 25;

    /// <summary>The drill-down of one summary line (a line without team means tasks for no group).</summary>
    public static string Href(OverdueSummaryLineKey line) => Href(new TaskFilter(line.Team, line.RouteId, line.StepId, NoGroup: line.Team is null));

    public static string Href(TaskFilter filter, int page = 1)
    {
        var query = new List<string>();
        if (filter.NoGroup) query.Add("zonderteam=ja");
        else if (filter.CandidateGroup is { } team) query.Add("team=" + Uri.EscapeDataString(team));
        if (filter.DefinitionId is { } route) query.Add("route=" + Uri.EscapeDataString(route));
        if (filter.ActivityId is { } step) query.Add("stap=" + Uri.EscapeDataString(step));
        if (page > 1) query.Add($"pagina={page}");
        return query.Count == 0 ? Path : $"{Path}?{string.Join('&', query)}";
    }

    /// <summary>The filter an address asks for; what it leaves out is not filtered on.</summary>
    public static TaskFilter Filter(string? team, string? withoutTeam, string? route, string? step) =>
        withoutTeam == "ja" ? new(null, Blank(route), Blank(step), NoGroup: true) : new(Blank(team), Blank(route), Blank(step));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>What identifies a line of the overdue summary.</summary>
public sealed record OverdueSummaryLineKey(string? Team, string RouteId, string StepId);
