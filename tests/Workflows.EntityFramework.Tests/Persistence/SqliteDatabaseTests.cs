using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Workflows.EntityFramework;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Persistence;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task Model_HasAMigrationForEveryChange_WhenComparedWithTheSnapshot()
    {
        await using var engine = await TestEngine.StartAsync();
        await using var db = await engine.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model changed without a migration: run `dotnet dotnet-ef migrations add <Name> --project src/Workflows.EntityFramework --startup-project src/Workflows.EntityFramework --output-dir Migrations`.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Database_IsInWalModeAndMigratesAgainWithoutChange_WhenOpenedTwice()
    {
        var path = TempDatabase.NewPath();
        await using (var first = await TestEngine.StartAsync(path))
            await first.PublishAsync(Flows.TwoTasks);
        await using var second = await TestEngine.StartAsync(path);

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        // Every connection commits durably without a per-open PRAGMA: FULL is the library's WAL default.
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, await command.ExecuteScalarAsync());
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory;";
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        Assert.Equal((long)db.Database.GetMigrations().Count(), await command.ExecuteScalarAsync());
        Assert.Equal(1, (await second.Runtime.StartAsync("two-tasks")).DefinitionVersion);
    }

    [Fact]
    public async Task Commit_RollsEverythingBack_WhenOneOfItsWritesLosesARace()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flows.TwoTasks);
        var started = await engine.Runtime.StartAsync("two-tasks", correlationId: "ATOMIC");
        var instance = (await engine.Store.FindInstanceAsync(started.InstanceId))!;
        var live = Assert.Single(await engine.Store.GetBookmarksAsync(started.InstanceId));
        var journalBefore = (await engine.Store.GetJournalAsync(started.InstanceId)).Count;
        // A pass that journals a step and consumes the bookmark, after someone else already consumed it.
        var stale = new WorkflowChanges();
        stale.Journal.Add(JournalEntry.Create(instance.Id, 99, "intake", "HumanTask", JournalEvent.Completed, "Regulier",
            engine.Clock.GetUtcNow(), engine.Clock.GetUtcNow()));
        stale.RemovedBookmarks.Add(live);
        // Tasks are written before bookmarks are deleted: this insert succeeds, then must be undone.
        stale.AddedTasks.Add(UserTask.Create(instance, live, new TaskSpec("Mag niet blijven", null, null, "Team", null, ["Klaar"], []),
            engine.Clock.GetUtcNow()));
        var winner = new WorkflowChanges();
        winner.RemovedBookmarks.Add(live);
        await engine.Store.CommitAsync(winner);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => engine.Store.CommitAsync(stale));

        Assert.Equal(journalBefore, (await engine.Store.GetJournalAsync(started.InstanceId)).Count);
        Assert.Empty(await engine.Store.GetBookmarksAsync(started.InstanceId));
        Assert.DoesNotContain(await engine.OpenTasksAsync("ATOMIC"), t => t.Title == "Mag niet blijven");
    }
}
