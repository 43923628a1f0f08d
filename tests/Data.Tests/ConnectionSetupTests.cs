using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ProcessEngine.Data.Tests;

/// <summary>How a database is named and opened: SQLite waits for a lock instead of failing, names leave credentials out, and
/// times are one number that orders the same on both providers.</summary>
public sealed class ConnectionSetupTests
{
    [Fact]
    public async Task Sqlite_MakesTheFolder_PoolsAndWaitsForALockInsteadOfFailing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "processengine-tests", "data", Guid.NewGuid().ToString("N"), "nieuw");
        var database = DatabaseConnection.Sqlite($"Data Source={Path.Combine(folder, "db.sqlite")};Default Timeout=5");

        await using var db = NotesContext.On(database);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";

        Assert.True(Directory.Exists(folder));
        var settings = new SqliteConnectionStringBuilder(database.ConnectionString);
        Assert.Equal((true, 30), (settings.Pooling, settings.DefaultTimeout)); // at least 30 s, whatever was asked
        Assert.Equal(30_000L, Convert.ToInt64(await command.ExecuteScalarAsync()));
    }

    [Fact]
    public void ANameForLogsAndCheckpoints_LeavesThePasswordOut()
    {
        var database = DatabaseConnection.PostgreSql("Host=db.example;Port=5433;Database=rvt;Username=pe;Password=geheim", Assembly.GetExecutingAssembly());

        Assert.Equal("postgresql:db.example:5433/rvt", database.Identity);
        Assert.DoesNotContain("geheim", database.ToString());
        Assert.Equal(Assembly.GetExecutingAssembly().GetName().Name, database.MigrationsAssembly);
        Assert.Throws<ArgumentOutOfRangeException>(() => DatabaseConnection.For((DatabaseProvider)7, "", Assembly.GetExecutingAssembly()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Times_AreStoredAsOneNumber_AndComeBackWithTheirOffset(DatabaseProvider provider)
    {
        await using var database = await Database.CreateAsync(provider);
        var amsterdam = new DateTimeOffset(2026, 12, 7, 21, 30, 0, TimeSpan.FromHours(1));
        await using (var db = NotesContext.On(database.Connection))
        {
            db.Notes.Add(new Note { Id = 1, Text = "winter", At = amsterdam });
            await db.SaveChangesAsync();
        }

        await using var read = NotesContext.On(database.Connection);
        var stored = await read.Notes.SingleAsync();
        await using var command = read.Database.GetDbConnection().CreateCommand();
        await read.Database.OpenConnectionAsync();
        command.CommandText = "SELECT \"At\" FROM \"Notes\"";
        var raw = await command.ExecuteScalarAsync();

        Assert.Equal((amsterdam, amsterdam.Offset), (stored.At, stored.At.Offset));
        Assert.IsType<long>(raw);
    }
}
