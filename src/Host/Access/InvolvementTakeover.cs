using Microsoft.Extensions.Options;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Access;

/// <summary>
/// The upgrade to involvement rows: before them, access was read from the flows' data (the triage's outcome, a duoPartner
/// variable or input, a task's holder, a maatregel's jeugdbeschermer input). Those readings are taken over once, as rows, so
/// the people on a running casus keep it; from then on only people's acts add rows (<see cref="InvolvementGrants"/>).
/// </summary>
public sealed class InvolvementTakeover(InvolvementRecords involvements, IWorkflowStore engine, IOptions<RvtFlowOptions> flows,
    ILogger<InvolvementTakeover> logger)
{
    private const string AanmeldingFlow = "rvt-aanmelding";

    public async Task RunAsync(CancellationToken ct = default)
    {
        var written = await involvements.TakeOverAsync(LegacyAsync, ct);
        if (written is { } count) logger.LogInformation("Involvements taken over from the flows' data: {Count}.", count);
    }

    private async Task<IReadOnlyList<GrantedInvolvement>> LegacyAsync(string code, CancellationToken ct)
    {
        var found = new List<GrantedInvolvement>();
        foreach (var instance in await engine.FindInstancesByCorrelationAsync(code, ct))
        {
            var input = instance.ReadInput();
            if (instance.DefinitionId == AanmeldingFlow && instance.Variables.GetValueOrDefault("triage") is IReadOnlyDictionary<string, object?> triage
                && triage.GetValueOrDefault("outcome") as string == InvolvementGrants.TableDecision)
                found.Add(new(InvolvementKind.Table, null, instance.Id));
            foreach (var partner in new[] { instance.Variables.GetValueOrDefault("duoPartner"), input.GetValueOrDefault("duoPartner") }.OfType<string>())
                found.Add(new(InvolvementKind.DuoPartner, partner, instance.Id));
            if (instance.DefinitionId == flows.Value.MaatregelFlow && input.GetValueOrDefault("jeugdbeschermer") is string jeugdbeschermer)
                found.Add(new(InvolvementKind.Jeugdbeschermer, jeugdbeschermer, instance.Id));
        }
        foreach (var task in await engine.GetTasksAsync(code, ct))
            foreach (var holder in new[] { task.Assignee, task.CompletedBy }.OfType<string>())
                found.Add(new(InvolvementKind.TaskHolder, holder, task.Id));
        return found;
    }
}
