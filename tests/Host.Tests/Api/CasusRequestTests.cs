using Mediator;
using ProcessEngine.Host.Access;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Host.Features.Casus;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// Involvement and the audit line are the pipeline's work, so a casus request that forgets to declare itself would
/// skip both: every request naming a casus code must be an <see cref="ICasusRequest"/>, apart from the aanmelding
/// that creates the casus (its maker is its inbrenger; the handler audits the creation). An optional casus code
/// (the inbox's filter on the person's own tasks) names no casus to enter.
/// </summary>
public sealed class CasusRequestTests
{
    [Fact]
    public void EveryRequestNamingACasus_PassesTheInvolvementCheck()
    {
        var requests = typeof(CasusHandlers).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBaseRequest).IsAssignableFrom(t))
            .Where(t => NamesACasus(t.GetProperty("CasusCode")) || NamesACasus(t.GetProperty("Code")))
            .ToList();

        Assert.Contains(typeof(GetCasus), requests);
        Assert.Empty(requests.Where(t => !typeof(ICasusRequest).IsAssignableFrom(t)).Select(t => t.Name));
    }

    private static bool NamesACasus(System.Reflection.PropertyInfo? property) =>
        property?.PropertyType == typeof(string) && new System.Reflection.NullabilityInfoContext().Create(property).ReadState == System.Reflection.NullabilityState.NotNull;

    private static readonly Host.Security.CurrentUser User = new("prof1", ["Professional"], [], null);

    private static readonly ICasusRequest[] Requests =
    [
        new GetCasus("RVT-2026-AAAAAA", User), new PressStopknop("RVT-2026-AAAAAA", "x", User),
        new GetVeiligheidskaart("RVT-2026-AAAAAA", User), new SaveVeiligheidskaart("RVT-2026-AAAAAA", null, 0, User),
        new RegisterMaatregel("RVT-2026-AAAAAA", new(null, null, null), User), new EndMaatregel("RVT-2026-AAAAAA", Guid.Empty, null, User),
        new AddNetwerkLid("RVT-2026-AAAAAA", new(null, null, null), User), new RemoveNetwerkLid("RVT-2026-AAAAAA", Guid.Empty, User),
        new GetCasusTimeline("RVT-2026-AAAAAA", User), new PrintVeiligheidskaart("RVT-2026-AAAAAA", 3, User),
    ];

    [Fact]
    public void EachCasusChange_CommitsItsAuditLineWithTheChange()
    {
        // A request that creates, changes or deletes casus data gets its line before the handler runs, to write with the change.
        var changes = Requests.Where(r => r.Audit.Action is AuditAction.Create or AuditAction.Update or AuditAction.Delete).ToList();

        Assert.Equal(6, changes.Count);
        Assert.Empty(changes.Where(r => r is not ICasusChange).Select(r => r.GetType().Name));
    }

    [Fact]
    public void EachCasusRequest_NamesItsOwnAuditEvent()
    {
        var user = User;
        var requests = Requests;

        Assert.Equal(requests.Length, requests.Select(r => r.Audit.EventCode).Distinct().Count());
        Assert.Equal(new CasusAuditLine("veiligheidskaart.update", "C", "versie 1"),
            ((ICasusRequest)new SaveVeiligheidskaart("RVT-2026-AAAAAA", null, 0, user)).AuditFor(new VeiligheidskaartView(1, "prof1", DateTimeOffset.UnixEpoch, null!)));
    }
}
