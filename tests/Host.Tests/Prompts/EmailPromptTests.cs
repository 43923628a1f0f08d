using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Tests.Prompts;

public sealed class EmailPromptTests
{
    private const string Triage = "Triage nieuwe aanmelding";
    private const string Voorbereiden = "Bespreking aan de RVT-tafel voorbereiden";

    [Fact]
    public async Task TaskCreated_MailsEveryMemberOfTheGroup_WithTheCasusCodeAndALinkOnly()
    {
        await using var host = new PromptHost();
        _ = host.Services;
        await host.AddUserAsync("voorzitter2", "voorzitter2@example.org", [Roles.RvtChair]);
        await host.AddUserAsync("zonderadres", null, [Roles.RvtChair]);
        await host.AddUserAsync("teamlid", "teamlid@example.org", [Roles.Professional], teams: "Wijkteam, RvtChair");
        await host.AddUserAsync("anderteam", "anderteam@example.org", [Roles.Professional], teams: "RvtChairs");

        var code = await host.RegisterIntakeAsync();
        var triage = await host.OpenTaskAsync(code, Triage);
        var sent = await host.DispatchAsync();

        Assert.Equal(["task:" + triage.Id + ":teamlid", "task:" + triage.Id + ":voorzitter", "task:" + triage.Id + ":voorzitter2"],
            (await host.OutboxAsync()).Select(o => o.DedupKey));
        Assert.Equal(3, sent);
        Assert.Equal(["teamlid@example.org", "voorzitter2@example.org", "voorzitter@example.org"],
            host.Smtp.Received.SelectMany(m => m.To).Order(StringComparer.Ordinal));
        foreach (var mail in host.Smtp.Received)
        {
            Assert.Equal($"Nieuwe taak bij casus {code}", mail.Subject);
            Assert.Contains($"{PromptHost.BaseUrl}/taken/{triage.Id}", mail.Text);
            Assert.Contains("Voorzitter RVT", mail.Text);
            AssertNoCasusContent(mail, triage.Title);
        }
        Assert.All(await host.OutboxAsync(), o => Assert.NotNull(o.SentAt));
    }

