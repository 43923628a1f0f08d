using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Prompts;

/// <summary>What a signed-in inbox hears: that a task changed, never what is in it. The client refetches what it may see.</summary>
public sealed record TaskPush(Guid TaskId, string? CasusCode, string Kind)
{
    public const string Created = "created";
    public const string Assigned = "assigned";
    public const string Completed = "completed";

    /// <summary>Changes may have been missed (a node lost its database listener a while): refetch everything shown. No task id.</summary>
    public const string Resync = "resync";
}

/// <summary>The calls the server makes on a connected inbox.</summary>
public interface ITaskClient
{
    Task TaskChanged(TaskPush push);
}

/// <summary>
/// Live inbox updates at /hubs/tasks. On connecting, a signed-in person joins one SignalR group for
/// themselves and one per role and team, so a push reaches exactly those who see the task in their inbox.
/// Clients only listen: the hub has no methods to call.
/// </summary>
[Authorize]
public sealed class TaskHub : Hub<ITaskClient>
{
    public const string Path = "/hubs/tasks";

    public static string ForUser(string userName) => "user:" + userName;
    public static string ForGroup(string group) => "group:" + group;

    public override async Task OnConnectedAsync()
    {
        var user = CurrentUser.From(Context.User ?? throw new InvalidOperationException("The hub requires a signed-in user."), null);
        await Groups.AddToGroupAsync(Context.ConnectionId, ForUser(user.UserName));
        foreach (var group in user.Groups) await Groups.AddToGroupAsync(Context.ConnectionId, ForGroup(group));
        await base.OnConnectedAsync();
    }
}
