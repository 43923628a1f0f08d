using System.Net;
using System.Net.Http.Json;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.Host.Tests.Prompts;
using ProcessEngine.Host.Tests.Waarnemingen;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// A stand-in period gives casus access, so who may grant it is an attack surface: a professional may not make themselves the
/// stand-in of a colleague (or make anyone someone else's), may not end a colleague's period, and a stand-in has nothing once the
/// period is over, not even for a casus they worked in during it. Every refusal is audited.
/// </summary>
public sealed class WaarnemingAttackTests
{
    [Fact]
    public async Task AProfessional_CannotGrantThemselvesAColleaguesCasus_NorKeepItAfterThePeriod()
    {
        await using var host = new PromptHost();
        var (code, task) = await host.PreparationTaskAsync();
        using var prof2 = await WaarnemingTests.SignInAsync(host, "prof2");

        var grab = await prof2.PostAsJsonAsync("/api/waarnemingen", new { absent = "prof1", standIn = "prof2", from = "2026-03-02", until = "2026-03-06", reason = "Anders" });
        Assert.Equal(HttpStatusCode.Forbidden, grab.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await prof2.GetAsync($"/api/casus/{code}")).StatusCode);
        Assert.Empty((await (await prof2.GetAsync("/api/tasks/waarneming")).ReadJsonAsync()).EnumerateArray());
        var refused = Assert.Single(await host.Get<AuditLog>().SearchAsync(new AuditQuery(EventCode: "waarneming.set")));
        Assert.Equal(("prof2", AuditOutcome.Refused), (refused.UserId, refused.Outcome));

        // prof1 sets prof2 for Monday only; prof2 cannot end it (it is not theirs), and cannot stretch it by setting another.
        using var prof1 = await WaarnemingTests.SignInAsync(host, "prof1");
        var set = await prof1.PostAsJsonAsync("/api/waarnemingen", new { standIn = "prof2", from = "2026-03-02", until = "2026-03-02", reason = "Anders" });
        var id = (await set.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await prof2.PostAsync($"/api/waarnemingen/{id}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await prof2.PostAsync($"/api/waarnemingen/{Guid.NewGuid()}/end", null)).StatusCode);
        var stretch = await prof2.PostAsJsonAsync("/api/waarnemingen", new { absent = "prof1", standIn = "prof2", from = "2026-03-03", until = "2026-03-31", reason = "Anders" });
        Assert.Equal(HttpStatusCode.Forbidden, stretch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await prof2.GetAsync($"/api/casus/{code}/veiligheidskaart/versions")).StatusCode);
        // During the period the stand-in plans the holder's task for them (follow-up date, priority), audited on prof1's behalf.
        Assert.Equal(HttpStatusCode.OK, (await prof2.PutAsJsonAsync($"/api/tasks/{task.Id}/follow-up", new { followUpOn = "2026-03-09", priority = "High" })).StatusCode);
        var planned = Assert.Single(await host.Get<AuditLog>().SearchAsync(new AuditQuery(EventCode: "task.followup")));
        Assert.Equal(("prof2", "prof1", AuditOutcome.Success), (planned.UserId, planned.OnBehalfOf, planned.Outcome));

        // Tuesday: the period is over. Nothing of the casus, the task or its list is served, and the refusals are audited.
        host.Clock.SetUtcNow(PromptHost.Monday.AddDays(1));
        using var after = await WaarnemingTests.SignInAsync(host, "prof2");
        Assert.Equal(HttpStatusCode.Forbidden, (await after.GetAsync($"/api/casus/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await after.GetAsync($"/api/casus/{code}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await after.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "Voorbereid" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await after.PutAsJsonAsync($"/api/tasks/{task.Id}/follow-up", new { priority = "Low" })).StatusCode);
        Assert.Empty((await (await after.GetAsync("/api/tasks/waarneming")).ReadJsonAsync()).EnumerateArray());
        var lines = await host.Get<AuditLog>().SearchAsync(new AuditQuery(UserId: "prof2"));
        Assert.Contains(lines, l => l.EventCode == "waarneming.end" && l.Outcome == AuditOutcome.Refused);
        Assert.Contains(lines, l => l.EventCode == "task.complete" && l.Outcome == AuditOutcome.Refused);
        // One refused look before the period was set, two after it ended.
        Assert.Equal(3, lines.Count(l => l.CasusCode == code && l.Outcome == AuditOutcome.Refused && l.EventCode is "casus.read" or "casus.timeline"));
    }
}
