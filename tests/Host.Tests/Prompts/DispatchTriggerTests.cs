using Hangfire;
using Hangfire.InMemory;
using Hangfire.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Host.Prompts;

namespace ProcessEngine.Host.Tests.Prompts;

/// <summary>
/// One wake-up of the e-mail dispatcher on its way covers every prompt row committed before the dispatcher starts: many
/// new tasks enqueue one Hangfire job, not one each, yet a row committed after the dispatcher started is never left
/// waiting for the minute's recurring run. Counted in a real Hangfire storage.
/// </summary>
public sealed class DispatchTriggerTests
{
    private readonly InMemoryStorage _storage;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 7, 0, 0, TimeSpan.Zero));
    private readonly DispatchTrigger _trigger;

    public DispatchTriggerTests()
    {
        // Hangfire logs through one process-wide provider, which the last test host set to its logger factory and then
        // disposed; a storage of its own needs one that works (the next host sets its own again).
        LogProvider.SetCurrentLogProvider(new SilentLogProvider());
        _storage = new InMemoryStorage();
        _trigger = new DispatchTrigger(new BackgroundJobClient(_storage), _clock, NullLogger<DispatchTrigger>.Instance);
    }

    private long Enqueued => _storage.GetMonitoringApi().EnqueuedCount("default");

    [Fact]
    public async Task ManyRowsBeforeTheDispatcherStarts_WakeItOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(_trigger.DispatchSoon)));

        Assert.Equal(1, Enqueued);
    }

    [Fact]
    public void ARowAfterTheDispatcherStarted_WakesItAgain()
    {
        _trigger.DispatchSoon();
        _trigger.Starting();
        _trigger.DispatchSoon();
        _trigger.DispatchSoon();

        Assert.Equal(2, Enqueued);
    }

    [Fact]
    public void AWakeUpNotSeenToStart_IsAskedAgainAfterFiveSeconds()
    {
        // Another node's worker took the job (or it was lost): this node's mark is never cleared by a start here.
        _trigger.DispatchSoon();
        _clock.Advance(DispatchTrigger.AskAgainAfter - TimeSpan.FromMilliseconds(1));
        _trigger.DispatchSoon();
        Assert.Equal(1, Enqueued);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        _trigger.DispatchSoon();
        Assert.Equal(2, Enqueued);
    }

    private sealed class SilentLogProvider : ILogProvider
    {
        public ILog GetLogger(string name) => new Silent();

        private sealed class Silent : ILog
        {
            public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
        }
    }
}
