using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.Hangfire.Tests;

/// <summary>The one test that lets a real Hangfire server fire a timer on the wall clock, end to end.</summary>
public sealed class HangfireServerTests
{
    [Fact]
    public async Task HangfireServer_FiresTimer_WhenItsDueTimeArrives()
    {
        await using var engine = await TestEngine.StartAsync(engineClock: TimeProvider.System);
        await engine.PublishAsync(Flows.TimerThenTask.Replace("P3M", "PT1S"));
        var activator = new ServiceJobActivator(engine.Services);
        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions { SchedulePollingInterval = TimeSpan.FromMilliseconds(200), WorkerCount = 1, Activator = activator },
            engine.Hangfire);

        var started = await engine.Runtime.StartAsync("timer-then-task", correlationId: "HF-1");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (engine.Notifications.Of<TimerFired>().Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        var fired = Assert.Single(engine.Notifications.Of<TimerFired>());
        Assert.Equal(started.InstanceId, fired.InstanceId);
        Assert.Equal("Evaluatie maatregel", (await engine.SingleOpenTaskAsync("HF-1")).Title);
    }

    private sealed class ServiceJobActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);
    }
}
