using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.EntityFramework;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// One user action, one transaction: a casus with its flow, a Stopknop, a maatregel. While the database refuses
/// audit lines each action is answered 503 and nothing of it is stored; once it accepts them again the action
/// lands whole, with exactly its line.
/// </summary>
public sealed class UnitOfWorkTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<long> LastSequenceAsync() => (await host.Service<AuditLog>().SearchAsync(new AuditQuery(Take: 1))).Single().Sequence;

    private async Task<IReadOnlyList<AuditEntry>> LinesAfterAsync(long sequence) =>
        [.. (await host.Service<AuditLog>().SearchAsync(new AuditQuery(Take: 50))).Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence)];

    private async Task<(int Casussen, int Trajecten, int Instances)> CountAsync()
    {
        await using var casus = await host.Service<IDbContextFactory<CasusDbContext>>().CreateDbContextAsync();
        await using var engine = await host.Service<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return (await casus.Casussen.CountAsync(), await casus.Trajecten.CountAsync(), await engine.Instances.CountAsync());
    }

    private async Task<HttpResponseMessage> WhileAuditIsRefusedAsync(Func<Task<HttpResponseMessage>> call)
    {
        await using (await RefusedAuditLog.OnAsync(host.Factory.DatabasePath))
            return await call();
    }

    [Fact]
    public async Task AnAanmelding_IsStoredWithItsFlowAndItsLine_OrNotAtAll()
    {
        using var prof1 = await host.AsAsync("prof1");
        var counts = await CountAsync();
        var before = await LastSequenceAsync();

        var refused = await WhileAuditIsRefusedAsync(() => prof1.PostAsJsonAsync("/api/trajecten", ApiWorld.Intake));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(counts, await CountAsync());
        Assert.Empty(await LinesAfterAsync(before));

        var created = await (await ApiWorld.Ok(prof1.PostAsJsonAsync("/api/trajecten", ApiWorld.Intake))).ReadJsonAsync();
        var code = created.GetProperty("casusCode").GetString()!;
        var after = await CountAsync();
        // The traject's flow may start subflows in its first pass: at least its own instance is new.
        Assert.Equal((counts.Casussen + 1, counts.Trajecten + 1, true), (after.Casussen, after.Trajecten, after.Instances > counts.Instances));
        // The traject row was linked to its flow instance in the same transaction that made the instance.
        await using (var casus = await host.Service<IDbContextFactory<CasusDbContext>>().CreateDbContextAsync())
            Assert.Equal(created.GetProperty("instanceId").GetGuid(), (await casus.Trajecten.SingleAsync(t => t.CasusCode == code)).WorkflowInstanceId);
        var line = Assert.Single(await LinesAfterAsync(before));
        Assert.Equal(("casus.create", AuditAction.Create, code, "zorgverlening (inbrenger)"), (line.EventCode, line.Action, line.CasusCode, line.Purpose));
    }

    [Fact]
    public async Task TheStopknop_PausesTheTrajectWithItsLine_OrNotAtAll()
    {
        using var prof1 = await host.AsAsync("prof1");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var before = await LastSequenceAsync();

        var refused = await WhileAuditIsRefusedAsync(() => prof1.PostAsJsonAsync($"/api/casus/{code}/stopknop", new { reden = "Zorgen over de veiligheid thuis" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("Running", await TrajectStatusAsync(prof1, code));
        Assert.Equal(HttpStatusCode.OK, (await prof1.PostAsJsonAsync($"/api/casus/{code}/stopknop", new { reden = "Zorgen over de veiligheid thuis" })).StatusCode);
        Assert.Equal("PausedByStopknop", await TrajectStatusAsync(prof1, code));
        Assert.Equal(["casus.read", "casus.read", "traject.stopknop"], (await LinesAfterAsync(before)).Select(l => l.EventCode).Order());
    }

    [Fact]
    public async Task AMaatregel_StartsWithItsLineNamingIt_OrNotAtAll()
    {
        using var prof1 = await host.AsAsync("prof1");
        using var gi = await host.AsAsync("jeugdbeschermer");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var start = DateOnly.FromDateTime(DateTime.UtcNow);
        // The jeugdbeschermer is involved through a maatregel they already carry out on this casus (a voogdij, say).
        await host.Service<MaatregelService>().RegisterAsync(code,
            new MaatregelRegistratie(MaatregelType.Voogdij, start, null, Jeugdbeschermer: "jeugdbeschermer"), "jeugdbeschermer");
        var counts = await CountAsync();
        var before = await LastSequenceAsync();
        var maatregel = new { type = "Ots", startDatum = start.ToString("yyyy-MM-dd"), eindDatum = start.AddMonths(6).ToString("yyyy-MM-dd") };

        Assert.Equal(HttpStatusCode.Forbidden, (await prof1.PostAsJsonAsync($"/api/casus/{code}/maatregelen", maatregel)).StatusCode); // the inbrenger does not do the GI's work
        before = await LastSequenceAsync();
        var refused = await WhileAuditIsRefusedAsync(() => gi.PostAsJsonAsync($"/api/casus/{code}/maatregelen", maatregel));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(counts, await CountAsync());
        var created = await (await ApiWorld.Ok(gi.PostAsJsonAsync($"/api/casus/{code}/maatregelen", maatregel))).ReadJsonAsync();
        var line = Assert.Single(await LinesAfterAsync(before));
        Assert.Equal(("maatregel.create", code, created.GetProperty("id").GetGuid().ToString()), (line.EventCode, line.CasusCode, line.Detail));
    }

    [Fact]
    public async Task PublishingAFlow_StoresTheNewVersionWithItsLine_OrNotAtAll()
    {
        using var coordinator = await host.AsAsync("coordinator");
        using var second = await host.AsAsync("coordinator2");
        const string flow = """{ "id": "uow-flow", "name": "Eenheid van werk", "activities": [ { "id": "taak", "type": "HumanTask", "inputs": { "title": "Doen", "candidateGroup": "Professional" } } ] }""";
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsync("/api/flows/uow-flow/draft", new StringContent(flow, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync("/api/flows/uow-flow/publish-request", null)).StatusCode);
        var before = await LastSequenceAsync();

        var refused = await WhileAuditIsRefusedAsync(() => second.PostAsync("/api/flows/uow-flow/publish-request/approve", null));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var stored = await (await coordinator.GetAsync("/api/flows/uow-flow")).ReadJsonAsync();
        Assert.False(stored.GetProperty("version").GetProperty("isPublished").GetBoolean());
        // The request was not used up by the publication that rolled back: it still waits.
        Assert.Equal("coordinator", stored.GetProperty("publication").GetProperty("requestedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync("/api/flows/uow-flow/publish-request/approve", null)).StatusCode);
        var line = Assert.Single(await LinesAfterAsync(before), l => l.EventCode == "flow.publish.approve");
        Assert.Equal("uow-flow v1: aangeboden door coordinator", line.Detail);
    }

    private static async Task<string?> TrajectStatusAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"/api/casus/{code}")).ReadJsonAsync()).GetProperty("traject").GetProperty("status").GetString();
}
