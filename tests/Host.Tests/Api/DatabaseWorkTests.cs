using System.Net;
using System.Net.Http.Json;
using ProcessEngine.Host.Features.Diagnostics;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// One user action, one commit: a claim and a completion each commit once, their audit line (and, for the
/// completion, the next task's prompt rows) inside, as the node's own count of its database work shows.
/// </summary>
public sealed class DatabaseWorkTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Claim = "POST /api/tasks/{id:guid}/claim", Complete = "POST /api/tasks/{id:guid}/complete";

    [Fact]
    public async Task AClaimAndACompletion_CommitOnceEach_WithTheirAuditLines()
    {
        var prof1 = await host.AsAsync("prof1");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var chair = await host.AsAsync("voorzitter");
        var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        var admin = await host.AsAsync("beheerder");
        var before = await ReportAsync(admin);

        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsync($"/api/tasks/{triage}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Consultatie & Advies" })).StatusCode);

        var after = await ReportAsync(admin);
        Assert.Equal((1, 1), Difference(before, after, Claim));
        Assert.Equal((1, 1), Difference(before, after, Complete));
        var lines = await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, EventCode: null));
        Assert.Single(lines, l => l.EventCode == "task.claim");
        Assert.Single(lines, l => l.EventCode == "task.complete");
        // The completion moved the flow on: the chairs' advies task exists, created in that same commit.
        Assert.NotEqual(Guid.Empty, await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code));
    }

    [Fact]
    public async Task TheReport_CountsEveryCommitOfTheNode_AndOnlyAdminsMayReadIt()
    {
        var admin = await host.AsAsync("beheerder");
        var report = await ReportAsync(admin);
        Assert.True(report.Commits >= report.Calls.Sum(c => c.Commits), "the calls' commits are part of the node's");
        Assert.Equal(report.Commits - report.Calls.Sum(c => c.Commits), report.Background.Commits);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.AsAsync("prof1")).GetAsync("/api/diagnostics/database-work")).StatusCode);
    }

    private static async Task<DatabaseWorkReport> ReportAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<DatabaseWorkReport>("/api/diagnostics/database-work"))!;

    private static (long Calls, long Commits) Difference(DatabaseWorkReport before, DatabaseWorkReport after, string call)
    {
        var was = before.Calls.SingleOrDefault(c => c.Call == call);
        var now = after.Calls.Single(c => c.Call == call);
        return (now.Count - (was?.Count ?? 0), now.Commits - (was?.Commits ?? 0));
    }
}
