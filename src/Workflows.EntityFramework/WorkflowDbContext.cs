using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();
    public DbSet<UserTask> Tasks => Set<UserTask>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<Fact> Facts => Set<Fact>();
    public DbSet<FactDayCount> FactDayCounts => Set<FactDayCount>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no date-time type that sorts and compares in SQL; as UTC ticks (offset 0 always)
        // a DateTimeOffset is an INTEGER that indexes and orders correctly. PostgreSQL stores the same
        // 64-bit form (bigint) so that both providers order, compare and round-trip times identically and
        // the reports' few SQL statements that compute with times are one text for both.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        builder.Properties<WorkflowStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<UserTaskStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<BookmarkKind>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<JournalEvent>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder model) => model.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
}
