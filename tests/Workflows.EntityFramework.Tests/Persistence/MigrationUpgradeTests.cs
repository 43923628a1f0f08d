using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcessEngine.Workflows.EntityFramework;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Persistence;

public sealed class MigrationUpgradeTests
{
    [Fact]
    public async Task Database_FromTheFirstVersion_UpgradesInPlaceAndKeepsItsTimers()
    {
        var path = TempDatabase.NewPath();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        Guid instanceId;
        await using (var current = await TestEngine.StartAsync(path, clock))
        {
            await current.PublishAsync(Flows.TimerThenTask);
            instanceId = (await current.Runtime.StartAsync("timer-then-task", correlationId: "OLD-DB")).InstanceId;
        }
        // Take the file back to the first schema, as a database written by the first release would be.
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqliteSetup.Configure(options, $"Data Source={path};Pooling=False");
        await using (var db = new WorkflowDbContext(options.Options))
        {
            var first = db.Database.GetMigrations().First();
            await db.GetService<IMigrator>().MigrateAsync(first);
            Assert.DoesNotContain("IsHeld", await ColumnsAsync(path, "Bookmarks"));
        }

        clock.Advance(TimeSpan.FromDays(100));
        await using var upgraded = await TestEngine.StartAsync(path, clock);

        Assert.Contains("IsHeld", await ColumnsAsync(path, "Bookmarks"));
        Assert.Equal(1, await upgraded.Runtime.FireDueTimersAsync());
        Assert.Equal("Evaluatie maatregel", (await upgraded.SingleOpenTaskAsync("OLD-DB")).Title);
        Assert.NotNull(await upgraded.Store.FindInstanceAsync(instanceId));
    }

    private static async Task<IReadOnlyList<string>> ColumnsAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
