using Microsoft.EntityFrameworkCore;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.Prompts;

namespace ProcessEngine.Host.Tests.Prompts;

/// <summary>The prompt queries (<see cref="ITaskPromptQueries"/>) the prompt jobs page through, on the host's SQLite store.</summary>
public sealed class PromptStoreQueryTests
{
    [Fact]
    public async Task TasksCreatedSince_ArePagedInCreationOrder_FromTheGivenMoment()
    {
        await using var host = new PromptHost();
        var store = host.Get<ITaskPromptQueries>();
        var first = await host.OpenTaskAsync(await host.RegisterIntakeAsync(), "Triage nieuwe aanmelding");
        host.Clock.Advance(TimeSpan.FromHours(2));
        var second = await host.OpenTaskAsync(await host.RegisterIntakeAsync(), "Triage nieuwe aanmelding");

        var sinceBetween = await store.FindTasksCreatedSinceAsync(PromptHost.Monday.AddHours(1), Guid.Empty, 10);
        var sinceFirst = await store.FindTasksCreatedSinceAsync(PromptHost.Monday, Guid.Empty, 10);
        var page1 = await store.FindTasksCreatedSinceAsync(PromptHost.Monday, Guid.Empty, 1);
        var page2 = await store.FindTasksCreatedSinceAsync(page1[0].CreatedAt, page1[0].Id, 1);
        var page3 = await store.FindTasksCreatedSinceAsync(page2[0].CreatedAt, page2[0].Id, 1);
        var later = await store.FindTasksCreatedSinceAsync(PromptHost.Monday.AddHours(2).AddMilliseconds(1), Guid.Empty, 10);

        Assert.Equal([second.Id], sinceBetween.Select(t => t.Id));
        Assert.Equal([first.Id, second.Id], sinceFirst.Select(t => t.Id));
        Assert.Equal([first.Id, second.Id], page1.Concat(page2).Select(t => t.Id));
        Assert.Empty(page3);
        Assert.Empty(later);
    }

    [Fact]
    public async Task OpenTasksDue_ArePagedByDueMomentAndId_WithinTheBounds()
    {
        await using var host = new PromptHost();
        var store = host.Get<ITaskPromptQueries>();
        var first = await host.OpenTaskAsync(await host.RegisterIntakeAsync(), "Triage nieuwe aanmelding");
        host.Clock.Advance(TimeSpan.FromHours(2));
        var second = await host.OpenTaskAsync(await host.RegisterIntakeAsync(), "Triage nieuwe aanmelding");
        var epoch = DateTimeOffset.UnixEpoch;

        var both = await store.FindOpenTasksDueAsync(epoch, Guid.Empty, second.DueAt!.Value, 10);
        var page1 = await store.FindOpenTasksDueAsync(epoch, Guid.Empty, second.DueAt.Value, 1);
        var page2 = await store.FindOpenTasksDueAsync(page1[0].DueAt!.Value, page1[0].Id, second.DueAt.Value, 1);
        var untilFirst = await store.FindOpenTasksDueAsync(epoch, Guid.Empty, first.DueAt!.Value, 10);
        var afterFirst = await store.FindOpenTasksDueAsync(first.DueAt.Value, first.Id, second.DueAt.Value.AddDays(30), 10);

        Assert.Equal([first.Id, second.Id], both.Select(t => t.Id));
        Assert.Equal([first.Id, second.Id], page1.Concat(page2).Select(t => t.Id));
        Assert.Equal([first.Id], untilFirst.Select(t => t.Id));
        Assert.Equal([second.Id], afterFirst.Select(t => t.Id));
    }
}
