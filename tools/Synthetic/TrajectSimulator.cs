using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Persistence.Copying;
using ProcessEngine.Workflows.Persistence.InMemory;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.TestDrive;

namespace ProcessEngine.Synthetic;

/// <summary>One simulated traject: what the engine stored for it and the intake it began with.</summary>
public sealed record SimulatedTraject(InstanceGraph Graph, CasusIntake Intake, string Inbrenger, DateTimeOffset Start, bool Faulted);

/// <summary>
/// Runs the shipped RVT flows in the real engine (in memory, on a simulated clock): a traject is
/// registered, its tasks are completed one after another with random outcomes and valid answers after a
/// realistic delay (mostly within the due period, sometimes far beyond), and timers fire as the clock
/// passes them, until the traject ends or the clock reaches "now". What remains open then is what a
/// region would have open: tasks, some overdue, some stuck, maatregel timers. For a faulted traject the
/// last step runs in an engine whose expression limits are too tight, so the next expression fails as
/// a real incident, which a retry in the real host then resolves.
/// </summary>
public sealed class TrajectSimulator : IAsyncDisposable
{
    private const int MaxSteps = 80;
    private static readonly string[] Professionals = ["prof1", "prof2"];
    private static readonly string[] Organisaties = ["CJG", "Veilig Thuis", "Wijkteam", "Jeugdarts GGD", "Onderwijs"];

    private readonly ServiceProvider _services;
    private readonly ServiceProvider _strict;
    private readonly SimulatedClock _clock;
    private readonly InMemoryWorkflowStore _store;
    private int _count;

    private TrajectSimulator(ServiceProvider services, ServiceProvider strict, SimulatedClock clock, InMemoryWorkflowStore store)
    {
        _store = store;
        _services = services;
        _strict = strict;
        _clock = clock;
    }

    private WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    /// <summary>An engine with these flows (their JSON as stored in the target database) loaded and live.</summary>
    public static async Task<TrajectSimulator> CreateAsync(IEnumerable<string> flows, CancellationToken ct = default)
    {
        var clock = new SimulatedClock(DateTimeOffset.UnixEpoch);
        var store = new InMemoryWorkflowStore();
        var definitions = new InMemoryWorkflowDefinitionStore();
        var services = Engine(clock, store, definitions, null);
        var strict = Engine(clock, store, definitions, new ExpressionOptions { Timeout = TimeSpan.FromTicks(1), MemoryLimitBytes = 1 });
        var simulator = new TrajectSimulator(services, strict, clock, store);
        foreach (var flow in flows)
        {
            var imported = await services.GetRequiredService<WorkflowDefinitionService>().ImportAsync(flow, ct: ct);
            if (!imported.Succeeded)
                throw new InvalidOperationException("A flow could not be loaded for the simulation: " + string.Join("; ", imported.Errors.Select(e => e.ToString())));
        }
        return simulator;
    }

    private static ServiceProvider Engine(SimulatedClock clock, InMemoryWorkflowStore store, InMemoryWorkflowDefinitionStore definitions,
        ExpressionOptions? limits) => SimulatedEngine.Create(clock, store, definitions, r => r.AddRvtActivities(), limits);

