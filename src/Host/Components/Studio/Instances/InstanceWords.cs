namespace ProcessEngine.Host.Components.Studio.Instances;

/// <summary>The engine's instance, journal and bookmark words in the studio's Dutch.</summary>
public static class InstanceWords
{
    public static string Status(string status) => status switch
    {
        "Running" => "loopt",
        "Suspended" => "wacht",
        "Finished" => "afgerond",
        "Cancelled" => "gestopt",
        "Faulted" => "fout",
        _ => status,
    };

    public static MudBlazor.Color StatusColor(string status) => status switch
    {
        "Running" or "Suspended" => MudBlazor.Color.Info,
        "Finished" => MudBlazor.Color.Success,
        "Faulted" => MudBlazor.Color.Error,
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
