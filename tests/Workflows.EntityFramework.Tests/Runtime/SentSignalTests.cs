using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Data;
using ProcessEngine.Tests.Shared;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Runtime;

/// <summary>
/// A signal a flow sends is stored with the sender's step and delivered after it: when the process dies between
/// the two, the signal is still there, and the next start delivers it, once, to the flows that were waiting for it
/// when it was sent.
/// </summary>
public sealed class SentSignalTests
{
    private const string Receiver = """
    {
      "id": "ontvanger", "name": "Wacht op het besluit",
      "activities": [
        { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": "BesluitGenomen", "resultVariable": "besluit" } },
        { "id": "act", "type": "HumanTask", "inputs": { "title": "Besluit verwerken" } }
      ],
      "connections": [ { "source": "wait", "target": "act" } ]
    }
    """;

    private const string Sender = """
    {
      "id": "zender", "name": "Besluit nemen",
      "activities": [
        { "id": "decide", "type": "HumanTask", "inputs": { "title": "Besluiten" } },
        { "id": "send", "type": "SendSignal", "inputs": { "signal": "BesluitGenomen", "payload": { "uitkomst": "beeindigd" } } }
      ],
      "connections": [ { "source": "decide", "outcome": "Afgerond", "target": "send" } ]
    }
    """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ASignalWhoseDeliveryWasCutShort_IsDeliveredOnTheNextStart_OnceAndOnlyToThoseWaitingWhenItWasSent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        const string casus = "RVT-2026-SIGNAL";

        // The first process: its deliveries fail after the sender's commit, as a crash at that moment would leave them.
        var failing = DeliveriesFail.Around;
        await using (var first = await TestEngine.StartAsync(database.Connection, clock, failing))
        {
            await first.PublishAsync(Receiver);
            await first.PublishAsync(Sender);
            await first.Runtime.StartAsync("ontvanger", correlationId: casus);
            await first.Runtime.StartAsync("zender", correlationId: casus);
            var decide = (await first.OpenTasksAsync(casus)).Single(t => t.Title == "Besluiten");

            var sent = await first.Runtime.CompleteTaskAsync(decide.Id, "Afgerond");

            Assert.Equal(ResumeOutcome.Resumed, sent.Outcome);
            Assert.DoesNotContain(await first.OpenTasksAsync(casus), t => t.Title == "Besluit verwerken");
            var stored = Assert.Single(await Outbox(first).FindUndeliveredAsync(clock.GetUtcNow(), 10));
            Assert.Equal(("BesluitGenomen", casus), (stored.Name, stored.CorrelationId));
        }

        // Later, a second flow of the casus starts waiting for the same signal: it was not waiting when the signal was sent.
        clock.Advance(TimeSpan.FromMinutes(5));
        await using var second = await TestEngine.StartAsync(database.Connection, clock);
        var late = await second.Runtime.StartAsync("ontvanger", correlationId: casus);
        await second.RunStartupRecoveryAsync();

        var received = (await second.OpenTasksAsync(casus)).Where(t => t.Title == "Besluit verwerken").ToList();
        var delivered = Assert.Single(received);
        Assert.NotEqual(late.InstanceId, delivered.InstanceId);
        var instance = await second.Store.FindInstanceAsync(delivered.InstanceId);
        Assert.Equal("beeindigd", Assert.IsType<Dictionary<string, object?>>(instance!.Variables["besluit"])["uitkomst"]);
        Assert.Empty(await Outbox(second).FindUndeliveredAsync(clock.GetUtcNow(), 10));
        Assert.Equal(0, await second.ChangeDatabaseAsync(db => db.SentSignals.CountAsync()));

        // Delivering again (another node's sweep) changes nothing.
        Assert.Equal(0, await second.Runtime.DeliverPendingSignalsAsync(TimeSpan.Zero));
        Assert.Single(await second.OpenTasksAsync(casus), t => t.Title == "Besluit verwerken");
    }

    [Fact]
    public async Task ADeliveredSignal_LeavesNoRowBehind()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Receiver);
        await engine.PublishAsync(Sender);
        await engine.Runtime.StartAsync("ontvanger", correlationId: "RVT-2026-DIRECT");
        await engine.Runtime.StartAsync("zender", correlationId: "RVT-2026-DIRECT");
        var decide = (await engine.OpenTasksAsync("RVT-2026-DIRECT")).Single(t => t.Title == "Besluiten");

        await engine.Runtime.CompleteTaskAsync(decide.Id, "Afgerond");

        Assert.Single(await engine.OpenTasksAsync("RVT-2026-DIRECT"), t => t.Title == "Besluit verwerken");
        Assert.Equal(0, await engine.ChangeDatabaseAsync(db => db.SentSignals.CountAsync()));
    }

    private static ISignalOutbox Outbox(TestEngine engine) =>
        (ISignalOutbox)engine.Services.GetService(typeof(ISignalOutbox))!;

    /// <summary>The runtime's store, except that looking up who waits for a signal fails: the delivery after commit cannot happen.</summary>
    public class DeliveriesFail : DispatchProxy
    {
        private IWorkflowStore _inner = null!;

        public static IWorkflowStore Around(IWorkflowStore inner)
        {
            var proxy = Create<IWorkflowStore, DeliveriesFail>();
            ((DeliveriesFail)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(IWorkflowStore.FindSignalBookmarksAsync))
                throw new IOException("the process stopped before the signal was delivered");
            try
            {
                return method.Invoke(_inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        }
    }
}
