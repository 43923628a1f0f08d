using MudBlazor;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Components.Layout;

/// <summary>A link in the navigation, shown to whoever passes its policy (the same policy guards the page itself).</summary>
public sealed record NavItem(string Title, string Href, string Icon, string Policy, bool ForceLoad = false);

/// <summary>A heading with its links; shown when at least one of its links is.</summary>
public sealed record NavGroup(string Title, IReadOnlyList<NavItem> Items);

/// <summary>
/// Everything the navigation can show. A new page (studio, inbox, dashboard) adds its link here with the
/// policy of its [Authorize] attribute; a test checks the two agree, so the menu offers exactly what the
/// pages and the API allow.
/// </summary>
public static class NavTree
{
    public static IReadOnlyList<NavGroup> Groups { get; } =
    [
        new("Werk",
        [
            new("Inbox", "/inbox", Icons.Material.Filled.Inbox, Policies.CasusWork),
            new("Aanmelden", "/aanmelding", Icons.Material.Filled.PersonAddAlt1, Policies.Aanmelden),
            new("RVT-tafel", "/rvt", Icons.Material.Filled.Groups, Policies.RvtTafel),
            new("Waarneming", "/waarneming", Icons.Material.Filled.SwitchAccount, Policies.CasusWork),
        ]),
        new("Studio",
        [
            new("Flows", "/studio/flows", Icons.Material.Filled.AccountTree, Policies.ManageFlows),
        ]),
        new("Overzicht",
        [
            new("Dashboard", "/dashboard", Icons.Material.Filled.Dashboard, Policies.Reports),
            new("Halfjaarcijfers", "/rapportages/halfjaarcijfers", Icons.Material.Filled.TableChart, Policies.Reports),
            new("Incidenten", "/incidenten", Icons.Material.Filled.ReportProblem, Policies.OperateInstances),
            new("Waar trajecten wachten", "/wachten", Icons.Material.Filled.HourglassBottom, Policies.OperateInstances),
        ]),
        new("Beheer",
        [
            new("Auditlog", "/beheer/auditlog", Icons.Material.Filled.ManageSearch, Policies.Admin),
            // Hangfire's own dashboard is not a Blazor page: a full page load, guarded by the same admin rule.
            new("Achtergrondtaken (Hangfire)", "/hangfire", Icons.Material.Filled.Schedule, Policies.Admin, ForceLoad: true),
        ]),
    ];
}
