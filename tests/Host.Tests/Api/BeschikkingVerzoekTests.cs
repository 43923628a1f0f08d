using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// A beschikking given outside the interventiegesprek route: the inbrenger asks the GI to register it, the
/// jeugdbeschermers get a group task without seeing the casus, and the one who takes it is involved from then on
/// and registers the measure, which runs with them as its jeugdbeschermer; the inbrenger hears of the registration and
/// of each step the jeugdbeschermer records, by an e-mail that names only the casus code.
/// </summary>
public sealed class BeschikkingVerzoekTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Title = "Beschikking registreren: gevraagd vanaf de casus";

    [Fact]
    public async Task TheGi_IsAskedOnce_SeesTheCasusOnlyAfterTakingTheTask_AndRegistersTheMaatregelAsItsJeugdbeschermer()
    {
        using var prof1 = await host.AsAsync("prof1");
        using var gi = await host.AsAsync("jeugdbeschermer");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        Assert.Equal(HttpStatusCode.Forbidden, (await gi.GetAsync($"/api/casus/{code}")).StatusCode);

        var asked = await (await ApiWorld.Ok(prof1.PostAsync($"/api/casus/{code}/maatregelen/verzoek-gi", null))).ReadJsonAsync();
        var again = await (await ApiWorld.Ok(prof1.PostAsync($"/api/casus/{code}/maatregelen/verzoek-gi", null))).ReadJsonAsync();
        Assert.Equal((false, true), (asked.GetProperty("alOpen").GetBoolean(), again.GetProperty("alOpen").GetBoolean()));
        Assert.Equal(asked.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        var lines = await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, EventCode: "maatregel.verzoek-gi"));
        Assert.Equal(["prof1", "prof1"], lines.Select(l => l.UserId));

        // The group task shows in the jeugdbeschermer's team inbox; the casus stays closed to them until they take it.
        var team = await (await ApiWorld.Ok(gi.GetAsync($"/api/tasks/team?casus={code}"))).ReadJsonAsync();
        var task = team.EnumerateArray().Single(t => t.GetProperty("title").GetString() == Title).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await gi.GetAsync($"/api/casus/{code}")).StatusCode);
        await ApiWorld.Ok(gi.PostAsync($"/api/tasks/{task}/claim", null));
        Assert.Equal(HttpStatusCode.OK, (await gi.GetAsync($"/api/casus/{code}")).StatusCode);

        // A beschikking of eleven months ago: its extension question is due already.
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-11);
        var tooLong = await gi.PostAsJsonAsync($"/api/tasks/{task}/complete", new
        {
            outcome = "Geregistreerd",
            data = new { type = "OTS", startDatum = start.ToString("yyyy-MM-dd"), eindDatum = start.AddMonths(13).ToString("yyyy-MM-dd") },
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        await ApiWorld.Ok(gi.PostAsJsonAsync($"/api/tasks/{task}/complete", new
        {
            outcome = "Geregistreerd",
            data = new { type = "OTS", startDatum = start.ToString("yyyy-MM-dd"), eindDatum = start.AddMonths(12).ToString("yyyy-MM-dd") },
        }));

        var casus = await (await ApiWorld.Ok(prof1.GetAsync($"/api/casus/{code}"))).ReadJsonAsync();
        var maatregel = Assert.Single(casus.GetProperty("maatregelen").EnumerateArray());
        Assert.Equal(("Ots", "jeugdbeschermer"), (maatregel.GetProperty("type").GetString(), maatregel.GetProperty("jeugdbeschermer").GetString()));
        var maatregelId = maatregel.GetProperty("id").GetGuid();
        Assert.Equal([$"Maatregel bij casus {code}"], (await MessagesToProf1Async($"maatregel:{maatregelId}:")).Select(m => m.Subject));

        await host.Service<WorkflowRuntime>().FireDueTimersAsync();
        var mine = await (await ApiWorld.Ok(gi.GetAsync($"/api/tasks/mine?casus={code}"))).ReadJsonAsync();
        var verzoek = mine.EnumerateArray().Single(t => t.GetProperty("title").GetString() == "OTS loopt af: verzoekt de GI de kinderrechter om verlenging?")
            .GetProperty("id").GetGuid();
        await ApiWorld.Ok(gi.PostAsJsonAsync($"/api/tasks/{verzoek}/complete", new { outcome = "Verzoek ingediend", data = new { } }));
        var step = Assert.Single(await MessagesToProf1Async($"maatregel:{verzoek}:"));
        Assert.Contains($"/casus/{code}", step.Body);
        Assert.DoesNotContain("veiligheid", step.Body); // nothing of the hulpvraag, nothing of the task

        // The request is done: a new one may be made for a next beschikking.
        var next = await (await ApiWorld.Ok(prof1.PostAsync($"/api/casus/{code}/maatregelen/verzoek-gi", null))).ReadJsonAsync();
        Assert.False(next.GetProperty("alOpen").GetBoolean());
    }

    private async Task<IReadOnlyList<HostStore.Mail.OutboxMessage>> MessagesToProf1Async(string keyPrefix)
    {
        await using var db = await host.Service<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.DedupKey.StartsWith(keyPrefix) && m.Recipient == "prof1@example.org").ToListAsync();
    }
}
