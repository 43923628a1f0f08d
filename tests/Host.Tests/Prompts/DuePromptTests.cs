using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Prompts;

public sealed class DuePromptTests
{
    /// <summary>Monday 9 March 2026, 10:00 in Amsterdam: five working days after <see cref="PromptHost.Monday"/>.</summary>
    private static readonly DateTimeOffset NextMonday = PromptHost.Monday.AddDays(7);

    [Fact]
    public async Task Reminder_GoesToTheHolderOneWerkdagBeforeTheDueMoment_CountingOverTheWeekend()
    {
        await using var host = new PromptHost();
        var (code, task) = await host.PreparationTaskAsync();
        Assert.Equal(NextMonday, task.DueAt);

        host.Clock.SetUtcNow(NextMonday.AddDays(-3).AddMinutes(-1)); // Friday 09:59
        Assert.Equal(0, await host.ScanDueAsync());
        host.Clock.SetUtcNow(NextMonday.AddDays(-3)); // Friday 10:00: one working day before Monday 10:00
        Assert.Equal(1, await host.ScanDueAsync());
        Assert.Equal(0, await host.ScanDueAsync());
        Assert.Equal(1, await host.DispatchAsync());

        var reminder = Assert.Single(host.Smtp.Received);
        Assert.Equal(["prof1@example.org"], reminder.To);
        Assert.Equal($"Herinnering: taak bij casus {code}", reminder.Subject);
        Assert.Contains($"{PromptHost.BaseUrl}/taken/{task.Id}", reminder.Text);
        Assert.DoesNotContain(task.Title, reminder.Text);
    }

    [Fact]
    public async Task Escalation_GoesToTheChairsOneWerkdagAfterTheDueMoment_Once_WhenTheHolderHasNoColleagueOrDuoPartner()
    {
        await using var host = new PromptHost();
        var (code, task) = await host.PreparationTaskAsync();

        host.Clock.SetUtcNow(NextMonday.AddMinutes(1)); // overdue, but the reminder's moment has passed unsent: none now
        Assert.Equal(0, await host.ScanDueAsync());
        host.Clock.SetUtcNow(NextMonday.AddDays(1).AddMinutes(-1));
        Assert.Equal(0, await host.ScanDueAsync());
        host.Clock.SetUtcNow(NextMonday.AddDays(1)); // Tuesday 10:00
        Assert.Equal(1, await host.ScanDueAsync());
        host.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await host.ScanDueAsync());
        Assert.Equal(1, await host.DispatchAsync());

        var escalation = Assert.Single(host.Smtp.Received);
        Assert.Equal(["voorzitter@example.org"], escalation.To);
        Assert.Equal($"Nog open: taak bij casus {code}", escalation.Subject);
        Assert.Contains($"{PromptHost.BaseUrl}/taken/{task.Id}", escalation.Text);
        Assert.Equal($"escalation:{task.Id}@202603090900:voorzitter", Assert.Single(await host.OutboxAsync(), o => o.DedupKey.StartsWith("escalation")).DedupKey);
    }

    [Fact]
    public async Task Escalation_GoesToTheConfiguredGroup()
    {
        await using var host = new PromptHost(("Prompts:EscalationGroup", "Manager"), ("Prompts:EscalateAfter", "PT2H"));
        var (_, task) = await host.PreparationTaskAsync();

        host.Clock.SetUtcNow(NextMonday.AddHours(2));
        Assert.Equal(1, await host.ScanDueAsync());
        await host.DispatchAsync();

        Assert.Equal(["manager@example.org"], Assert.Single(host.Smtp.Received).To);
        Assert.Contains(task.Id.ToString(), Assert.Single(host.Smtp.Received).Text);
    }

    [Fact]
    public async Task Reminder_IsNotSent_ForATaskCreatedInsideItsReminderWindow()
    {
        await using var host = new PromptHost();
        var code = await host.RegisterIntakeAsync(Onveiligheid.Acuut);
        var spoed = Assert.Single(await host.Get<ProcessEngine.Workflows.Persistence.IWorkflowStore>()
            .FindOpenTasksAsync(new ProcessEngine.Workflows.Persistence.TaskQuery(CorrelationId: code)));
        await host.DispatchAsync();
        Assert.Equal(PromptHost.Monday.AddHours(4), spoed.DueAt);

        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.ScanDueAsync());
        host.Clock.SetUtcNow(PromptHost.Monday.AddDays(1).AddHours(4)); // one working day after the due moment
        Assert.Equal(1, await host.ScanDueAsync());
        await host.DispatchAsync();

        Assert.Equal(["Nieuwe taak bij casus " + code, "Nog open: taak bij casus " + code], host.Smtp.Received.Select(m => m.Subject));
    }
}
