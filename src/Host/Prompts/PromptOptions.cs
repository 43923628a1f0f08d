using MailKit.Security;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Host.Prompts;

/// <summary>Task prompts (configuration section "Prompts"): where e-mail goes, when reminders and escalations are due.</summary>
public sealed class PromptOptions
{
    public const string Section = "Prompts";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The start of every link in an e-mail: <c>{BaseUrl}/taken/{taskId}</c>.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>A reminder goes out once the due moment is this close (a flow duration: "1 werkdag", "PT4H"); empty: no reminders.</summary>
    public string ReminderBefore { get; set; } = "1 werkdag";

    /// <summary>
    /// An open task this long past its due moment is named to the duo partner or the holder's team colleagues ("nog open");
    /// empty: no escalations at all.
    /// </summary>
    public string EscalateAfter { get; set; } = "1 werkdag";

    /// <summary>An open task this long past its due moment is named to <see cref="EscalationGroup"/>, the last step; empty: never to the chair.</summary>
    public string EscalateToChairAfter { get; set; } = "3 werkdagen";

    /// <summary>The role or team whose members hear of tasks still open after the colleagues did (the last step).</summary>
    public string EscalationGroup { get; set; } = Roles.RvtChair;

    /// <summary>The wait after a first failed send; it doubles with every further failure up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryInitial { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a sent e-mail stays in the outbox (for support questions) before the dispatcher deletes it. Unsent rows are never deleted.</summary>
    public TimeSpan KeepSent { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How far before its last position the creation sweep looks again, for execution passes that committed late.</summary>
    public TimeSpan SweepLookback { get; set; } = TimeSpan.FromMinutes(10);

    public string SweepCron { get; set; } = "* * * * *";
    public string DueCron { get; set; } = "*/5 * * * *";
    public string DispatchCron { get; set; } = "* * * * *";

    public FlowDuration? Reminder => Duration(ReminderBefore);
    public FlowDuration? Escalation => Duration(EscalateAfter);
    public FlowDuration? EscalationToChair => Duration(EscalateToChairAfter);

    /// <summary>Every problem with the settings, named by key, so that a wrong value stops the start-up instead of every prompt.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (key, text) in new[] { ("ReminderBefore", ReminderBefore), ("EscalateAfter", EscalateAfter), ("EscalateToChairAfter", EscalateToChairAfter) })
            if (!string.IsNullOrWhiteSpace(text) && !FlowDuration.TryParse(text, out _, out var error))
                yield return $"{Section}:{key}: {error}";
        if (Parsed(EscalateAfter) is { } first && Parsed(EscalateToChairAfter) is { } last && !ChairComesLast(first, last))
            yield return $"{Section}:EscalateToChairAfter ('{EscalateToChairAfter}') must be longer than {Section}:EscalateAfter ('{EscalateAfter}'): "
                + "the chair hears as the last step, after the duo partner or colleagues.";
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _)) yield return $"{Section}:BaseUrl '{BaseUrl}' is not an absolute URL such as https://processengine.example.org.";
        if (RetryInitial <= TimeSpan.Zero || RetryMax < RetryInitial)
            yield return $"{Section}:RetryInitial must be positive and {Section}:RetryMax at least as long.";
        if (KeepSent < TimeSpan.Zero) yield return $"{Section}:KeepSent cannot be negative.";
        if (string.IsNullOrWhiteSpace(EscalationGroup)) yield return $"{Section}:EscalationGroup needs a role or team.";
        if (!MimeKit.MailboxAddress.TryParse(Smtp.From, out _)) yield return $"{Section}:Smtp:From '{Smtp.From}' is not an e-mail address.";
    }

    private static FlowDuration? Parsed(string text) =>
        !string.IsNullOrWhiteSpace(text) && FlowDuration.TryParse(text, out var duration, out _) ? duration : null;

    /// <summary>Compared from a few moments in a year (working days and holidays make a duration's length depend on where it starts).</summary>
    private static bool ChairComesLast(FlowDuration first, FlowDuration last)
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, 12).Select(month => start.AddMonths(month)).All(at => last.AddTo(at) > first.AddTo(at));
    }

    private static FlowDuration? Duration(string text) => string.IsNullOrWhiteSpace(text) ? null : FlowDuration.Parse(text);
}

/// <summary>The SMTP server prompts are sent through. Without a host, prompts are queued in the outbox but not sent.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    /// <summary>
    /// MailKit's choice of TLS: StartTls (default: TLS required, so a server or a man in the middle that leaves STARTTLS out
    /// gets no prompt in clear text), SslOnConnect, StartTlsWhenAvailable, Auto, or None (only for a relay on the same machine).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "ProcessEngine <no-reply@localhost>";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
