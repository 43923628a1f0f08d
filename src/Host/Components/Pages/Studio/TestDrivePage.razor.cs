using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ProcessEngine.Host.Components.Studio.TestDrive;
using ProcessEngine.Host.Features.Flows;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.TestDrive;

namespace ProcessEngine.Host.Components.Pages.Studio;

/// <summary>
/// The proefrit of a flow: the coordinator starts the newest version on a simulated clock, chooses outcomes and answers,
/// moves the clock, sends signals, and sees the timeline over months or years; the choices can be saved as a scenario in
/// the draft, which <c>-- test-flows</c> and "Alle scenario's nalopen" replay after every change. Each choice replays the
/// whole script (a few milliseconds), so a refused step is simply not added.
/// </summary>
public sealed partial class TestDrivePage
{
    [Inject] private IMediator Mediator { get; set; } = default!;
    [Inject] private UiUser Ui { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter] public string Id { get; set; } = "";

    private readonly TestDriveScript _script = new();
    private FlowDocument? _flow;
    private TestDriveResult? _result;
    private IReadOnlyList<ScenarioOutcome> _checks = [];
    private string _name = "";
    private string? _notFound, _problem, _until, _scenarioName, _scenarioDescription, _saved;
    private bool _savedOk, _interactive;
    private int _seed = 1;
    private List<BreadcrumbItem> _crumbs = [];

    private IReadOnlyList<ScenarioModel> Scenarios => FlowJson.TryParse(_flow?.Flow.GetRawText() ?? "{}", out _)?.Scenarios ?? [];

    protected override async Task OnParametersSetAsync()
    {
        if (!await ReadFlowAsync()) return;
        _crumbs = [new("Studio", href: "/studio/flows"), new("Flows", href: "/studio/flows"),
            new(_name, href: $"/studio/flows/{Uri.EscapeDataString(Id)}"), new("Proefrit", href: null, disabled: true)];
        if (Scenarios.FirstOrDefault() is { } first) _script.Load(first with { Steps = [] });
        else _script.Start = TestDriveMoment.Local(Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await RunAsync();
    }

    // Prerendered HTML shows the timeline before the buttons work; the flag tells a test (and nobody else) when they do.
    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        _interactive = true;
        StateHasChanged();
    }

    private async Task<bool> ReadFlowAsync()
    {
        var flow = await Mediator.Send(new GetFlow(Id, null));
        if (!flow.Succeeded)
        {
            _notFound = flow.Message;
            return false;
        }
        _flow = flow.Value;
        _name = _flow!.Version.Name;
        return true;
    }

    private async Task BeginAsync()
    {
        _script.Steps.Clear();
        await RunAsync();
    }

    private async Task LoadAsync(ScenarioModel scenario)
    {
        _script.Load(scenario);
        _scenarioName = scenario.Name;
        _scenarioDescription = scenario.Description;
        await RunAsync();
    }

    private Task TakeAsync(ScenarioStepModel step) => AddAsync(step);

    private Task AdvanceAsync() =>
        DateOnly.TryParse(_until, CultureInfo.InvariantCulture, out var day)
            ? AddAsync(new ScenarioStepModel { Until = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
            : Refuse("Kies de datum tot wanneer de klok loopt.");

    private Task AdvanceToAsync(DateTimeOffset moment) => AddAsync(new ScenarioStepModel { Until = TestDriveMoment.Write(moment) });

    private Task SignalAsync(string name) => AddAsync(new ScenarioStepModel { Signal = name });

    private Task RandomAsync() =>
        _result is { } result && TestDriveScript.RandomStep(result, _seed + _script.Steps.Count) is { } step ? AddAsync(step) : Task.CompletedTask;

    private async Task UndoAsync()
    {
        if (_script.Steps.Count > 0) _script.Steps.RemoveAt(_script.Steps.Count - 1);
        await RunAsync();
    }

    // A step that cannot be taken is not kept: the proefrit stays where it was and says why.
    private async Task AddAsync(ScenarioStepModel step)
    {
        _script.Steps.Add(step);
        if (!await RunAsync()) _script.Steps.RemoveAt(_script.Steps.Count - 1);
    }

    private async Task<bool> RunAsync()
    {
        _saved = null;
        var (scenario, invalid) = _script.ToScenario();
        if (scenario is null) return Refused(invalid!);
        var run = await Mediator.Send(new RunTestDrive(Id, scenario));
        if (!run.Succeeded) return Refused(run.Message ?? "De proefrit kon niet rijden.");
        if (run.Value!.Problem is { } problem && _result is not null && _script.Steps.Count > 0 && problem.Path == $"$.steps[{_script.Steps.Count - 1}]")
            return Refused(problem.Message);
        _result = run.Value;
        _problem = _result.Problem?.ToString();
        return true;
    }

    private bool Refused(string message)
    {
        _problem = message;
        return false;
    }

    private Task Refuse(string message)
    {
        _problem = message;
        return Task.CompletedTask;
    }

    private async Task SaveAsync()
    {
        var (scenario, invalid) = _script.ToScenario(_scenarioName, _scenarioDescription);
        if (scenario is null)
        {
            (_saved, _savedOk) = (invalid, false);
            return;
        }
        var saved = await Mediator.Send(new SaveScenario(Id, scenario, await Ui.GetAsync()));
        if (!saved.Succeeded)
        {
            (_saved, _savedOk) = (saved.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values) : saved.Message, false);
            return;
        }
        _flow = saved.Value;
        (_saved, _savedOk) = ($"Scenario '{scenario.Name}' opgeslagen in het concept (versie {_flow!.Version.Version}), met {_result?.Events.Count} regels als verwachting.", true);
    }

    private async Task CheckAsync()
    {
        var checks = await Mediator.Send(new CheckScenarios(Id));
        _checks = checks.Value ?? [];
    }

    private static string Dutch(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Finished => "afgerond",
        WorkflowStatus.Cancelled => "gestopt",
        WorkflowStatus.Faulted => "met een fout gestopt",
        _ => status.ToString(),
    };
}
