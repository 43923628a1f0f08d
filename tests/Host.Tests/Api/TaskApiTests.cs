using System.Net;
using System.Net.Http.Json;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>The inbox through the API, driven as two chairs and a professional would.</summary>
public sealed class TaskApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>A new casus from prof1, whose triage waits for the chairs; each test works on its own casus.</summary>
    private async Task<(HttpClient Prof1, HttpClient Chair, string Code, Guid Triage)> NewTriageAsync()
    {
        var prof1 = await host.AsAsync("prof1");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var chair = await host.AsAsync("voorzitter");
        return (prof1, chair, code, await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code));
    }

    [Fact]
    public async Task TwoChairsCompletingTheSameTriage_OneWins_TheOtherGets409_AndTheTrajectMovedOnce()
    {
        var (prof1, chair, code, triage) = await NewTriageAsync();
        using var chairAgain = await host.AsAsync("voorzitter");

        var answers = await Task.WhenAll(
            chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Consultatie & Advies" }),
            chairAgain.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum = ApiWorld.DaysAhead(3) } }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var open = (await (await chair.GetAsync($"/api/tasks/team?casus={code}")).ReadJsonAsync()).EnumerateArray().ToList();
        var mine = (await (await prof1.GetAsync($"/api/tasks/mine?casus={code}")).ReadJsonAsync()).EnumerateArray().ToList();
        // Exactly one of the two paths was taken: advies for the chairs (C&A) or preparation for the inbrenger (bespreking).
        Assert.Equal(1, open.Count + mine.Count);
    }

    [Fact]
    public async Task ACompletionWhoseAuditLineTheDatabaseRefuses_Is503_AndLeavesNothing_ThenGoesThroughOnce()
    {
        var (_, chair, code, triage) = await NewTriageAsync();
        var log = host.Service<AuditLog>();
        var before = (await log.SearchAsync(new AuditQuery(Take: 1))).Single().Sequence;
        HttpResponseMessage refused;
        await using (await RefusedAuditLog.OnAsync(host.Factory.DatabasePath))
            refused = await chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Consultatie & Advies" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("urn:processengine:problem:audit-unavailable", (await refused.ReadJsonAsync()).GetProperty("type").GetString());
        // The completion went with its line: the triage still waits, and the flow did not move on.
        Assert.Equal("Open", (await (await chair.GetAsync($"/api/tasks/{triage}")).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Consultatie & Advies" })).StatusCode);
        var lines = (await log.SearchAsync(new AuditQuery(CasusCode: code))).Where(l => l.Sequence > before).ToList();
        Assert.Equal(["task.complete", "task.read"], lines.Select(l => l.EventCode));
        Assert.True((await host.Service<AuditVerifier>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Complete_NamesTheFieldThatIsWrong_AndKeepsTheTaskOpen()
    {
        var (_, chair, code, triage) = await NewTriageAsync();

        var wrongDate = await chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Bespreking", data = new { tafeldatum = "volgende week" } });
        var wrongOutcome = await chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Doorsturen" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongDate.StatusCode);
        Assert.Contains("jjjj-mm-dd", (await wrongDate.ReadJsonAsync()).GetProperty("errors").GetProperty("data.tafeldatum")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrongOutcome.StatusCode);
        Assert.Equal("Open", (await (await chair.GetAsync($"/api/tasks/{triage}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ClaimRelease_MoveATeamTaskBetweenMineAndTheTeam()
    {
        var (_, chair, code, triage) = await NewTriageAsync();

        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsync($"/api/tasks/{triage}/claim", null)).StatusCode);
        Assert.Empty((await (await chair.GetAsync($"/api/tasks/team?casus={code}")).ReadJsonAsync()).EnumerateArray());
        Assert.Single((await (await chair.GetAsync($"/api/tasks/mine?casus={code}")).ReadJsonAsync()).EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsync($"/api/tasks/{triage}/release", null)).StatusCode);
        Assert.Single((await (await chair.GetAsync($"/api/tasks/team?casus={code}")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Aanmelden_NamesEachBadField_IncludingAWrongEnumValue_AndRefusesAnIdentifier()
    {
        using var prof1 = await host.AsAsync("prof1");
        var tasksBefore = (await (await prof1.GetAsync("/api/tasks/mine")).ReadJsonAsync()).GetArrayLength();

        var missing = await prof1.PostAsJsonAsync("/api/trajecten", new { organisatie = "CJG" });
        var wrongEnum = await prof1.PostAsJsonAsync("/api/trajecten", new { organisatie = "CJG", hulpvraag = "x", huishouden = "Groot", onveiligheid = "Acuut" });
        var bsn = await prof1.PostAsJsonAsync("/api/trajecten", new { organisatie = "CJG", hulpvraag = "Kind met BSN 111222333", huishouden = "GezinMetKinderen", onveiligheid = "Acuut" });

        var missingErrors = (await missing.ReadJsonAsync()).GetProperty("errors");
        Assert.True(missingErrors.TryGetProperty("hulpvraag", out _) && missingErrors.TryGetProperty("huishouden", out _) && missingErrors.TryGetProperty("onveiligheid", out _));
        Assert.Equal(HttpStatusCode.BadRequest, wrongEnum.StatusCode);
        Assert.True((await wrongEnum.ReadJsonAsync()).GetProperty("errors").TryGetProperty("$.huishouden", out _));
        Assert.Equal(HttpStatusCode.BadRequest, bsn.StatusCode);
        Assert.Contains("BSN", (await bsn.ReadJsonAsync()).GetProperty("errors").GetProperty("hulpvraag")[0].GetString());
        Assert.Equal(tasksBefore, (await (await prof1.GetAsync("/api/tasks/mine")).ReadJsonAsync()).GetArrayLength());
    }
}
