using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Rvt.Tests.Domain;

public sealed class RetentionServiceTests
{
    [Fact]
    public async Task Retention_DeletesCasusContentAndEngineData_ButKeepsTheCounts_WhenThePeriodHasPassed()
    {
        await using var domain = await DomainFixture.StartAsync();
        var traject = (await domain.Trajecten.RegisterIntakeAsync(new CasusIntake
        {
            Organisatie = "CJG", Hulpvraag = "Moeder vraagt hulp; vader drinkt in het weekend", Huishouden = Huishouden.HuishoudenZonderKinderen,
            Onveiligheid = Onveiligheid.Structureel,
        }, "prof1")).Value!;
        var code = traject.CasusCode;
        await domain.Kaarten.SaveAsync(code, new VeiligheidskaartInhoud { Zorgen = ["Drinken in het weekend"] }, "prof1", 0);
        await domain.Netwerk.AddAsync(code, "oom", NetwerkSoort.Informeel, "Komt in het weekend", "prof1");
        Assert.Equal(Application.DomainOutcome.Ok, (await domain.TafelVragen.AddAsync(code, "Wat doet de oom al in het weekend?", "rvtlid")).Outcome);
        var task = Assert.Single(await domain.Engine.FindOpenTasksAsync(new TaskQuery(CorrelationId: code)));
        Assert.Equal(Application.DomainOutcome.Conflict, (await domain.Retention.RecordClosedAsync(code)).Outcome);
        await domain.Runtime.CompleteTaskAsync(task.Id, "Afgerond", new Dictionary<string, object?> { ["notitie"] = "vrije tekst over het gezin" }, "chair1");

        var closed = await domain.Retention.RecordClosedAsync(code);

        Assert.Equal(TrajectStatus.Closed, closed.Value!.Status);
        Assert.Equal("netwerkberaad", closed.Value.HeaviestRoute);
        Assert.Equal(domain.Clock.GetUtcNow().AddYears(2), closed.Value.RetainUntil);

        domain.Clock.Advance(TimeSpan.FromDays(365));
        Assert.Empty(await domain.Retention.PurgeDueAsync());
        domain.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal([code], await domain.Retention.PurgeDueAsync());

        var casus = (await domain.Trajecten.FindCasusAsync(code))!;
        Assert.Equal("", casus.Hulpvraag);
        Assert.NotNull(casus.ContentDeletedAt);
        Assert.Empty(await domain.Kaarten.HistoryAsync(code));
        Assert.Empty(await domain.Netwerk.ListAsync(code));
        Assert.Empty(await domain.TafelVragen.ListAsync(code));
        Assert.Empty(await domain.Engine.FindInstancesByCorrelationAsync(code));
        Assert.Null(await domain.Engine.FindTaskAsync(task.Id));
        var counts = await domain.Engine.CountFactsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, "huishouden");
        Assert.Equal(1, Assert.Single(counts, c => c.Name == "aanmelding").Count);
        Assert.Empty(await domain.Retention.PurgeDueAsync());
    }
}
