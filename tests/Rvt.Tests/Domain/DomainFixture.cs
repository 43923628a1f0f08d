using ProcessEngine.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.EntityFramework;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Rvt.Tests.Domain;

/// <summary>The RVT domain and the engine on one real SQLite file, with a small stand-in traject flow and the shipped maatregel flow.</summary>
public sealed class DomainFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DomainFixture(ServiceProvider services, FakeTimeProvider clock)
    {
        _services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }
    public TrajectService Trajecten => _services.GetRequiredService<TrajectService>();
    public VeiligheidskaartService Kaarten => _services.GetRequiredService<VeiligheidskaartService>();
    public MaatregelService Maatregelen => _services.GetRequiredService<MaatregelService>();
    public IWorkflowStore Engine => _services.GetRequiredService<IWorkflowStore>();
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public RetentionService Retention => _services.GetRequiredService<RetentionService>();
    public NetwerkService Netwerk => _services.GetRequiredService<NetwerkService>();
    public TafelVragenService TafelVragen => _services.GetRequiredService<TafelVragenService>();

    public static async Task<DomainFixture> StartAsync()
    {
        var services = new ServiceCollection();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddMediator();
        services.AddWorkflowEngine(r => r.AddRvtActivities());
        services.AddSingleton<ITimerScheduler, RecordingScheduler>();
        var folder = Path.Combine(Path.GetTempPath(), "processengine-tests");
        Directory.CreateDirectory(folder);
        // One file for both, as the host has it: a new casus and its flow commit in one transaction of the engine's writer.
        var database = $"Data Source={Path.Combine(folder, $"domain-{Guid.NewGuid():N}.db")}";
        services.AddSqliteWorkflowStore(database);
        services.AddRvtDomain(database);
        var provider = services.BuildServiceProvider();
        await provider.MigrateWorkflowDatabaseAsync();
        await provider.MigrateRvtDomainAsync();
        var definitions = provider.GetRequiredService<WorkflowDefinitionService>();
        foreach (var flow in new[] { TrajectFlow, ShippedMaatregelFlow })
            Assert.True((await definitions.ImportAsync(flow)).Succeeded);
        return new DomainFixture(provider, clock);
    }

    private const string TrajectFlow = """
        { "id": "rvt-traject", "name": "Traject (test)",
          "activities": [
            { "id": "telling", "type": "RecordFact", "inputs": { "fact": "aanmelding", "dimensions": { "expression": "({ huishouden: input.huishouden })" } } },
            { "id": "triage", "type": "HumanTask", "inputs": { "title": "Triage", "candidateGroup": "RvtChair",
                "form": [ { "name": "notitie", "label": "Notitie" } ] } },
            { "id": "route", "type": "SetVariable", "inputs": { "variable": "zwaarsteRoute", "value": "netwerkberaad" } } ],
          "connections": [ { "source": "telling", "target": "triage" }, { "source": "triage", "outcome": "Afgerond", "target": "route" } ] }
        """;

    private static string ShippedMaatregelFlow =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows-json", "rvt-maatregel.json"));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
