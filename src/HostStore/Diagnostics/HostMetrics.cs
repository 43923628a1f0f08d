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
    private static long _openIncidents = -1;

    private static readonly Counter<long> AuditLines = Meter.CreateCounter<long>("processengine.audit.lines", "{line}",
        "Audit lines written, by outcome (counted when written; a line in a user action's transaction goes with its commit).");
    private static readonly Counter<long> PromptsSent = Meter.CreateCounter<long>("processengine.outbox.sent", "{message}", "E-mail prompts sent.");
    private static readonly Counter<long> PromptFailures = Meter.CreateCounter<long>("processengine.outbox.failures", "{attempt}",
        "Failed attempts to send an e-mail prompt (the row waits for its next attempt).");

    static HostMetrics()
    {
        Meter.CreateObservableGauge("processengine.outbox.backlog", () => Interlocked.Read(ref _outboxBacklog), "{message}",
            "E-mail prompts not yet sent, as counted at the dispatcher's last run.");
        // No measurement until the first count: a 0 before it would read as "no incidents" to an alert.
        Meter.CreateObservableGauge("processengine.incidents.open",
            () => Interlocked.Read(ref _openIncidents) is var open and >= 0 ? [new Measurement<long>(open)] : Array.Empty<Measurement<long>>(),
            "{incident}", "Incidents not yet resolved (faulted instances waiting for an operator), as counted at the last refresh.");
    }

    public static void AuditLineWritten(string outcome) => AuditLines.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void PromptSent() => PromptsSent.Add(1);

    public static void PromptFailed() => PromptFailures.Add(1);

    public static void OutboxBacklog(long count) => Interlocked.Exchange(ref _outboxBacklog, count);

    public static void OpenIncidents(long count) => Interlocked.Exchange(ref _openIncidents, count);
}
