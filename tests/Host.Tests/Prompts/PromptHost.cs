using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Host.Prompts;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.HostStore.Mail;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Prompts;

/// <summary>
/// The real host with a clock the test moves, its prompts sent to a <see cref="LoopbackSmtpServer"/>, and no
/// Hangfire server: the test runs the prompt jobs itself (DESIGN section 10). <see cref="LoseTaskCreated"/>
/// drops the engine's TaskCreated notifications, as a crash between the commit and the handlers would.
/// </summary>
public sealed class PromptHost(params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    public const string BaseUrl = "https://processengine.example.org";

    /// <summary>Monday 2 March 2026, 10:00 in Amsterdam.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "processengine-tests", $"prompts-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = new(Monday);
    public LoopbackSmtpServer Smtp { get; } = LoopbackSmtpServer.Start();
    public bool LoseTaskCreated { get; set; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task<int> DispatchAsync() => Get<OutboxDispatcher>().RunAsync(CancellationToken.None);
    public Task<int> SweepAsync() => Get<CreatedPromptSweep>().RunAsync(CancellationToken.None);
    public Task<int> ScanDueAsync() => Get<DuePromptScan>().RunAsync(CancellationToken.None);

    /// <summary>Brings in a casus as prof1; the traject gives its triage (or, when acute, its spoedadvies) to the RVT chairs. Returns the casus code.</summary>
    public async Task<string> RegisterIntakeAsync(Onveiligheid onveiligheid = Onveiligheid.Structureel)
    {
        var result = await Get<TrajectService>().RegisterIntakeAsync(new CasusIntake
        {
            Organisatie = "Veilig Thuis", Hulpvraag = "Zorgen over huiselijk geweld", Huishouden = Huishouden.GezinMetKinderen,
            Onveiligheid = onveiligheid, GezinWeetVanAanmelding = true,
        }, "prof1");
        return result.Value!.CasusCode;
    }

    /// <summary>
    /// Triage sends a new casus to the table; the inbrenger prof1 gets the preparation, due five working days later
    /// (<see cref="Monday"/> + 7 days). The creation prompts are sent and forgotten, so the mailbox holds only what follows.
    /// </summary>
    public async Task<(string Code, UserTask Task)> PreparationTaskAsync()
    {
        var code = await RegisterIntakeAsync();
        var triage = await OpenTaskAsync(code, "Triage nieuwe aanmelding");
        await Get<WorkflowRuntime>().CompleteTaskAsync(triage.Id, "Bespreking",
            new Dictionary<string, object?> { ["tafeldatum"] = "2026-03-12" }, "voorzitter");
        var task = await OpenTaskAsync(code, "Bespreking aan de RVT-tafel voorbereiden");
        await DispatchAsync();
        Smtp.Clear();
        return (code, task);
    }

    public async Task<UserTask> OpenTaskAsync(string casus, string title) =>
        Assert.Single(await Get<IWorkflowStore>().FindOpenTasksAsync(new TaskQuery(CorrelationId: casus)), t => t.Title == title);

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = await Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().OrderBy(o => o.DedupKey).ToListAsync();
    }

    /// <summary>Removes every prompt row and mark, as if the tasks had been stored without them.</summary>
    public async Task ForgetPromptsAsync()
    {
        await using var db = await Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        await db.Outbox.ExecuteDeleteAsync();
        await db.PromptMarks.ExecuteDeleteAsync();
    }

    public async Task AddUserAsync(string userName, string? email, string[] roles, string teams = "")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, Email = email, DisplayName = userName, Teams = teams };
        Assert.True((await users.CreateAsync(user, "Test-wachtwoord-2026")).Succeeded);
        if (roles.Length > 0) Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        builder.UseEnvironment("Development");
        builder.UseSetting("Accounts:CreateDemoAccounts", "true");
        builder.UseSetting("SignIn:Limits:PerAddress", "100000");
        builder.UseSetting("SignIn:Limits:PerUserName", "100000");
        builder.UseSetting("ConnectionStrings:ProcessEngine", $"Data Source={_databasePath}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Prompts:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Prompts:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The loopback server speaks plain SMTP, as a relay on the same machine would; a test may ask for TLS again.
        builder.UseSetting("Prompts:Smtp:Security", "None");
        builder.UseSetting("Prompts:Smtp:Timeout", "00:00:05");
        builder.UseSetting("Prompts:BaseUrl", BaseUrl);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.WithoutHangfireServer();
            services.AddSingleton(sp => new NotificationDispatcher(new CrashablePublisher(sp.GetRequiredService<IPublisher>(), this),
                sp.GetRequiredService<ILogger<NotificationDispatcher>>()));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }


    /// <summary>Passes notifications on, except TaskCreated while the host is told to lose it.</summary>
    private sealed class CrashablePublisher(IPublisher inner, PromptHost host) : IPublisher
    {
        public ValueTask Publish<TNotification>(TNotification notification, CancellationToken ct = default) where TNotification : INotification =>
            Lost(notification) ? ValueTask.CompletedTask : inner.Publish(notification, ct);

        public ValueTask Publish(object notification, CancellationToken ct = default) =>
            Lost(notification) ? ValueTask.CompletedTask : inner.Publish(notification, ct);

        private bool Lost(object notification) => host.LoseTaskCreated && notification is TaskCreated;
    }
}
