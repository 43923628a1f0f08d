using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

// Indexes follow the queries that must stay fast at national scale (DESIGN section 9): the inbox (open
// tasks by assignee or group, by due date), due timers, signals by correlation, instances by status and
// last change, the journal and incidents of one instance.

internal sealed class DefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> e)
    {
        e.ToTable("WorkflowDefinitions");
        e.Property(x => x.DefinitionId).HasMaxLength(100);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => new { x.DefinitionId, x.Version }).IsUnique();
        e.HasIndex(x => new { x.DefinitionId, x.IsLive });
        e.Ignore(x => x.IsDraft);
    }
}

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> e)
    {
        e.ToTable("WorkflowInstances");
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.DefinitionId).HasMaxLength(100);
        e.Property(x => x.CorrelationId).HasMaxLength(100);
        e.Property(x => x.FaultedActivityId).HasMaxLength(100);
        e.Ignore(x => x.Variables);
        e.Ignore(x => x.IsActive);
        e.HasIndex(x => new { x.Status, x.UpdatedAt });
        e.HasIndex(x => x.CorrelationId);
        e.HasIndex(x => x.ParentInstanceId);
        e.HasIndex(x => new { x.DefinitionId, x.DefinitionVersion, x.Status });
        // Lead times: the instances of a flow that finished in a period.
        e.HasIndex(x => new { x.DefinitionId, x.Status, x.FinishedAt });
    }
}

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    public void Configure(EntityTypeBuilder<Bookmark> e)
    {
        e.ToTable("Bookmarks");
        e.Property(x => x.ActivityId).HasMaxLength(100);
        e.Property(x => x.CorrelationId).HasMaxLength(100);
        e.Property(x => x.SignalName).HasMaxLength(100);
        e.HasIndex(x => x.InstanceId);
        e.HasIndex(x => new { x.Kind, x.IsHeld, x.DueAt, x.Id });
        e.HasIndex(x => new { x.SignalName, x.CorrelationId });
        // The heat map's click: the bookmarks at one activity, longest waiting first (the flow is checked on the instance).
        e.HasIndex(x => new { x.ActivityId, x.CreatedAt });
    }
}

internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTask>
{
    public void Configure(EntityTypeBuilder<UserTask> e)
    {
        e.ToTable("UserTasks");
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Assignee).HasMaxLength(200);
        e.Property(x => x.CandidateGroup).HasMaxLength(200);
        e.Property(x => x.CorrelationId).HasMaxLength(100);
        e.Property(x => x.SlowedReason).HasMaxLength(1000);
        e.Property(x => x.SlowedBy).HasMaxLength(200);
        e.Ignore(x => x.Outcomes);
        e.Ignore(x => x.Form);
        // The inbox ranges (InboxRangeQueries) read in exactly this order, the id breaking ties; without it the database sorted
        // every open task of a group with no due date (or one due moment) on each inbox view to return the first hundred.
        e.HasIndex(x => new { x.Status, x.Assignee, x.DueAt, x.Id });
        e.HasIndex(x => new { x.Status, x.CandidateGroup, x.DueAt, x.Id });
        e.HasIndex(x => new { x.Status, x.DueAt });
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasIndex(x => x.InstanceId);
        e.HasIndex(x => x.CorrelationId);
    }
}

internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> e)
    {
        e.ToTable("Journal");
        e.Property(x => x.ActivityId).HasMaxLength(100);
        e.Property(x => x.ActivityType).HasMaxLength(100);
        e.HasIndex(x => new { x.InstanceId, x.Sequence });
    }
}

internal sealed class FactConfiguration : IEntityTypeConfiguration<Fact>
{
    public void Configure(EntityTypeBuilder<Fact> e)
    {
        e.ToTable("Facts");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.DimensionsJson).HasMaxLength(1000);
        e.Ignore(x => x.Dimensions);
        e.HasIndex(x => new { x.OccurredAt, x.Name });
        e.HasIndex(x => x.InstanceId);
    }
}

internal sealed class FactDayCountConfiguration : IEntityTypeConfiguration<FactDayCount>
{
    // The key leads with the dimension and the day: a report period is one range per dimension.
    public void Configure(EntityTypeBuilder<FactDayCount> e)
    {
        e.ToTable("FactDayCounts");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Dimension).HasMaxLength(100);
        e.Property(x => x.Value).HasMaxLength(200);
        e.HasKey(x => new { x.Dimension, x.Day, x.Name, x.Value });
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> e)
    {
        e.ToTable("Incidents");
        e.Property(x => x.ActivityId).HasMaxLength(100);
        e.HasIndex(x => new { x.InstanceId, x.ResolvedAt });
        e.HasIndex(x => new { x.ResolvedAt, x.CreatedAt });
    }
}

internal sealed class SentSignalConfiguration : IEntityTypeConfiguration<SentSignal>
{
    // Rows live from the sender's commit to the delivery: the sweep reads the oldest first.
    public void Configure(EntityTypeBuilder<SentSignal> e)
    {
        e.ToTable("SentSignals");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.CorrelationId).HasMaxLength(100);
        e.Ignore(x => x.TargetInstanceId);
        e.Ignore(x => x.Payload);
        e.HasIndex(x => new { x.SentAt, x.Id });
        e.HasIndex(x => x.SenderInstanceId);
    }
}

internal sealed class WaitingDayCountConfiguration : IEntityTypeConfiguration<WaitingDayCount>
{
    // The key leads with the flow: the heat map of one flow is one range, grouped by week without a sort.
    public void Configure(EntityTypeBuilder<WaitingDayCount> e)
    {
        e.ToTable("WaitingDayCounts");
        e.Property(x => x.DefinitionId).HasMaxLength(100);
        e.Property(x => x.ActivityId).HasMaxLength(100);
        e.HasKey(x => new { x.DefinitionId, x.ActivityId, x.Kind, x.Week, x.Day, x.DueDay });
    }
}
