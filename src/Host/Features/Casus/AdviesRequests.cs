using Mediator;
using ProcessEngine.Host.Access;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Rvt.Forms;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Casus;

/// <summary>
/// The RVT's advies as the family reads it: the advies in the table's words, what the chosen route means in plain Dutch, and
/// what the family said about it. No names; the casus code identifies it for the professional who hands it over.
/// </summary>
public sealed record AdviesVoorGezinView(string Advies, string Route, string RouteUitleg, string? GezinZegt, string? GezinEens,
    DateTimeOffset? VastgelegdOp);

public sealed record GetAdviesVoorGezin(string CasusCode, CurrentUser User) : ICasusRequest<AdviesVoorGezinView>
{
    public CasusAuditLine Audit => new("advies.read", AuditAction.Read);
}

/// <summary>Handing the printed advies to the family takes casus data out of the system: audited as an export, before the print dialog opens.</summary>
public sealed record PrintAdvies(string CasusCode, CurrentUser User) : ICasusRequest<bool>
{
    public CasusAuditLine Audit => new("advies.print", AuditAction.Execute);
}

public sealed class AdviesHandlers(IWorkflowStore engine) :
    IRequestHandler<GetAdviesVoorGezin, RequestResult<AdviesVoorGezinView>>,
    IRequestHandler<PrintAdvies, RequestResult<bool>>
{
    private const string AanmeldingFlow = "rvt-aanmelding";

    public async ValueTask<RequestResult<AdviesVoorGezinView>> Handle(GetAdviesVoorGezin request, CancellationToken ct) =>
        await FindAsync(request.CasusCode, ct) is { } advies
            ? RequestResult<AdviesVoorGezinView>.Ok(advies)
            : RequestResult<AdviesVoorGezinView>.NotFound("Voor deze casus is nog geen advies vastgelegd.");

    public async ValueTask<RequestResult<bool>> Handle(PrintAdvies request, CancellationToken ct) =>
        await FindAsync(request.CasusCode, ct) is null
            ? RequestResult<bool>.NotFound("Voor deze casus is nog geen advies vastgelegd.")
            : RequestResult<bool>.Ok(true);

    /// <summary>The advies of the casus's latest aanmelding that has one (the advies task's result variable).</summary>
    private async Task<AdviesVoorGezinView?> FindAsync(string casusCode, CancellationToken ct)
    {
        var aanmelding = (await engine.FindInstancesByCorrelationAsync(casusCode, ct))
            .Where(i => i.DefinitionId == AanmeldingFlow && i.Variables.GetValueOrDefault("advies") is IReadOnlyDictionary<string, object?>)
            .MaxBy(i => i.CreatedAt);
        if (aanmelding?.Variables["advies"] is not IReadOnlyDictionary<string, object?> advies) return null;
        var route = advies.GetValueOrDefault("outcome") as string ?? "";
        // A combined advies: the routes ticked beside the main one, each explained as well.
        var daarnaast = advies.GetValueOrDefault("ookRoutes") is IEnumerable<object?> ook ? ook.OfType<string>().Where(r => r != route).Distinct().ToList() : [];
        return new AdviesVoorGezinView(advies.GetValueOrDefault("advies") as string ?? "", string.Join(" en ", [route, .. daarnaast]),
            Uitleg(route) + (daarnaast.Count == 0 ? "" : " Daarnaast: " + string.Join(" ", daarnaast.Select(Uitleg))),
            advies.GetValueOrDefault(FamilyVoiceFormRule.Says) as string, advies.GetValueOrDefault(FamilyVoiceFormRule.Agrees) as string,
            aanmelding.FinishedAt ?? aanmelding.UpdatedAt);
    }

    /// <summary>What each route means for the family, in words without jargon.</summary>
    public static string Uitleg(string route) => route switch
    {
        "Netwerkberaad" => "Er komt een netwerkberaad. U bespreekt met mensen om u heen (familie, vrienden, buren) en met de hulpverleners "
            + "wat er nodig is zodat het thuis veilig is en blijft. U bepaalt mee wie er komt en wanneer.",
        "Interventiegesprek RvdK" => "Er komt een gesprek met de Raad voor de Kinderbescherming, samen met u en uw hulpverlener. In dat gesprek "
            + "kijken we samen of hulp zonder maatregel van de rechter genoeg is. Het doel is dat u zelf de regie houdt.",
        "Begeleiding in duo" => "Twee professionals begeleiden u samen. Elke vier weken kijken zij met u terug: wat gaat goed, wat is nog nodig, "
            + "en is het goed genoeg om de begeleiding af te ronden.",
        "Advies zonder vervolgroute" => "Er volgt geen nieuwe route. Uw hulpverlener gaat met het advies verder en kijkt over zes weken met u "
            + "of het helpt.",
        _ => "Uw hulpverlener legt u uit wat er nu gebeurt.",
    };
}
