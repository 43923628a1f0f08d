namespace ProcessEngine.HostStore.Inbox;

/// <summary>
/// An inbox view someone saved under a name of their own: the filters (status, route, due window, casus code, team) as JSON the
/// host checked (only values chosen from lists, a casus code and a team: never free text), and the sort. One name per person.
/// </summary>
public sealed class SavedInboxView
{
    public const int MaxName = 60;
    public const int MaxFilter = 1000;

    public Guid Id { get; set; }
    public string Owner { get; set; } = "";
    public string Name { get; set; } = "";
    public string FilterJson { get; set; } = "{}";
    public string Sort { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
}
