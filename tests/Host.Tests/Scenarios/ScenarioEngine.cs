using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// The real host (its wiring, its SQLite file, the shipped flows it imports and publishes at start-up)
/// with a clock the test moves. Hangfire's server is left out: timers fire only when the test calls the
/// engine's due-timer entry point, never by waiting for Hangfire's poller (DESIGN section 10).
/// </summary>
public sealed class ScenarioEngine : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 10:00 in Amsterdam (CET, UTC+1).</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ScenarioHost _host;

    private ScenarioEngine(ScenarioHost host) => _host = host;

    public FakeTimeProvider Clock => _host.Clock;
    public WorkflowRuntime Runtime => _host.Services.GetRequiredService<WorkflowRuntime>();
    public IWorkflowStore Store => _host.Services.GetRequiredService<IWorkflowStore>();
    public IServiceProvider Services => _host.Services;
    /// <summary>The SQLite file the host runs on (a test that makes the database refuse something opens it).</summary>
    public string DatabasePath => _host.DatabasePath;

    public static ScenarioEngine Start(DateTimeOffset? at = null)
    {
        var host = new ScenarioHost(new FakeTimeProvider(at ?? Monday));
        _ = host.Services; // starts the host: migrates the database and publishes every shipped flow
        return new ScenarioEngine(host);
    }

    /// <summary>Moves the clock to <paramref name="moment"/> and fires every timer due by then; returns how many fired.</summary>
    public Task<int> MoveToAsync(DateTimeOffset moment)
    {
        Clock.SetUtcNow(moment);
        return Runtime.FireDueTimersAsync();
    }

    public Task<int> AdvanceAsync(TimeSpan by) => MoveToAsync(Clock.GetUtcNow() + by);

    public async Task<IReadOnlyList<UserTask>> OpenTasksAsync(string casus) =>
        await Store.FindOpenTasksAsync(new TaskQuery(CorrelationId: casus));

    /// <summary>The one open task with this title on the casus.</summary>
    public async Task<UserTask> TaskAsync(string casus, string title)
    {
        var open = await OpenTasksAsync(casus);
        var matching = open.Where(t => t.Title == title).ToList();
        Assert.True(matching.Count == 1,
            $"expected one open task '{title}' on {casus}; open: {string.Join(" | ", open.Select(t => t.Title))}");
        return matching[0];
    }

    /// <summary>Completes the one open task with this title and checks that the engine took it.</summary>
    public async Task<UserTask> CompleteAsync(string casus, string title, string outcome,
        IReadOnlyDictionary<string, object?>? data = null, string user = "prof1")
    {
        var task = await TaskAsync(casus, title);
        var result = await Runtime.CompleteTaskAsync(task.Id, outcome, data ?? new Dictionary<string, object?>(), user);
        Assert.True(result.Outcome == ResumeOutcome.Resumed, $"'{title}' → {outcome}: {result.Outcome} {result.Message}");
        return task;
    }

    /// <summary>The newest instance of a flow on the casus (the traject, or one of its subflows).</summary>
    public async Task<WorkflowInstance> InstanceAsync(string casus, string definitionId)
    {
        var instances = await Store.FindInstancesByCorrelationAsync(casus);
        return instances.Where(i => i.DefinitionId == definitionId).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Last();
    }

    public async Task<IReadOnlyList<Bookmark>> TimersAsync(Guid instanceId) =>
        [.. (await Store.GetBookmarksAsync(instanceId)).Where(b => b.Kind == BookmarkKind.Timer)];

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private sealed class ScenarioHost(FakeTimeProvider clock) : WebApplicationFactory<Program>
    {
        public FakeTimeProvider Clock { get; } = clock;
        public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "processengine-tests", $"scenario-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:ProcessEngine", $"Data Source={DatabasePath}");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Scenarios drive the engine directly; nobody signs in, so the demo accounts' password hashing is skipped.
            builder.UseSetting("Accounts:CreateDemoAccounts", "false");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.WithoutHangfireServer();
            });
        }

    }
}
