using ProcessEngine.HostStore.Migrating;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Components;

/// <summary>
/// Statuses travel as enums (API, requests, views); this is the one place where they become the Dutch words a
/// person reads. A status added to an enum without a word here shows its English name, which a test catches.
/// </summary>
public static class StatusLabels
{
    public static string Of(UserTaskStatus status) => status switch
    {
        UserTaskStatus.Open => "open",
        UserTaskStatus.OnHold => "gepauzeerd",
        UserTaskStatus.Completed => "afgerond",
        UserTaskStatus.Cancelled => "geannuleerd",
        _ => status.ToString(),
    };

    public static string Of(TrajectStatus status) => status switch
    {
        TrajectStatus.Running => "lopend",
        TrajectStatus.PausedByStopknop => "gepauzeerd door Stopknop",
        TrajectStatus.Closed => "afgesloten",
        _ => status.ToString(),
    };

    public static string Of(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Running => "loopt",
        WorkflowStatus.Suspended => "wacht",
        WorkflowStatus.Finished => "afgerond",
        WorkflowStatus.Cancelled => "gestopt",
        WorkflowStatus.Faulted => "fout",
        _ => status.ToString(),
    };

    public static string Of(MaatregelStatus status) => status switch
    {
        MaatregelStatus.Lopend => "lopend",
        MaatregelStatus.Verlengd => "verlengd",
        MaatregelStatus.Beeindigd => "beëindigd",
        MaatregelStatus.Afgelopen => "afgelopen zonder beslissing op het OTS-verzoek",
        _ => status.ToString(),
    };

    public static string Of(MachtigingStatus status) => status switch
    {
        MachtigingStatus.Lopend => "lopend",
        MachtigingStatus.Uitgevoerd => "uitgevoerd",
        MachtigingStatus.Vervallen => "vervallen (niet binnen drie maanden uitgevoerd)",
        MachtigingStatus.Afgelopen => "afgelopen",
        MachtigingStatus.Beeindigd => "beëindigd met de maatregel",
        _ => status.ToString(),
    };

    public static string Of(MigrationRunStatus status) => status switch
    {
        MigrationRunStatus.Running => "bezig",
        MigrationRunStatus.Paused => "gepauzeerd",
        MigrationRunStatus.Cancelled => "geannuleerd",
        MigrationRunStatus.Finished => "klaar",
        _ => status.ToString(),
    };

    public static string Of(MigrationItemOutcome outcome) => outcome switch
    {
        MigrationItemOutcome.Pending => "nog te doen",
        MigrationItemOutcome.Moved => "verplaatst",
        MigrationItemOutcome.Stale => "gewijzigd sinds de preview",
        MigrationItemOutcome.Blocked => "geblokkeerd",
        MigrationItemOutcome.NotFound => "niet gevonden",
        _ => outcome.ToString(),
    };
}
