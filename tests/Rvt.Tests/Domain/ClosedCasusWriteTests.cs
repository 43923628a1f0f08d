using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Rvt.Tests.Domain;

/// <summary>
/// Attack (#16): content written to a casus after its closing, straight to the API (the screens hide the forms), would
/// outlive retention, which visits a casus once. The services refuse it while closed and after the purge; nothing is stored.
/// </summary>
public sealed class ClosedCasusWriteTests
{
    [Fact]
    public async Task AClosedCasus_TakesNoKaartNetworkOrMaatregel_NeitherBeforeNorAfterItsContentIsDeleted()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = (await domain.Trajecten.RegisterIntakeAsync(new CasusIntake
        {
            Organisatie = "CJG", Hulpvraag = "Ouders maken veel ruzie", Huishouden = Huishouden.HuishoudenZonderKinderen,
            Onveiligheid = Onveiligheid.Structureel,
        }, "prof1")).Value!.CasusCode;
        var lid = (await domain.Netwerk.AddAsync(code, "tante", NetwerkSoort.Informeel, null, "prof1")).Value!;
        var task = Assert.Single(await domain.Engine.FindOpenTasksAsync(new TaskQuery(CorrelationId: code)));
        await domain.Runtime.CompleteTaskAsync(task.Id, "Afgerond", new Dictionary<string, object?>(), "chair1");
        Assert.Equal(TrajectStatus.Closed, (await domain.Retention.RecordClosedAsync(code)).Value!.Status);

        await AssertRefusedAsync(domain, code, lid.Id, $"Casus {code} is afgesloten: er kan niets meer aan worden toegevoegd of gewijzigd.");
        Assert.Empty(await domain.Kaarten.HistoryAsync(code));
        Assert.Equal([lid.Id], (await domain.Netwerk.ListAsync(code)).Select(n => n.Id));
        Assert.Empty(await domain.Maatregelen.ListAsync(code));

        domain.Clock.Advance(TimeSpan.FromDays(3 * 365));
        Assert.Equal([code], await domain.Retention.PurgeDueAsync());

        var afterPurge = await domain.Kaarten.SaveAsync(code, new VeiligheidskaartInhoud { Zorgen = ["Ruzie"] }, "prof1", 0);
        Assert.Equal((DomainOutcome.Conflict, "De gegevens van deze casus zijn volgens de bewaartermijn verwijderd."), (afterPurge.Outcome, afterPurge.Message));
        Assert.Empty(await domain.Kaarten.HistoryAsync(code));
    }

    private static async Task AssertRefusedAsync(DomainFixture domain, string code, Guid lid, string message)
    {
        var kaart = await domain.Kaarten.SaveAsync(code, new VeiligheidskaartInhoud { Zorgen = ["Ruzie"] }, "prof1", 0);
        var netwerk = await domain.Netwerk.AddAsync(code, "buurman", NetwerkSoort.Informeel, null, "prof1");
        var weg = await domain.Netwerk.RemoveAsync(code, lid);
        var maatregel = await domain.Maatregelen.RegisterAsync(code, MaatregelType.Ots, new DateOnly(2027, 1, 4), new DateOnly(2028, 1, 3), "prof1");
        Assert.All(new[] { (kaart.Outcome, kaart.Message), (netwerk.Outcome, netwerk.Message), (weg.Outcome, weg.Message), (maatregel.Outcome, maatregel.Message) },
            r => Assert.Equal((DomainOutcome.Conflict, message), r));
    }
}
