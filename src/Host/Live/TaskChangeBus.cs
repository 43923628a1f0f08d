namespace ProcessEngine.Host.Live;

/// <summary>
/// Carries task changes from the node that committed them to the screens of every node: in-process on
/// SQLite (one node), through PostgreSQL's LISTEN/NOTIFY when several nodes share a PostgreSQL database.
/// </summary>
public interface ITaskChangeBus
{
    Task PublishAsync(TaskChangeMessage message, CancellationToken ct);
}

/// <summary>A node's receivers of task changes: the hub's pushes and the Blazor screens' events.</summary>
public interface ITaskChangeSubscriber
{
    Task DeliverAsync(TaskChangeMessage message, CancellationToken ct);
}

/// <summary>
/// Hands a change to each of this node's subscribers. A failing one is logged and the others still hear:
/// a push is a courtesy and the state it describes is already committed.
/// </summary>
public sealed class TaskChangeDelivery(IEnumerable<ITaskChangeSubscriber> subscribers, ILogger<TaskChangeDelivery> logger)
{
    private readonly ITaskChangeSubscriber[] _subscribers = [.. subscribers];

    public async Task DeliverAsync(TaskChangeMessage message, CancellationToken ct)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                await subscriber.DeliverAsync(message, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "{Subscriber} could not deliver the task change {Change}", subscriber.GetType().Name, message);
            }
        }
    }
}

/// <summary>One node (SQLite): the change goes straight to this node's screens, as before there was a bus.</summary>
public sealed class InProcessTaskChangeBus(TaskChangeDelivery delivery) : ITaskChangeBus
{
    public Task PublishAsync(TaskChangeMessage message, CancellationToken ct) => delivery.DeliverAsync(message, ct);
}
