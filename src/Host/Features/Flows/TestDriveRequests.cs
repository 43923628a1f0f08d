using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.TestDrive;

namespace ProcessEngine.Host.Features.Flows;

/// <summary>Runs a proefrit of the flow's newest version (the draft as it stands), on the live versions of the flows it calls.</summary>
public sealed record RunTestDrive(string FlowId, ScenarioModel Scenario) : IRequest<RequestResult<TestDriveResult>>;

/// <summary>Saves a proefrit as a scenario in the flow's draft, with the timeline it produces now as what it expects.</summary>
public sealed record SaveScenario(string FlowId, ScenarioModel Scenario, CurrentUser User) : IRequest<RequestResult<FlowDocument>>;

/// <summary>Replays every saved scenario of the flow's newest version and says which no longer produce their timeline.</summary>
public sealed record CheckScenarios(string FlowId) : IRequest<RequestResult<IReadOnlyList<ScenarioOutcome>>>;

public sealed record ScenarioOutcome(string Name, bool Passed, string? Difference);

public sealed class TestDriveHandlers(IWorkflowDefinitionStore definitions, WorkflowDefinitionService service, TestDriver driver, Auditor audit) :
    IRequestHandler<RunTestDrive, RequestResult<TestDriveResult>>,
    IRequestHandler<SaveScenario, RequestResult<FlowDocument>>,
    IRequestHandler<CheckScenarios, RequestResult<IReadOnlyList<ScenarioOutcome>>>
{
    public async ValueTask<RequestResult<TestDriveResult>> Handle(RunTestDrive request, CancellationToken ct)
    {
        if (await LoadAsync(request.FlowId, ct) is not { } flows) return RequestResult<TestDriveResult>.NotFound(Missing(request.FlowId));
        return RequestResult<TestDriveResult>.Ok(await driver.RunAsync(flows.Flow.Json, flows.Others, request.Scenario, ct));
    }

    public async ValueTask<RequestResult<FlowDocument>> Handle(SaveScenario request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Scenario.Name)) return RequestResult<FlowDocument>.Invalid("name", "Geef het scenario een naam.");
        if (await LoadAsync(request.FlowId, ct) is not { } flows) return RequestResult<FlowDocument>.NotFound(Missing(request.FlowId));
        var run = await driver.RunAsync(flows.Flow.Json, flows.Others, request.Scenario, ct);
        if (run.Problem is { } problem)
            return RequestResult<FlowDocument>.Invalid(new Dictionary<string, string> { [problem.Path.TrimStart('$', '.')] = problem.Message },
                "Deze proefrit loopt niet tot het einde van zijn stappen en is niet opgeslagen.");
        var model = FlowJson.TryParse(flows.Flow.Json, out _)!;
        var scenario = request.Scenario with { Name = request.Scenario.Name.Trim(), Expected = [.. run.Lines] };
        List<ScenarioModel> scenarios = [.. (model.Scenarios ?? []).Where(s => s.Name != scenario.Name), scenario];
        var saved = await service.SaveDraftAsync(FlowJson.Serialize(model with { Scenarios = scenarios }), record =>
            audit.Line(request.User, "flow.scenario", AuditAction.Update, Auditor.PurposeManagement, detail: $"{record.DefinitionId} v{record.Version}: {scenario.Name}"), ct);
        if (!saved.Succeeded) return RequestResult<FlowDocument>.Invalid(saved.Errors.ToDictionary(e => e.Path, e => e.Message), "Het concept is niet opgeslagen.");
        return RequestResult<FlowDocument>.Ok(FlowHandlers.Document(saved.Record!, saved.Errors));
    }

    public async ValueTask<RequestResult<IReadOnlyList<ScenarioOutcome>>> Handle(CheckScenarios request, CancellationToken ct)
    {
        if (await LoadAsync(request.FlowId, ct) is not { } flows) return RequestResult<IReadOnlyList<ScenarioOutcome>>.NotFound(Missing(request.FlowId));
        var outcomes = new List<ScenarioOutcome>();
        foreach (var scenario in FlowJson.TryParse(flows.Flow.Json, out _)?.Scenarios ?? [])
        {
            var difference = ScenarioCheck.FirstDifference(scenario.Expected ?? [], await driver.RunAsync(flows.Flow.Json, flows.Others, scenario, ct));
            outcomes.Add(new(scenario.Name ?? "", difference is null, difference));
        }
        return RequestResult<IReadOnlyList<ScenarioOutcome>>.Ok(outcomes);
    }

    private static string Missing(string id) => $"Flow '{id}' bestaat niet.";

    private sealed record FlowSet(WorkflowDefinitionRecord Flow, IReadOnlyList<string> Others);

    // The flow under test as a coordinator left it; what it calls, as new instances would run it now.
    private async Task<FlowSet?> LoadAsync(string flowId, CancellationToken ct)
    {
        if (await definitions.FindLatestAsync(flowId, ct) is not { } flow) return null;
        var others = new List<string>();
        foreach (var latest in await definitions.ListLatestAsync(ct))
            if (latest.DefinitionId != flowId && await definitions.FindLiveAsync(latest.DefinitionId, ct) is { } live) others.Add(live.Json);
        return new FlowSet(flow, others);
    }
}
