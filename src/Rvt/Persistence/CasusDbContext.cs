using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Rvt.Persistence;

/// <summary>
/// The RVT domain: casus, traject, Veiligheidskaart versions, maatregels. It lives in the same database
/// file as the engine but has its own tables and migration history, so the engine stays free of it.
/// </summary>
public sealed class CasusDbContext(DbContextOptions<CasusDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__CasusMigrationsHistory";

    public DbSet<NetwerkLid> Netwerk => Set<NetwerkLid>();
    public DbSet<TafelVraag> TafelVragen => Set<TafelVraag>();
    public DbSet<Casus> Casussen => Set<Casus>();
    public DbSet<Traject> Trajecten => Set<Traject>();
    public DbSet<VeiligheidskaartVersie> Veiligheidskaarten => Set<VeiligheidskaartVersie>();
    public DbSet<Involvement> Involvements => Set<Involvement>();
    public DbSet<UpgradeStep> UpgradeSteps => Set<UpgradeStep>();

    /// <summary>The id of the casus with this code, or null: what the lists of a casus's rows start from.</summary>
    public Task<Guid?> CasusIdAsync(string code, CancellationToken ct) =>
        Casussen.Where(c => c.Code == code).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.StoreTimesAsTicks();
        builder.Properties<Huishouden>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Onveiligheid>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<InvolvementKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<TrajectStatus>().HaveConversion<TrajectStatusWords>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Casus>(e =>
        {
            e.ToTable("Casussen");
            e.Property(x => x.Code).HasMaxLength(32);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.Inbrenger);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        model.Entity<NetwerkLid>(e =>
        {
            e.ToTable("Netwerk");
            e.HasIndex(x => x.CasusId);
            e.Property(x => x.Rol).HasMaxLength(NetwerkLid.MaxRolLength);
            e.Property(x => x.Bijdrage).HasMaxLength(NetwerkLid.MaxBijdrageLength);
            e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(16);
        });
        model.Entity<TafelVraag>(e =>
        {
            e.ToTable("TafelVragen");
            e.HasIndex(x => x.CasusId);
            e.Property(x => x.Vraag).HasMaxLength(TafelVraag.MaxVraagLength);
            e.Property(x => x.GesteldDoor).HasMaxLength(200);
        });
        model.Entity<Traject>(e =>
        {
            e.ToTable("Trajecten");
            e.HasIndex(x => x.CasusId).IsUnique();
            e.HasIndex(x => x.CasusCode).IsUnique();
            e.HasIndex(x => new { x.Status, x.StartedAt });
            e.HasIndex(x => x.RouteChosenAt);
            e.Property(x => x.Version).IsConcurrencyToken();
            // The columns keep the names existing databases have; the properties read in English.
            e.Property(x => x.HeaviestRoute).HasColumnName("ZwaarsteRoute");
            e.Property(x => x.ClosingReason).HasColumnName("AfsluitReden");
            e.Property(x => x.RetainUntil).HasColumnName("BewarenTot");
            e.Property(x => x.PurgedAt).HasColumnName("GeschoondOp");
        });
        model.Entity<VeiligheidskaartVersie>(e =>
        {
            e.ToTable("VeiligheidskaartVersies");
            // Two people saving "the next version" at once cannot both get the same number.
            e.HasIndex(x => new { x.CasusId, x.Nummer }).IsUnique();
            e.Ignore(x => x.Inhoud);
        });
        model.Entity<Involvement>(e =>
        {
            e.ToTable("Involvements");
            e.HasIndex(x => new { x.CasusCode, x.UserName });
            e.Property(x => x.CasusCode).HasMaxLength(32);
            e.Property(x => x.UserName).HasMaxLength(Involvement.MaxNameLength);
            e.Property(x => x.RegisteredBy).HasMaxLength(Involvement.MaxNameLength);
        });
        model.Entity<UpgradeStep>(e =>
        {
            e.ToTable("UpgradeSteps");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
        });
    }
}
