using Mediator;
using ProcessEngine.Host.Access;
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

    [Fact]
    public void EachCasusRequest_NamesItsOwnAuditEvent()
    {
        var user = new Security.CurrentUser("prof1", ["Professional"], [], null);
        ICasusRequest[] requests =
        [
            new GetCasus("RVT-2026-AAAAAA", user), new PressStopknop("RVT-2026-AAAAAA", "x", user),
            new GetVeiligheidskaart("RVT-2026-AAAAAA", user), new SaveVeiligheidskaart("RVT-2026-AAAAAA", null, 0, user),
            new RegisterMaatregel("RVT-2026-AAAAAA", new(null, null, null), user), new EndMaatregel("RVT-2026-AAAAAA", Guid.Empty, null, user),
            new AddNetwerkLid("RVT-2026-AAAAAA", new(null, null, null), user), new RemoveNetwerkLid("RVT-2026-AAAAAA", Guid.Empty, user),
            new GetCasusTimeline("RVT-2026-AAAAAA", user), new PrintVeiligheidskaart("RVT-2026-AAAAAA", 3, user),
        ];

        Assert.Equal(requests.Length, requests.Select(r => r.Audit.EventCode).Distinct().Count());
        Assert.Equal(new CasusAuditLine("veiligheidskaart.update", "C", "versie 1"),
            ((ICasusRequest)new SaveVeiligheidskaart("RVT-2026-AAAAAA", null, 0, user)).AuditFor(new VeiligheidskaartView(1, "prof1", DateTimeOffset.UnixEpoch, null!)));
    }
}
