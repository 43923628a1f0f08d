using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Host.Access;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Whoever designs a flow must not be able to hand anyone a family. A published flow running on a casus that assigns a task
/// to someone, sets a duoPartner variable and lets that person choose "Bespreking" with a duo partner in the form gives
/// nobody access: involvement comes only from acts of people with the standing to give it, registered as domain rows.
/// </summary>
public sealed class FlowGrantedInvolvementAttackTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string GiftFlow = """
    { "id": "betrokkenheid-cadeau", "name": "Een flow die toegang wil uitdelen",
      "activities": [
        { "id": "duo", "type": "SetVariable", "inputs": { "variable": "duoPartner", "value": "ervaringsdeskundige" } },
        { "id": "kijken", "type": "HumanTask", "inputs": { "title": "Even meekijken", "assignee": "prof2", "outcomes": ["Bespreking"],
          "form": [ { "name": "duoPartner", "label": "Duopartner", "type": "text" } ] } },
        { "id": "einde", "type": "End" } ],
      "connections": [ { "source": "duo", "target": "kijken" }, { "source": "kijken", "outcome": "Bespreking", "target": "einde" } ] }
    """;

    [Fact]
    public async Task AFlowsAssignmentVariableAndOutcome_GiveNobodyTheCasus_WhileAPersonsHandoverDoes()
    {
        using var prof1 = await host.AsAsync("prof1");
        using var prof2 = await host.AsAsync("prof2");
        using var lid = await host.AsAsync("rvtlid");
        using var ervaringsdeskundige = await host.AsAsync("ervaringsdeskundige");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        Assert.True((await host.Service<WorkflowDefinitionService>().ImportAsync(GiftFlow)).Succeeded);
        await host.Service<WorkflowRuntime>().StartAsync("betrokkenheid-cadeau", new Dictionary<string, object?>(), code);

        // prof2 holds the flow's task (the flow put it there) and completes it as the flow invites: the table, a duo partner.
        var gift = await ApiWorld.TaskOfAsync(prof2, "/api/tasks/mine", code);
        await ApiWorld.Ok(prof2.PostAsJsonAsync($"/api/tasks/{gift}/complete", new { outcome = "Bespreking", data = new { duoPartner = "ervaringsdeskundige" } }));

        foreach (var outsider in new[] { prof2, lid, ervaringsdeskundige })
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/casus/{code}")).StatusCode);
        Assert.Empty(await host.Service<Rvt.Application.InvolvementRecords>().OfAsync(code));

        // A person handing prof2 a task of the casus does give it, and the audit line says why.
        using var chair = await host.AsAsync("voorzitter");
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        await ApiWorld.Ok(chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum = ApiWorld.DaysAhead(10) } }));
        var voorbereiden = await ApiWorld.TaskOfAsync(prof1, "/api/tasks/mine", code);
        await ApiWorld.Ok(prof1.PostAsJsonAsync($"/api/tasks/{voorbereiden}/reassign", new { assignee = "PROF2" }));

        Assert.Equal(HttpStatusCode.OK, (await prof2.GetAsync($"/api/casus/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lid.GetAsync($"/api/casus/{code}")).StatusCode); // the chair put it on the table
        var read = await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, UserId: "prof2", EventCode: "casus.read"));
        Assert.Contains(read, l => l.Outcome == AuditOutcome.Success && l.Purpose == "zorgverlening (taak)");
    }

    [Theory]
    [InlineData("manager", "kan geen duopartner zijn")]
    [InlineData("jeugdbeschermer", "kan geen duopartner zijn")]
    [InlineData("niemand-bekend", "Er is geen gebruiker")]
    public async Task TheChair_CannotNameADuoPartnerWhoCannotBeOne_AndNothingIsCompleted(string named, string problem)
    {
        using var prof1 = await host.AsAsync("prof1");
        using var chair = await host.AsAsync("voorzitter");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        await CompleteTeamTaskAsync(chair, code, "Consultatie & Advies", new { });
        await CompleteTeamTaskAsync(chair, code, "Begeleiding in duo", new { advies = "Begeleiding in duo." });
        var toewijzen = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);

        var refused = await chair.PostAsJsonAsync($"/api/tasks/{toewijzen}/complete", new { outcome = "Toegewezen", data = new { duoPartner = named } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(problem, (await refused.ReadJsonAsync()).GetProperty("errors").GetProperty("data.duoPartner")[0].GetString());
        Assert.Equal(toewijzen, await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code)); // still open
    }

    [Fact]
    public async Task TheUpgrade_TakesOverWhatFlowDataGaveOnce_AndNeverAgain()
    {
        using var prof1 = await host.AsAsync("prof1");
        using var chair = await host.AsAsync("voorzitter");
        using var lid = await host.AsAsync("rvtlid");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        await ApiWorld.Ok(chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum = ApiWorld.DaysAhead(10) } }));
        // As a database from before the rows: the table's choice only in the flow's data, and the migration's step to do.
        await using (var db = await host.Service<IDbContextFactory<CasusDbContext>>().CreateDbContextAsync())
        {
            await db.Involvements.Where(b => b.CasusCode == code).ExecuteDeleteAsync();
            db.UpgradeSteps.Add(new UpgradeStep { Name = UpgradeStep.InvolvementFromFlowData });
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await lid.GetAsync($"/api/casus/{code}")).StatusCode);

        await host.Service<InvolvementTakeover>().RunAsync();

        Assert.Equal(HttpStatusCode.OK, (await lid.GetAsync($"/api/casus/{code}")).StatusCode);
        var rows = await host.Service<Rvt.Application.InvolvementRecords>().OfAsync(code);
        Assert.All(rows, r => Assert.Equal(Rvt.Application.InvolvementRecords.TakenOverBy, r.RegisteredBy));
        await using (var db = await host.Service<IDbContextFactory<CasusDbContext>>().CreateDbContextAsync())
        {
            Assert.False(await db.UpgradeSteps.AnyAsync());
            await db.Involvements.Where(b => b.CasusCode == code).ExecuteDeleteAsync();
        }
        await host.Service<InvolvementTakeover>().RunAsync(); // done once: flow data gives nothing any more
        Assert.Equal(HttpStatusCode.Forbidden, (await lid.GetAsync($"/api/casus/{code}")).StatusCode);
    }

    private static async Task CompleteTeamTaskAsync(HttpClient chair, string code, string outcome, object data)
    {
        var task = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        await ApiWorld.Ok(chair.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome, data }));
    }
}
