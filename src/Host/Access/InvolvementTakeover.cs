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
public sealed class InvolvementTakeover(BetrokkenhedenService betrokkenheden, IWorkflowStore engine, IOptions<RvtFlowOptions> flows,
    ILogger<InvolvementTakeover> logger)
{
    private const string AanmeldingFlow = "rvt-aanmelding";

    public async Task RunAsync(CancellationToken ct = default)
    {
        var written = await betrokkenheden.TakeOverAsync(LegacyAsync, ct);
        if (written is { } count) logger.LogInformation("Betrokkenheden overgenomen uit de gegevens van de flows: {Count}.", count);
    }

    private async Task<IReadOnlyList<BetrokkenheidMelding>> LegacyAsync(string code, CancellationToken ct)
    {
        var found = new List<BetrokkenheidMelding>();
        foreach (var instance in await engine.FindInstancesByCorrelationAsync(code, ct))
        {
            var input = instance.ReadInput();
            if (instance.DefinitionId == AanmeldingFlow && instance.Variables.GetValueOrDefault("triage") is IReadOnlyDictionary<string, object?> triage
                && triage.GetValueOrDefault("outcome") as string == InvolvementGrants.TafelBesluit)
                found.Add(new(BetrokkenheidSoort.Tafel, null, instance.Id));
            foreach (var partner in new[] { instance.Variables.GetValueOrDefault("duoPartner"), input.GetValueOrDefault("duoPartner") }.OfType<string>())
                found.Add(new(BetrokkenheidSoort.DuoPartner, partner, instance.Id));
            if (instance.DefinitionId == flows.Value.MaatregelFlow && input.GetValueOrDefault("jeugdbeschermer") is string jeugdbeschermer)
                found.Add(new(BetrokkenheidSoort.Jeugdbeschermer, jeugdbeschermer, instance.Id));
        }
        foreach (var task in await engine.GetTasksAsync(code, ct))
            foreach (var holder in new[] { task.Assignee, task.CompletedBy }.OfType<string>())
                found.Add(new(BetrokkenheidSoort.Taakhouder, holder, task.Id));
        return found;
    }
}
