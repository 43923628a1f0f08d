using System.Net;
using System.Net.Http.Json;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// A follow-up date and priority are the holder's own planning: a colleague, the chair (who may hand the task on, not plan it), or a
/// team member who has not claimed a team task cannot set them, and each refusal is audited with the casus code.
/// </summary>
public sealed class FollowUpAttackTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task NobodyButTheHolder_SetsFollowUpOrPriority_AndEachRefusalIsAudited()
    {
        using var prof1 = await host.AsAsync("prof1");
        var (code, task) = await InboxApiTests.OwnTaskAsync(prof1);
        using var prof2 = await host.AsAsync("prof2");
        using var chair = await host.AsAsync("voorzitter");
        var body = new { followUpOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), priority = "High" };

        Assert.Equal(HttpStatusCode.Forbidden, (await prof2.PutAsJsonAsync($"/api/tasks/{task}/follow-up", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.PutAsJsonAsync($"/api/tasks/{task}/follow-up", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await prof2.PutAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/follow-up", body)).StatusCode);
        // A triage waits for the chairs as a group: nobody holds it, so nobody plans it until one claims it.
        var other = await ApiWorld.RegisterIntakeAsync(prof1);
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", other);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.PutAsJsonAsync($"/api/tasks/{triage}/follow-up", body)).StatusCode);

        var read = await (await ApiWorld.Ok(prof1.GetAsync($"/api/tasks/{task}"))).ReadJsonAsync();
        Assert.Equal("Normal", read.GetProperty("priority").GetString());
        var refused = await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, EventCode: "task.followup"));
        Assert.Equal(["prof2", "voorzitter"], refused.Select(l => l.UserId).Order());
        refused = [.. refused, .. await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: other, EventCode: "task.followup"))];
        Assert.Equal(3, refused.Count);
        Assert.All(refused, l => Assert.Equal(AuditOutcome.Refused, l.Outcome));
    }
}
