using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Prompts;

/// <summary>A task handed on (reassigned) is mailed to its new holder, once per handover; handing it to oneself mails nobody.</summary>
public sealed class HandedPromptTests
{
    [Fact]
    public async Task ATaskHandedOn_PromptsTheNewHolder_EachTimeItComesToThem()
    {
        await using var host = new PromptHost();
        var (code, task) = await host.PreparationTaskAsync();
        var runtime = host.Get<WorkflowRuntime>();

        Assert.Equal(ResumeOutcome.Resumed, (await runtime.ReassignTaskAsync(task.Id, "prof2", "prof1")).Outcome);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(ResumeOutcome.Resumed, (await runtime.ReassignTaskAsync(task.Id, "prof1", "prof2")).Outcome);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(ResumeOutcome.Resumed, (await runtime.ReassignTaskAsync(task.Id, "prof2", "prof1")).Outcome);
        await runtime.ReassignTaskAsync(task.Id, "prof2", "prof2");
        await host.DispatchAsync();

        Assert.Equal(["prof2@example.org", "prof1@example.org", "prof2@example.org"], host.Smtp.Received.Select(m => Assert.Single(m.To)));
        Assert.All(host.Smtp.Received, mail =>
        {
            Assert.Equal($"Taak aan u overgedragen bij casus {code}", mail.Subject);
            Assert.Contains($"{PromptHost.BaseUrl}/taken/{task.Id}", mail.Text);
            Assert.DoesNotContain(task.Title, mail.Subject + mail.Text);
            Assert.DoesNotContain("huiselijk geweld", mail.Text);
        });
    }
}
