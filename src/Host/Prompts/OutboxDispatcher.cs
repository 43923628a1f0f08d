using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Mail;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// Sends the outbox. Each due row is first claimed with a version-checked update that also pushes its next
/// attempt a lease ahead, so two nodes (or two Hangfire workers) never send the same row, and a node that
/// dies mid-send leaves it to be retried after the lease. No transaction is open while SMTP talks; the
/// outcome is written afterwards: sent, or one more attempt with the error and an exponential backoff.
/// Nothing is ever dropped: a row waits, however long the SMTP server is away.
/// </summary>
public sealed class OutboxDispatcher(IDbContextFactory<HostDbContext> contexts, SmtpMailer mailer, IOptions<PromptOptions> options,
    DispatchTrigger trigger, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const string JobId = "processengine-prompts-dispatch";
    /// <summary>Longer than a send can take (connect, authenticate, send, each within the SMTP timeout).</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int PageSize = 50;
    private const int MaxPages = 20;
    private const int WarnFromAttempt = 3;

    /// <summary>Sends every due row (up to a thousand per run; the next run continues), then forgets old sent rows; returns how many went.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        trigger.Starting();
        await CountBacklogAsync(ct);
        // Without a server the rows wait; the start-up log said so once.
        if (!mailer.IsConfigured) return 0;
        var sent = 0;
        await using var connection = new SmtpRunConnection(mailer);
        for (var page = 0; page < MaxPages; page++)
        {
            var due = await DueAsync(ct);
            foreach (var row in due)
            {
                if (!await ClaimAsync(row, ct)) continue;
                try
                {
                    await (await connection.OpenAsync(ct)).SendAsync(row, ct);
                    await MarkSentAsync(row);
                    HostStore.Diagnostics.HostMetrics.PromptSent();
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    HostStore.Diagnostics.HostMetrics.PromptFailed();
                    await RecordFailureAsync(row, ex);
                }
            }
            if (due.Count < PageSize) break;
        }
        await ForgetSentAsync(ct);
        return sent;
    }

    /// <summary>The rows still to send, for the backlog gauge an operator watches (a mail server down shows as growth).</summary>
    private async Task CountBacklogAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        HostStore.Diagnostics.HostMetrics.OutboxBacklog(await db.Outbox.LongCountAsync(o => o.SentAt == null, ct));
    }

    /// <summary>Sent rows are kept a while for support questions, then deleted so the table does not grow for ever.</summary>
    private async Task ForgetSentAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - options.Value.KeepSent;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Outbox.Where(o => o.SentAt != null && o.SentAt < before).ExecuteDeleteAsync(ct);
    }

    private async Task<List<OutboxMessage>> DueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking().Where(o => o.SentAt == null && o.NextAttemptAt <= now)
            .OrderBy(o => o.NextAttemptAt).ThenBy(o => o.Id).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>Takes the row for this run; false when another run took it first.</summary>
    private async Task<bool> ClaimAsync(OutboxMessage row, CancellationToken ct)
    {
        var leaseEnd = clock.GetUtcNow() + Lease;
        var claimed = await UpdateAsync(row, s => s.SetProperty(o => o.NextAttemptAt, leaseEnd), ct);
        if (claimed) row.Version++;
        return claimed;
    }

    private async Task MarkSentAsync(OutboxMessage row)
    {
        var now = clock.GetUtcNow();
        // The message has gone: record it even if the run is being cancelled (as with a failure below).
        if (!await UpdateAsync(row, s => s.SetProperty(o => o.SentAt, now).SetProperty(o => o.LastError, (string?)null), CancellationToken.None))
            logger.LogWarning("E-mail {MessageId} was sent after its lease ran out; another run may send it again", row.Id);
    }

    private async Task RecordFailureAsync(OutboxMessage row, Exception error)
    {
        var attempts = row.Attempts + 1;
        var next = clock.GetUtcNow() + Backoff(attempts, options.Value);
        var message = $"{error.GetType().Name}: {error.Message}";
        if (message.Length > 500) message = message[..500];
        await UpdateAsync(row, s => s
            .SetProperty(o => o.Attempts, attempts)
            .SetProperty(o => o.LastError, message)
            .SetProperty(o => o.NextAttemptAt, next), CancellationToken.None);
        if (attempts >= WarnFromAttempt)
            logger.LogWarning("E-mail {MessageId} not sent after {Attempts} attempts, next at {Next:O}: {Error}", row.Id, attempts, next, message);
        else
            logger.LogInformation("E-mail {MessageId} not sent (attempt {Attempts}), next at {Next:O}: {Error}", row.Id, attempts, next, message);
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failure: the initial wait, doubled each time, at most the maximum.</summary>
    public static TimeSpan Backoff(int attempts, PromptOptions settings)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 40);
        var ticks = Math.Min(settings.RetryInitial.Ticks * Math.Pow(2, doublings), settings.RetryMax.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>A version-checked update of one row that also bumps its version; false when the row moved on.</summary>
    private async Task<bool> UpdateAsync(OutboxMessage row,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> set, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var version = row.Version;
        var changed = await db.Outbox.Where(o => o.Id == row.Id && o.Version == version && o.SentAt == null)
            .ExecuteUpdateAsync(s =>
            {
                set(s);
                s.SetProperty(o => o.Version, version + 1);
            }, ct);
        return changed == 1;
    }
}
