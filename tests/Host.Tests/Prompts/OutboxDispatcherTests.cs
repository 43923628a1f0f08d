using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Prompts;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Tests.Prompts;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task TwoDispatchersAtOnce_SendEveryRowExactlyOnce()
    {
        await using var host = new PromptHost();
        _ = host.Services;
        for (var i = 1; i <= 6; i++) await host.AddUserAsync($"voorzitter{i}", $"voorzitter{i}@example.org", [Roles.RvtChair]);
        await host.RegisterIntakeAsync();
        var other = ActivatorUtilities.CreateInstance<OutboxDispatcher>(host.Services);

        var sent = await Task.WhenAll(host.DispatchAsync(), other.RunAsync(CancellationToken.None));

        Assert.Equal(7, sent.Sum());
        Assert.Equal(7, host.Smtp.Received.Count);
        Assert.Equal(7, host.Smtp.Received.SelectMany(m => m.To).Distinct().Count());
        Assert.All(await host.OutboxAsync(), o => Assert.Equal((0, PromptHost.Monday), (o.Attempts, o.SentAt)));
    }

    [Fact]
    public async Task SentRows_AreForgottenAfterKeepSent_UnsentRowsNever()
    {
        await using var host = new PromptHost(("Prompts:KeepSent", "2.00:00:00"));
        await host.RegisterIntakeAsync();
        await host.DispatchAsync();
        await host.Smtp.StopAsync();
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.RegisterIntakeAsync();
        await host.DispatchAsync();

        host.Clock.Advance(TimeSpan.FromDays(30));
        await host.DispatchAsync();

        var left = Assert.Single(await host.OutboxAsync());
        Assert.Null(left.SentAt);
        Assert.Equal(2, left.Attempts);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void Backoff_DoublesFromTheInitialWait_UpToTheMaximum(int attempts, int minutes)
    {
        var settings = new PromptOptions { RetryInitial = TimeSpan.FromMinutes(1), RetryMax = TimeSpan.FromHours(1) };

        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxDispatcher.Backoff(attempts, settings));
    }

    [Fact]
    public async Task ByDefault_APromptIsNeverSentInClearText_ToAServerThatOffersNoStartTls()
    {
        Assert.Equal(MailKit.Security.SecureSocketOptions.StartTls, new SmtpOptions().Security);
        // A server (or someone in between) that leaves STARTTLS out of its greeting, as the loopback server does.
        await using var host = new PromptHost(("Prompts:Smtp:Security", "StartTls"));
        await host.RegisterIntakeAsync();

        Assert.Equal(0, await host.DispatchAsync());

        Assert.Empty(host.Smtp.Received);
        var waiting = await host.OutboxAsync();
        Assert.NotEmpty(waiting);
        Assert.All(waiting, o => Assert.Equal((1, (DateTimeOffset?)null), (o.Attempts, o.SentAt)));
        Assert.All(waiting, o => Assert.Contains("STARTTLS", o.LastError, StringComparison.OrdinalIgnoreCase));
    }
}
