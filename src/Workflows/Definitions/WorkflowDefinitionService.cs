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
    /// <param name="alongside">Given the record as it will be stored: what the caller commits with it (its audit line).</param>
    /// <param name="basedOn">The <see cref="WorkflowDefinitionRecord.Stamp"/> of the version the editor loaded; when the flow's newest
    /// version has another, someone saved since and nothing is stored (<see cref="DefinitionResult.Conflict"/>). Null: last save wins.</param>
    public async Task<DefinitionResult> SaveDraftAsync(string json, Func<WorkflowDefinitionRecord, IUnitOfWorkPart?>? alongside = null,
        CancellationToken ct = default, string? basedOn = null) =>
        await SaveDraftAsync(json, WorkflowDefinitionRecord.StudioOrigin, alongside, ct, basedOn);

    private async Task<DefinitionResult> SaveDraftAsync(string json, string origin, Func<WorkflowDefinitionRecord, IUnitOfWorkPart?>? alongside,
        CancellationToken ct, string? basedOn = null)
    {
        var compiled = compiler.Compile(json);
        if (compiled.Model is not { Id: { Length: > 0 } id } model)
            return DefinitionResult.Failed(compiled.Errors.Count > 0 ? compiled.Errors : [new FlowError("$.id", "required: the flow needs an id")]);
        var now = clock.GetUtcNow();
        var latest = await store.FindLatestAsync(id, ct);
        if (basedOn is not null && latest is not null && latest.Stamp != basedOn)
            return new DefinitionResult(false, latest, []) { Conflict = true };
        var version = latest is { IsDraft: true } ? latest.Version : (latest?.Version ?? 0) + 1;
        var text = FlowJson.Serialize(model with { Version = version });
        var name = model.Name ?? id;
        if (latest is { IsDraft: true })
        {
            latest.UpdateDraft(name, text, now, origin);
            await store.SaveAsync([], [latest], alongside?.Invoke(latest), ct);
            return new DefinitionResult(true, latest, compiled.Errors);
        }
        var draft = WorkflowDefinitionRecord.CreateDraft(id, version, name, text, now, origin);
        await store.SaveAsync([draft], [], alongside?.Invoke(draft), ct);
        return new DefinitionResult(true, draft, compiled.Errors);
    }

    /// <summary>Publishes the draft of a flow; refused, with every error, while the draft does not validate.</summary>
    /// <param name="expectedStamp">The <see cref="WorkflowDefinitionRecord.Stamp"/> of the draft that was approved for publication: when the
    /// newest version has another (saved since, or already published), nothing is published (<see cref="DefinitionResult.Conflict"/>).</param>
    public async Task<DefinitionResult> PublishAsync(string definitionId, Func<WorkflowDefinitionRecord, IUnitOfWorkPart?>? alongside = null,
        CancellationToken ct = default, string? expectedStamp = null)
    {
        var latest = await store.FindLatestAsync(definitionId, ct);
        if (latest is null) return DefinitionResult.Failed([new FlowError("$.id", $"no flow '{definitionId}'")]);
        if (expectedStamp is not null && (latest.Stamp != expectedStamp || latest.IsPublished))
            return new DefinitionResult(false, latest, []) { Conflict = true };
        if (latest.IsPublished) return new DefinitionResult(true, latest, []);
        var compiled = compiler.Compile(latest.Json, latest.Version);
        if (!compiled.IsValid) return new DefinitionResult(false, latest, compiled.Errors);
        var live = await store.FindLiveAsync(definitionId, ct);
        live?.Retire();
        latest.Publish(clock.GetUtcNow());
        await store.SaveAsync([], live is null ? [latest] : [live, latest], alongside?.Invoke(latest), ct);
        return new DefinitionResult(true, latest, []);
    }

    /// <summary>Saves and publishes in one go (import of a finished flow file); <paramref name="alongside"/> commits with the publication.</summary>
    /// <remarks>For the installer's files, tools and tests: the host's studio and API import only a draft, and publish it after a second
    /// coordinator's approval (four eyes), through <see cref="SaveDraftAsync(string, Func{WorkflowDefinitionRecord, IUnitOfWorkPart?}?, CancellationToken, string?)"/>
    /// and <see cref="PublishAsync"/>.</remarks>
    public Task<DefinitionResult> ImportAsync(string json, Func<WorkflowDefinitionRecord, IUnitOfWorkPart?>? alongside = null, CancellationToken ct = default) =>
        ImportAsync(json, WorkflowDefinitionRecord.StudioOrigin, alongside, ct);

    private async Task<DefinitionResult> ImportAsync(string json, string origin, Func<WorkflowDefinitionRecord, IUnitOfWorkPart?>? alongside,
        CancellationToken ct)
    {
        var saved = await SaveDraftAsync(json, origin, null, ct);
        if (!saved.Succeeded) return saved;
        if (saved.Errors.Count > 0) return saved with { Succeeded = false };
        return await PublishAsync(saved.Record!.DefinitionId, alongside, ct);
    }

    /// <summary>
    /// Brings a shipped flow file into the store: imported when absent; published as the next version when
    /// the file changed and the live version is still a shipped one; left alone when a coordinator has
    /// made a version of their own (their work is never overwritten — the outcome says so).
    /// </summary>
    public async Task<ShippedImport> ImportShippedAsync(string json, CancellationToken ct = default)
    {
        var model = FlowJson.TryParse(json, out var error);
        if (model?.Id is not { Length: > 0 } id) return new ShippedImport(ShippedImportOutcome.Invalid, DefinitionResult.Failed([error ?? new FlowError("$.id", "required")]));
        var latest = await store.FindLatestAsync(id, ct);
        if (latest is null) return Result(ShippedImportOutcome.Imported, await ImportAsync(json, WorkflowDefinitionRecord.ShippedOrigin, null, ct));
        if (latest.Origin != WorkflowDefinitionRecord.ShippedOrigin) return new ShippedImport(ShippedImportOutcome.KeptCoordinatorVersion, new DefinitionResult(true, latest, []));
        if (latest.IsPublished && FlowJson.Serialize(model with { Version = latest.Version }) == latest.Json)
            return new ShippedImport(ShippedImportOutcome.Unchanged, new DefinitionResult(true, latest, []));
        return Result(ShippedImportOutcome.Upgraded, await ImportAsync(json, WorkflowDefinitionRecord.ShippedOrigin, null, ct));
    }

    private static ShippedImport Result(ShippedImportOutcome outcome, DefinitionResult result) =>
        new(result.Succeeded ? outcome : ShippedImportOutcome.Invalid, result);
}

public enum ShippedImportOutcome { Imported, Upgraded, Unchanged, KeptCoordinatorVersion, Invalid }

public sealed record ShippedImport(ShippedImportOutcome Outcome, DefinitionResult Result);

public sealed record DefinitionResult(bool Succeeded, WorkflowDefinitionRecord? Record, IReadOnlyList<FlowError> Errors)
{
    /// <summary>Refused because the flow was saved by someone else since the editor loaded it; <see cref="Record"/> is what they saved.</summary>
    public bool Conflict { get; init; }

    public static DefinitionResult Failed(IReadOnlyList<FlowError> errors) => new(false, null, errors);
}
