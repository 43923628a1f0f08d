using Mediator;
using Microsoft.Extensions.Logging;

namespace ProcessEngine.Workflows.Notifications;

/// <summary>
/// Publishes a committed pass's notifications. The state they describe is already durable, so a handler
/// that throws cannot undo it: the failure is logged as an error with the notification, and the other
/// notifications still go out.
/// </summary>
public sealed class NotificationDispatcher(IPublisher publisher, ILogger<NotificationDispatcher> logger)
{
    public async Task PublishAsync(IReadOnlyList<INotification> notifications, CancellationToken ct)
    {
        foreach (var notification in notifications)
        {
            try
            {
                await publisher.Publish(notification, ct);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A handler of {Notification} failed after the engine committed: {Details}", notification.GetType().Name, notification);
            }
        }
    }
}
