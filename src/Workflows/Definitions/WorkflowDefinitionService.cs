using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Validation;

namespace ProcessEngine.Workflows.Definitions;

/// <summary>
/// Drafts, publishing and versions. A draft may hold errors (a coordinator saves work in progress); a
/// flow with errors is never published. Publishing freezes the draft as version N and makes it the one
/// new instances start on; running instances stay on the version they started with.
/// </summary>
public sealed class WorkflowDefinitionService(IWorkflowDefinitionStore store, FlowCompiler compiler, TimeProvider clock)
{
    /// <summary>Saves the flow as the draft: overwrites an existing draft, or adds the next version after a published one.</summary>
    public async Task<DefinitionResult> SaveDraftAsync(string json, CancellationToken ct = default)
    {
        var compiled = compiler.Compile(json);
        if (compiled.Model is not { Id: { Length: > 0 } id } model)
            return DefinitionResult.Failed(compiled.Errors.Count > 0 ? compiled.Errors : [new FlowError("$.id", "required: the flow needs an id")]);
        var now = clock.GetUtcNow();
        var latest = await store.FindLatestAsync(id, ct);
        var version = latest is { IsDraft: true } ? latest.Version : (latest?.Version ?? 0) + 1;
        var text = FlowJson.Serialize(model with { Version = version });
        var name = model.Name ?? id;
        if (latest is { IsDraft: true })
        {
            latest.UpdateDraft(name, text, now);
            await store.SaveAsync([], [latest], ct);
            return new DefinitionResult(true, latest, compiled.Errors);
        }
        var draft = WorkflowDefinitionRecord.CreateDraft(id, version, name, text, now);
        await store.SaveAsync([draft], [], ct);
        return new DefinitionResult(true, draft, compiled.Errors);
    }

    /// <summary>Publishes the draft of a flow; refused, with every error, while the draft does not validate.</summary>
    public async Task<DefinitionResult> PublishAsync(string definitionId, CancellationToken ct = default)
    {
        var latest = await store.FindLatestAsync(definitionId, ct);
        if (latest is null) return DefinitionResult.Failed([new FlowError("$.id", $"no flow '{definitionId}'")]);
        if (latest.IsPublished) return new DefinitionResult(true, latest, []);
        var compiled = compiler.Compile(latest.Json, latest.Version);
        if (!compiled.IsValid) return new DefinitionResult(false, latest, compiled.Errors);
        var live = await store.FindLiveAsync(definitionId, ct);
        live?.Retire();
        latest.Publish(clock.GetUtcNow());
        await store.SaveAsync([], live is null ? [latest] : [live, latest], ct);
        return new DefinitionResult(true, latest, []);
    }

    /// <summary>Saves and publishes in one go (import of a finished flow file).</summary>
    public async Task<DefinitionResult> ImportAsync(string json, CancellationToken ct = default)
    {
        var saved = await SaveDraftAsync(json, ct);
        if (!saved.Succeeded) return saved;
        if (saved.Errors.Count > 0) return saved with { Succeeded = false };
        return await PublishAsync(saved.Record!.DefinitionId, ct);
    }

    /// <summary>Imports a shipped flow only when no version of it exists yet, so coordinators' later versions are never overwritten.</summary>
    public async Task<DefinitionResult> ImportIfAbsentAsync(string json, CancellationToken ct = default)
    {
        var model = FlowJson.TryParse(json, out var error);
        if (model?.Id is not { Length: > 0 } id) return DefinitionResult.Failed([error ?? new FlowError("$.id", "required")]);
        var existing = await store.FindLatestAsync(id, ct);
        return existing is not null ? new DefinitionResult(true, existing, []) : await ImportAsync(json, ct);
    }
}

public sealed record DefinitionResult(bool Succeeded, WorkflowDefinitionRecord? Record, IReadOnlyList<FlowError> Errors)
{
    public static DefinitionResult Failed(IReadOnlyList<FlowError> errors) => new(false, null, errors);
}
