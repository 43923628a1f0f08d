using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Flows;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.HostStore.Inbox;
using ProcessEngine.HostStore.Mail;
using ProcessEngine.HostStore.Migrating;
using ProcessEngine.HostStore.StandIns;

namespace ProcessEngine.HostStore.Persistence;

/// <summary>
/// The host's own tables on the same database file as the engine and the domain: the people who sign in
/// (ASP.NET Core Identity), the audit log, the e-mail outbox and the task prompts' bookkeeping (which
/// were written, how far the sweeps got), the stand-in periods (waarnemingen), the inbox's follow-up
/// dates, priorities and saved views, the flow drafts waiting for a second coordinator's approval, and the Data Protection key ring every node shares (each key encrypted by
/// the host before it is written). Its own migrations history table.
/// </summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    // The name this project had when the first databases were made; a new name would make them migrate from scratch.
    public const string MigrationsHistoryTable = "__PlatformMigrationsHistory";

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<PromptMark> PromptMarks => Set<PromptMark>();
    public DbSet<PromptCursor> PromptCursors => Set<PromptCursor>();
    public DbSet<MigrationRun> MigrationRuns => Set<MigrationRun>();
    public DbSet<MigrationRunItem> MigrationRunItems => Set<MigrationRunItem>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Waarneming> Waarnemingen => Set<Waarneming>();
    public DbSet<TaskNote> TaskNotes => Set<TaskNote>();
    public DbSet<SavedInboxView> SavedInboxViews => Set<SavedInboxView>();
    public DbSet<SignInAddress> SignInAddresses => Set<SignInAddress>();
    public DbSet<FlowPublicationRequest> FlowPublicationRequests => Set<FlowPublicationRequest>();
    public DbSet<FlowPublicationRejection> FlowPublicationRejections => Set<FlowPublicationRejection>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.StoreTimesAsTicks();
        // Read by operators in the database too: a run's status and an instance's outcome as words.
        builder.Properties<MigrationRunStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<MigrationItemOutcome>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<WaarnemingReason>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<TaskPriority>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<AppUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(100);
            e.Property(x => x.Organisatie).HasMaxLength(100);
            e.Property(x => x.Teams).HasMaxLength(200);
        });
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditLog");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.HasIndex(x => x.CasusCode);
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.At);
            e.Property(x => x.EventCode).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(1);
            e.Property(x => x.Outcome).HasMaxLength(2);
            e.Property(x => x.Detail).HasMaxLength(200);
            e.Property(x => x.KeyId).HasMaxLength(32);
            e.Property(x => x.Node).HasMaxLength(100);
        });
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("Outbox");
            e.HasIndex(x => x.DedupKey).IsUnique();
            // The dispatcher's query: unsent messages whose next attempt is due.
            e.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        model.Entity<PromptMark>(e =>
        {
            e.ToTable("PromptMarks");
            e.HasKey(x => new { x.TaskId, x.Kind });
            e.Property(x => x.Kind).HasMaxLength(20);
        });
        model.Entity<MigrationRun>(e =>
        {
            e.ToTable("MigrationRuns");
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.StartedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.DefinitionId, x.StartedAt });
        });
        model.Entity<MigrationRunItem>(e =>
        {
            e.ToTable("MigrationRunItems");
            e.HasKey(x => new { x.RunId, x.InstanceId });
            e.Property(x => x.Message).HasMaxLength(500);
            // The runner's query: the next pending instances of a run, in id order.
            e.HasIndex(x => new { x.RunId, x.Outcome, x.InstanceId });
        });
        model.Entity<PromptCursor>(e =>
        {
            e.ToTable("PromptCursors");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(50);
        });
        model.Entity<SignInAddress>(e =>
        {
            e.ToTable("SignInAddresses");
            e.HasKey(x => new { x.UserName, x.AddressMark });
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.AddressMark).HasMaxLength(64);
            // Forgetting addresses not used for a long time.
            e.HasIndex(x => x.LastSignInAt);
        });
        model.Entity<Waarneming>(e =>
        {
            e.ToTable("Waarnemingen");
            e.Property(x => x.AbsentUser).HasMaxLength(256);
            e.Property(x => x.StandIn).HasMaxLength(256);
            e.Property(x => x.SetBy).HasMaxLength(256);
            e.Property(x => x.EndedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.EffectiveUntil);
            // Asked on every casus look and inbox of a stand-in, and for the overlap check of the absent person.
            e.HasIndex(x => new { x.StandIn, x.Until });
            e.HasIndex(x => new { x.AbsentUser, x.Until });
        });
        model.Entity<TaskNote>(e =>
        {
            e.ToTable("TaskNotes");
            e.HasKey(x => x.TaskId);
            e.Property(x => x.TaskId).ValueGeneratedNever();
            e.Property(x => x.SetBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        model.Entity<SavedInboxView>(e =>
        {
            e.ToTable("SavedInboxViews");
            e.Property(x => x.Owner).HasMaxLength(256);
            e.Property(x => x.Name).HasMaxLength(SavedInboxView.MaxName);
            e.Property(x => x.FilterJson).HasMaxLength(SavedInboxView.MaxFilter);
            e.Property(x => x.Sort).HasMaxLength(16);
            // One name per person: saving under a name one already has replaces that view.
            e.HasIndex(x => new { x.Owner, x.Name }).IsUnique();
        });
        model.Entity<FlowPublicationRequest>(e =>
        {
            e.ToTable("FlowPublicationRequests");
            // One waiting request per flow: a second offer of the same flow replaces it, or is refused.
            e.HasKey(x => x.DefinitionId);
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.DraftStamp).HasMaxLength(40);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.RequestId).IsConcurrencyToken();
        });
        model.Entity<FlowPublicationRejection>(e =>
        {
            e.ToTable("FlowPublicationRejections");
            e.HasKey(x => x.DefinitionId);
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.RejectedBy).HasMaxLength(256);
            e.Property(x => x.Reason).HasMaxLength(200);
        });
    }
}