    /// <summary>Simulates one traject registered at <paramref name="start"/>, up to <paramref name="until"/> at the latest.</summary>
    public async Task<SimulatedTraject> RunAsync(DateTimeOffset start, DateTimeOffset until, Random random, bool fault = false,
        CancellationToken ct = default)
    {
        _store.Clear();
        _clock.Now = start;
        var code = $"SIM-{++_count:D8}";
        var intake = new CasusIntake
        {
            Organisatie = Organisaties[random.Next(Organisaties.Length)],
            Hulpvraag = "Zorgen om de veiligheid; advies gevraagd.",
            Huishouden = random.NextDouble() < 0.85 ? Huishouden.GezinMetKinderen : Huishouden.HuishoudenZonderKinderen,
            Onveiligheid = random.NextDouble() < 0.1 ? Onveiligheid.Acuut : Onveiligheid.Structureel,
            AnalyseAanwezig = random.NextDouble() < 0.6,
            VeiligheidskaartAanwezig = random.NextDouble() < 0.4,
            GezinWeetVanAanmelding = random.NextDouble() < 0.9,
            // The draaideur: about one family in eight was brought in within the past year.
            EerderIngebracht = random.NextDouble() switch
            {
                < 0.125 => EerderIngebracht.BinnenTwaalfMaanden,
                < 0.2 => EerderIngebracht.LangerGeleden,
                < 0.7 => EerderIngebracht.Nee,
                _ => EerderIngebracht.Onbekend,
            },
        };
        var inbrenger = Professionals[random.Next(Professionals.Length)];
        await Runtime.StartAsync(new RvtFlowOptions().TrajectFlow, TrajectInput.For(intake, inbrenger), code, ct: ct);
        var faulted = false;
        for (var step = 0; step < MaxSteps; step++)
        {
            await Runtime.FireDueTimersAsync(ct);
            // Ordered by what the flow decides (not by the random part of the ids), so a seed gives the same shapes.
            var open = (await _store.GetTasksAsync(code, ct)).Where(t => t.Status == UserTaskStatus.Open)
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.ActivityId, StringComparer.Ordinal).ToList();
            var timer = (await _store.FindPendingTimersAsync(_clock.Now, Guid.Empty, 1, ct)).FirstOrDefault();
            if (open.Count == 0)
            {
                if (timer?.DueAt is not { } due || due > until) break;
                _clock.Now = due;
                continue;
            }
            var task = open[random.Next(open.Count)];
            var doneAt = Max(_clock.Now, task.CreatedAt + Delay(task, random));
            if (timer?.DueAt is { } timerDue && timerDue < doneAt)
            {
                if (timerDue > until) break;
                _clock.Now = timerDue;
                continue;
            }
            if (doneAt > until) break;
            // Now and then the holder takes time on purpose first (bewust vertragen), as the proeftuinen ask.
            if (task.SlowedUntil is null && random.NextDouble() < 0.05)
            {
                await Runtime.SlowTaskAsync(task.Id, _clock.Now.AddDays(14), "Eerst het gesprek met het gezin afwachten.", task.Assignee ?? "voorzitter", ct: ct);
                continue;
            }
            _clock.Now = doneAt;
            var last = fault && step > 2 && random.NextDouble() < 0.3;
            if (!await CompleteAsync(last ? _strict.GetRequiredService<WorkflowRuntime>() : Runtime, task, random, ct)) break;
            if (last && (await _store.FindInstancesByCorrelationAsync(code, ct)).Any(i => i.Status == WorkflowStatus.Faulted))
            {
                faulted = true;
                break;
            }
        }
        return new SimulatedTraject(_store.Capture(code), intake, inbrenger, start, faulted);
    }

    /// <summary>Completes a task with a random outcome and valid answers; a refused form is answered again (a few times).</summary>
    private async Task<bool> CompleteAsync(WorkflowRuntime runtime, UserTask task, Random random, CancellationToken ct)
    {
        var outcomes = task.Outcomes;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var outcome = outcomes.Count == 0 ? "Afgerond" : outcomes[random.Next(outcomes.Count)];
            var result = await runtime.CompleteTaskAsync(task.Id, outcome, SyntheticAnswers.For(task.Form, _clock.Now, random, complete: attempt > 0), task.Assignee ?? "voorzitter", ct: ct);
            if (result.Outcome == ResumeOutcome.Resumed) return true;
            if (result.FieldErrors is null) return false;
        }
        return false;
    }

    // Most work is done within its due period; one task in eight lies far beyond it (overdue, and stuck when long enough).
    private static TimeSpan Delay(UserTask task, Random random)
    {
        var period = task.DueAt is { } due && due > task.CreatedAt ? due - task.CreatedAt : TimeSpan.FromDays(7);
        var factor = random.NextDouble() < 0.875 ? 0.1 + random.NextDouble() : 1.5 + random.NextDouble() * 8;
        return TimeSpan.FromTicks((long)(period.Ticks * factor));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _strict.DisposeAsync();
    }
}
