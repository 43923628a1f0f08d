using ProcessEngine.Workflows.Runtime;
using Mediator;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Components.Work;

/// <summary>Someone in the family's network, by role only, as the casus page shows it.</summary>
public sealed record NetwerkRow(string Rol, string Soort, string? Bijdrage);

/// <summary>
/// Everything the casus page shows, flat enough to travel from the prerender into the circuit
/// ([PersistentState]): the page then reads (and audits) the casus once per visit, not twice.
/// </summary>
public sealed record CasusPageData(
    CasusView Casus,
    IReadOnlyList<NetwerkRow> Netwerk,
    IReadOnlyList<TimelineEntry> Tijdlijn,
    IReadOnlyList<VeiligheidskaartView> Versies)
{
    /// <summary>The casus, its timeline and the Veiligheidskaart's versions through the same requests as the API; a refusal as its outcome.</summary>
    public static async Task<RequestResult<CasusPageData>> LoadAsync(IMediator mediator, string code, CurrentUser user)
    {
        var casus = await mediator.Send(new GetCasus(code, user));
        if (!casus.Succeeded) return casus.As<CasusPageData>();
        var tijdlijn = await mediator.Send(new GetCasusTimeline(code, user));
        var versies = await mediator.Send(new ListVeiligheidskaartVersions(code, user));
        var netwerk = casus.Value!.Netwerk.Select(n => new NetwerkRow(n.Rol, n.Soort == NetwerkSoort.Formeel ? "formeel" : "informeel", n.Bijdrage));
        // Carried without the network's entities (they are not serialisable); the page reads Netwerk instead.
        return RequestResult<CasusPageData>.Ok(new(casus.Value with { Netwerk = [] }, [.. netwerk], tijdlijn.Value ?? [], versies.Value ?? []));
    }

    public VeiligheidskaartView? Huidige => Versies.Count == 0 ? null : Versies[^1];

    public bool Gepauzeerd => Casus.Traject?.Status == TrajectStatus.PausedByStopknop;

    public bool Afgesloten => Casus.Traject?.Status == TrajectStatus.Closed;

    public IReadOnlyList<TaskView> OpenTaken => [.. Casus.Taken.Where(t => t.Status is UserTaskStatus.Open or UserTaskStatus.OnHold).OrderBy(t => t.DueAt ?? DateTimeOffset.MaxValue)];

    /// <summary>The chair's review after a Stopknop, while it is open: who reviews, and by when.</summary>
    public TaskView? StopknopBeoordeling => OpenTaken.FirstOrDefault(t => t.DefinitionId == "rvt-traject" && t.Status == UserTaskStatus.Open
        && t.Title.StartsWith("Stopknop", StringComparison.Ordinal));
}
