using System.Diagnostics.Metrics;

namespace ProcessEngine.HostStore.Diagnostics;

/// <summary>
/// What the host counts beside the engine (meter <see cref="MeterName"/>): audit lines written, e-mail prompts sent
/// and failed, and the outbox's backlog as last seen by the dispatcher. No tag carries a casus, a person or an
/// address: the counts are for operators, who may not read casus content.
/// </summary>
public static class HostMetrics
{
    public const string MeterName = "ProcessEngine.Host";

    private static readonly Meter Meter = new(MeterName);
    private static long _outboxBacklog;

    private static readonly Counter<long> AuditLines = Meter.CreateCounter<long>("processengine.audit.lines", "{line}",
        "Audit lines written, by outcome (counted when written; a line in a user action's transaction goes with its commit).");
    private static readonly Counter<long> PromptsSent = Meter.CreateCounter<long>("processengine.outbox.sent", "{message}", "E-mail prompts sent.");
    private static readonly Counter<long> PromptFailures = Meter.CreateCounter<long>("processengine.outbox.failures", "{attempt}",
        "Failed attempts to send an e-mail prompt (the row waits for its next attempt).");

    static HostMetrics() =>
        Meter.CreateObservableGauge("processengine.outbox.backlog", () => Interlocked.Read(ref _outboxBacklog), "{message}",
            "E-mail prompts not yet sent, as counted at the dispatcher's last run.");

    public static void AuditLineWritten(string outcome) => AuditLines.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void PromptSent() => PromptsSent.Add(1);

    public static void PromptFailed() => PromptFailures.Add(1);

    public static void OutboxBacklog(long count) => Interlocked.Exchange(ref _outboxBacklog, count);
}