    [Fact]
    public async Task TaskCreated_MailsOnlyTheAssignee_WhenTheTaskIsTheirs()
    {
        await using var host = new PromptHost();
        var code = await host.RegisterIntakeAsync();
        await host.DispatchAsync();
        var triage = await host.OpenTaskAsync(code, Triage);

        await host.Get<ProcessEngine.Workflows.Runtime.WorkflowRuntime>().CompleteTaskAsync(triage.Id, "Bespreking",
            new Dictionary<string, object?> { ["tafeldatum"] = "2026-03-12" }, "voorzitter");
        var voorbereiden = await host.OpenTaskAsync(code, Voorbereiden);
        await host.DispatchAsync();

        var mail = Assert.Single(host.Smtp.Received, m => m.Text.Contains(voorbereiden.Id.ToString()));
        Assert.Equal(["prof1@example.org"], mail.To);
        Assert.Equal($"Nieuwe taak bij casus {code}", mail.Subject);
        Assert.Contains($"{PromptHost.BaseUrl}/taken/{voorbereiden.Id}", mail.Text);
        Assert.DoesNotContain("groep", mail.Text);
        AssertNoCasusContent(mail, voorbereiden.Title);
        Assert.Equal(["prof1@example.org", "voorzitter@example.org"], host.Smtp.Received.SelectMany(m => m.To).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Outage_DelaysThePromptsWithBackoff_AndEachArrivesOnceAfterRecovery()
    {
        await using var host = new PromptHost();
        _ = host.Services;
        await host.AddUserAsync("voorzitter2", "voorzitter2@example.org", [Roles.RvtChair]);
        await host.Smtp.StopAsync();
        var code = await host.RegisterIntakeAsync();

        Assert.Equal(0, await host.DispatchAsync());
        var failed = await host.OutboxAsync();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, o =>
        {
            Assert.Null(o.SentAt);
            Assert.Equal(1, o.Attempts);
            Assert.False(string.IsNullOrEmpty(o.LastError));
            Assert.Equal(PromptHost.Monday.AddMinutes(1), o.NextAttemptAt);
        });

        // Not due yet: nothing is tried; then the second failure doubles the wait.
        Assert.Equal(0, await host.DispatchAsync());
        Assert.All(await host.OutboxAsync(), o => Assert.Equal(1, o.Attempts));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await host.DispatchAsync());
        Assert.All(await host.OutboxAsync(), o => Assert.Equal((2, PromptHost.Monday.AddMinutes(3)), (o.Attempts, o.NextAttemptAt)));

        host.Smtp.Restart();
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await host.DispatchAsync());
        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await host.DispatchAsync());

        Assert.Equal(["voorzitter2@example.org", "voorzitter@example.org"],
            host.Smtp.Received.SelectMany(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(host.Smtp.Received, m => Assert.Equal($"Nieuwe taak bij casus {code}", m.Subject));
        Assert.All(await host.OutboxAsync(), o => Assert.Equal((2, PromptHost.Monday.AddMinutes(3)), (o.Attempts, o.SentAt)));
    }

    [Fact]
    public async Task ANewTasksPrompt_CommitsWithTheTask_SoALostNotificationLosesNoMail()
    {
        await using var host = new PromptHost();
        host.LoseTaskCreated = true; // the host dies right after the commit, before any handler ran
        var code = await host.RegisterIntakeAsync();
        host.LoseTaskCreated = false;

        var row = Assert.Single(await host.OutboxAsync());
        Assert.Equal("voorzitter@example.org", row.Recipient);
        Assert.Equal(0, await host.SweepAsync());
        Assert.Equal(1, await host.DispatchAsync());
        Assert.Equal($"Nieuwe taak bij casus {code}", Assert.Single(host.Smtp.Received).Subject);
    }

    [Fact]
    public async Task Sweep_WritesThePromptOfATaskStoredWithoutOne_EvenAfterLongDowntime()
    {
        await using var host = new PromptHost();
        Assert.Equal(0, await host.SweepAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        host.LoseTaskCreated = true;
        var code = await host.RegisterIntakeAsync();
        host.LoseTaskCreated = false;
        // A task stored without its prompt rows: by a version from before they committed with the task.
        await host.ForgetPromptsAsync();

        // The host was down for two days; the sweep resumes where it stopped, not a fixed window back.
        host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await host.SweepAsync());
        Assert.Equal(0, await host.SweepAsync());
        Assert.Equal(1, await host.DispatchAsync());

        var triage = await host.OpenTaskAsync(code, Triage);
        var mail = Assert.Single(host.Smtp.Received);
        Assert.Equal(["voorzitter@example.org"], mail.To);
        Assert.Equal($"Nieuwe taak bij casus {code}", mail.Subject);
        Assert.Contains($"{PromptHost.BaseUrl}/taken/{triage.Id}", mail.Text);
    }

    [Fact]
    public async Task Sweep_WritesAPageOfMissingPrompts_InOneCommit_AndLeavesWrittenOnesAlone()
    {
        await using var host = new PromptHost();
        Assert.Equal(0, await host.SweepAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var codes = new List<string>();
        for (var i = 0; i < 3; i++) codes.Add(await host.RegisterIntakeAsync());
        // Three tasks stored without their prompts (an older version's, or an outage's), then one with its prompt.
        await host.ForgetPromptsAsync();
        var handled = await host.RegisterIntakeAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var work = ProcessEngine.Data.Work.DatabaseWork.Begin();
        Assert.Equal(3, await host.SweepAsync());
        // One commit for the page of prompts, one for the sweep's cursor; a commit per task before.
        Assert.Equal(2, work.Figures.Commits);
        Assert.Equal(0, await host.SweepAsync());

        Assert.Equal(4, await host.DispatchAsync());
        Assert.Equal(codes.Append(handled).Select(c => $"Nieuwe taak bij casus {c}").Order(StringComparer.Ordinal),
            host.Smtp.Received.Select(m => m.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sweep_WritesNothing_WhenTheHandlerAlreadyDid()
    {
        await using var host = new PromptHost();
        await host.RegisterIntakeAsync();

        Assert.Equal(0, await host.SweepAsync());
        Assert.Single(await host.OutboxAsync());
    }

    private static void AssertNoCasusContent(ReceivedMail mail, string title)
    {
        var everything = mail.Subject + "\n" + mail.Text;
        Assert.DoesNotContain(title, everything);
        Assert.DoesNotContain("huiselijk geweld", everything);
        Assert.DoesNotContain("Veilig Thuis", everything);
    }
}
