using ProcessEngine.HostStore.Inbox;

namespace ProcessEngine.Host.Features.Inbox;

/// <summary>How an inbox list is ordered. Due is the engine's order: overdue first, then the earliest due moment.</summary>
public enum InboxSort { Due, FollowUp, Priority }

/// <summary>What the inbox filters on besides the casus code (which the query itself narrows).</summary>
public enum InboxStatus { All, Overdue, Open, Slowed, Paused }

/// <summary>A window on the due moment, or on the holder's own follow-up date.</summary>
public enum InboxDue { Any, Today, ThisWeek, FollowUpReached }

/// <summary>One ordering for the API and the inbox page, so a saved view sorts the same in both.</summary>
public static class InboxOrder
{
    /// <summary>
    /// Orders rows that arrive in the engine's order (<see cref="InboxSort.Due"/>). By follow-up: the rows with a follow-up date
    /// first, earliest first, then the rest; by priority: high, normal, low. Ties keep the engine's order (the sort is stable).
    /// </summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> rows, InboxSort sort, Func<T, DateOnly?> followUpOn, Func<T, TaskPriority> priority) =>
        sort switch
        {
            InboxSort.FollowUp => [.. rows.OrderBy(r => followUpOn(r) is null).ThenBy(r => followUpOn(r) ?? DateOnly.MaxValue)],
            InboxSort.Priority => [.. rows.OrderBy(priority)],
            _ => [.. rows],
        };

    public static string Dutch(InboxSort sort) => sort switch
    {
        InboxSort.FollowUp => "Opvolgdatum",
        InboxSort.Priority => "Prioriteit",
        _ => "Termijn (te laat eerst)",
    };

    public static string Dutch(InboxDue due) => due switch
    {
        InboxDue.Today => "Uiterlijk vandaag",
        InboxDue.ThisWeek => "Binnen 7 dagen",
        InboxDue.FollowUpReached => "Opvolgdatum bereikt",
        _ => "Elke termijn",
    };

    public static string Dutch(TaskPriority priority) => priority switch
    {
        TaskPriority.High => "Hoog",
        TaskPriority.Low => "Laag",
        _ => "Normaal",
    };
}
