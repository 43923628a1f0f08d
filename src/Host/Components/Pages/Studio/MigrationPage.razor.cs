using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ProcessEngine.Host.Components.Studio;
using ProcessEngine.Host.Components.Studio.Migration;
using ProcessEngine.Host.Features.Flows;
using ProcessEngine.Host.Features.Migrations;
using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Host.Components.Pages.Studio;

/// <summary>
/// The coordinator's page for moving running trajecten of one flow to another version: the plan is checked by the engine
/// after every change, previewed on request, and run with a reason. Every change of the plan drops the preview, so what is
/// started is always what was last previewed.
/// </summary>
public sealed partial class MigrationPage
{
    [Inject] private IMediator Mediator { get; set; } = default!;
    [Inject] private ActivityRegistry Registry { get; set; } = default!;
    [Inject] private UiUser Ui { get; set; } = default!;

    [Parameter] public string Id { get; set; } = "";

    private readonly Dictionary<int, JsonElement> _documents = [];
    private readonly Dictionary<int, CanvasModel> _flows = [];
    // The trajecten ticked in the preview; none ticked moves every movable one the preview showed.
    private readonly HashSet<Guid> _selected = [];
    private MigrationSourcesView? _sources;
    private MigrationDraft? _draft;
    private MigrationPreviewView? _preview;
    private IReadOnlyList<MigrationRunView> _runs = [];
    private Guid? _runId;
    private string _name = "";
    private string? _notFound, _reason, _reasonError, _startError;
    private bool _previewing, _starting;
    private int _checks;
    private List<BreadcrumbItem> _crumbs = [];

    private bool CanPreview => RendererInfo.IsInteractive && _draft is { Verdict: null, Sources.Count: > 0 } && !_previewing && !_starting;
    private bool CanStart => _preview is { Movable: > 0 } && !string.IsNullOrWhiteSpace(_reason) && !_starting;
    private int ToMove => _selected.Count > 0 ? _selected.Count : _preview?.Movable ?? 0;

    private IReadOnlyDictionary<string, string> TargetNames =>
        _draft?.TargetFlow?.Activities.ToDictionary(a => a.Id, a => a.Label) ?? new Dictionary<string, string>();

    protected override async Task OnParametersSetAsync()
    {
        var flow = await Mediator.Send(new GetFlow(Id, null));
        _name = flow.Value?.Version.Name ?? Id;
        _crumbs = [new("Studio", href: "/studio/flows"), new("Flows", href: "/studio/flows"),
            new(_name, href: $"/studio/flows/{Uri.EscapeDataString(Id)}"), new("Verplaatsen", href: null, disabled: true)];
        var sources = await Mediator.Send(new GetMigrationSources(Id));
        if (!sources.Succeeded)
        {
            _notFound = sources.Message ?? $"Flow '{Id}' bestaat niet.";
            return;
        }
        _sources = sources.Value!;
        // The live version is where new trajecten start, so that is where running ones usually go; from every other version that still has some.
        var target = _sources.LiveVersion ?? _sources.Versions.Select(v => v.Version).DefaultIfEmpty().Max();
        _draft = new MigrationDraft(Registry) { Target = target };
        _draft.Sources.AddRange(_sources.Versions.Where(v => v.Version != target && v.Running > 0).Select(v => v.Version));
        _runs = (await Mediator.Send(new ListMigrationRuns(Id))).Value ?? [];
        await RebuildAsync();
    }

    private async Task ToggleSourceAsync((int Version, bool On) change)
    {
        _draft!.Sources.Remove(change.Version);
        if (change.On) _draft.Sources.Add(change.Version);
        await RebuildAsync();
    }

    private async Task ChangeTargetAsync(int target)
    {
        _draft!.Target = target;
        _draft.Sources.Remove(target);
        await RebuildAsync();
    }

    /// <summary>A plan file replaces the plan: its versions, then rows from the engine's defaults with the file's mappings on them.</summary>
    private async Task<string?> LoadPlanAsync(MigrationInput plan)
    {
        if (MigrationPlanFile.VersionProblem(plan, _sources!) is { } problem) return problem;
        _draft!.Reset();
        _draft.Target = plan.TargetVersion ?? _draft.Target;
        _draft.Sources.Clear();
        _draft.Sources.AddRange(plan.SourceVersions!.Distinct());
        _draft.Children.AddRange(plan.Children ?? []);
        await RebuildAsync(() => MigrationPlanFile.Distribute(_draft, plan));
        // The upload's event re-renders the upload only; the whole plan changed, so the page draws itself again.
        StateHasChanged();
        return null;
    }

    // New versions mean new rows: the flows they need are read once and kept for the page's life.
    private async Task RebuildAsync(Action? then = null)
    {
        foreach (var version in _draft!.Sources.Append(_draft.Target).Where(v => !_documents.ContainsKey(v)).ToList())
            if ((await Mediator.Send(new GetFlow(Id, version))).Value is { } document)
            {
                _documents[version] = document.Flow;
                _flows[version] = CanvasModel.From(document.Flow, Registry);
            }
        _draft.Rebuild(_flows);
        then?.Invoke();
        await CheckAsync();
    }

    /// <summary>The engine's verdict on the plan as it stands; an answer to an older plan (the coordinator kept clicking) is dropped.</summary>
    private async Task CheckAsync()
    {
        (_preview, _startError) = (null, null);
        _selected.Clear();
        var check = ++_checks;
        var result = await Mediator.Send(new CheckMigrationPlan(Id, _draft!.ToInput()));
        if (check == _checks) _draft.Apply(result, result.Value?.Mappings);
    }

    private async Task PreviewAsync()
    {
        _previewing = true;
        try
        {
            var check = ++_checks;
            var result = await Mediator.Send(new PreviewMigration(Id, _draft!.ToInput(), await Ui.GetAsync()));
            if (check != _checks) return;
            _draft.Apply(result);
            _preview = result.Value;
            _selected.Clear();
        }
        finally
        {
            _previewing = false;
        }
    }

    private async Task StartAsync()
    {
        _reasonError = string.IsNullOrWhiteSpace(_reason) ? "Geef de reden van het verplaatsen." : null;
        if (_reasonError is not null) return;
        _starting = true;
        try
        {
            var result = await Mediator.Send(new StartMigrationRun(Id, _draft!.ToInput(_reason, [.. _selected]), await Ui.GetAsync()));
            if (result.Succeeded)
            {
                (_runId, _preview, _reason, _startError) = (result.Value!.Id, null, null, null);
                _selected.Clear();
                _runs = (await Mediator.Send(new ListMigrationRuns(Id))).Value ?? [];
                return;
            }
            _reasonError = result.Errors?.GetValueOrDefault("reason");
            _startError = result.Message;
            // The plan no longer checks (a version or a flow changed meanwhile): its problems go where they belong.
            if (result.Errors?.Keys.Any(k => k != "reason") == true)
            {
                _draft.Apply(result);
                _preview = null;
            }
        }
        finally
        {
            _starting = false;
        }
    }

    // Trajecten moved: the counts per version and the list of runs are read again; the plan stays as it was.
    private async Task RunStoppedAsync(MigrationRunView _)
    {
        if ((await Mediator.Send(new GetMigrationSources(Id))).Value is { } sources) _sources = sources;
        _runs = (await Mediator.Send(new ListMigrationRuns(Id))).Value ?? [];
    }
}
