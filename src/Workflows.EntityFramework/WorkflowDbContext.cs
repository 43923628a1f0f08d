using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
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
    public DbSet<SentSignal> SentSignals => Set<SentSignal>();
    public DbSet<WaitingDayCount> WaitingDayCounts => Set<WaitingDayCount>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.StoreTimesAsTicks();
        builder.Properties<WorkflowStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<UserTaskStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<BookmarkKind>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<JournalEvent>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder model) => model.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
}
