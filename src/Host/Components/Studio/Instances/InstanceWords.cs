using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Components.Studio.Instances;

/// <summary>The engine's instance, journal and bookmark words in the studio's Dutch.</summary>
public static class InstanceWords
{
    public static MudBlazor.Color StatusColor(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Running or WorkflowStatus.Suspended => MudBlazor.Color.Info,
        WorkflowStatus.Finished => MudBlazor.Color.Success,
        WorkflowStatus.Faulted => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string JournalEvent(string @event) => @event switch
    {
        "Completed" => "uitgevoerd",
        "Suspended" => "wacht",
        "Faulted" => "fout",
        "Cancelled" => "geannuleerd",
        "Retried" => "opnieuw geprobeerd",
        "Held" => "vastgehouden",
        "Released" => "vrijgegeven",
        "Migrated" => "verplaatst naar een nieuwe versie",
        "Repaired" => "hersteld door beheer",
        _ => @event,
    };

    public static string Waiting(string kind) => kind switch
    {
        "Task" => "taak",
        "Timer" => "timer",
        "Signal" => "signaal",
        "Subflow" => "subflow",
        _ => kind,
    };
}
