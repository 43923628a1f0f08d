using Microsoft.EntityFrameworkCore;

namespace ProcessEngine.Data.Tests;

/// <summary>A row with a time, and a context that stores times the way every context of the application does.</summary>
public sealed class Note
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.StoreTimesAsTicks();

    public static NotesContext On(DatabaseConnection database)
    {
        var options = new DbContextOptionsBuilder<NotesContext>();
        database.Configure(options);
        return new NotesContext(options.Options);
    }
}

/// <summary>A second context on the same database: what joins another's transaction (an audit line beside a change).</summary>
public sealed class Line
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
}

public sealed class LinesContext(DbContextOptions<LinesContext> options) : DbContext(options)
{
    public DbSet<Line> Lines => Set<Line>();

    protected override void OnModelCreating(ModelBuilder model) => model.Entity<Line>().ToTable("Lines");
}

/// <summary>A fresh database per test on either provider, with both tables made; dropped afterwards on PostgreSQL.</summary>
public sealed class Database : IAsyncDisposable
{
    private Database(DatabaseConnection connection) => Connection = connection;

    public DatabaseConnection Connection { get; }

    public static async Task<Database> CreateAsync(DatabaseProvider provider)
    {
        var connection = provider == DatabaseProvider.Sqlite
            ? DatabaseConnection.Sqlite($"Data Source={Path.Combine(Path.GetTempPath(), "processengine-tests", "data", $"{Guid.NewGuid():N}.db")}")
            : DatabaseConnection.PostgreSql(await ProcessEngine.Tests.Shared.PostgresTestServer.CreateDatabaseAsync("pe_data"), typeof(Database).Assembly);
        await using (var notes = NotesContext.On(connection))
        {
            await notes.Database.EnsureCreatedAsync();
            // Two contexts, one database: EnsureCreated makes only the first one's tables.
            await notes.Database.ExecuteSqlRawAsync("CREATE TABLE \"Lines\" (\"Id\" integer PRIMARY KEY, \"Text\" text NOT NULL)");
        }
        return new Database(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (Connection.Provider == DatabaseProvider.PostgreSql) await ProcessEngine.Tests.Shared.PostgresTestServer.DropDatabaseAsync(Connection.ConnectionString);
    }
}
