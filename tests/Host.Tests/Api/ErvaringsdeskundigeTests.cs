using System.Net;
using System.Net.Http.Json;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// The ervaringsdeskundige beside the professional: formed into a duo by the chair, involved in the casus from that moment
/// (and audited so), at the table with what is on it, and shut out of every other casus.
/// </summary>
public sealed class ErvaringsdeskundigeTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task AsDuoPartner_SeesTheCasusFromTheMomentTheDuoIsFormed_AuditedAsDuoPartner_AndNoOtherCasus()
    {
        var prof1 = await host.AsAsync("prof1");
        var chair = await host.AsAsync("voorzitter");
        var ervaringsdeskundige = await host.AsAsync("ervaringsdeskundige");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        var other = await ApiWorld.RegisterIntakeAsync(prof1);
        await CompleteAsync(chair, code, "Consultatie & Advies", new { });
        Assert.Equal(HttpStatusCode.Forbidden, (await ervaringsdeskundige.GetAsync($"/api/casus/{code}")).StatusCode);

        await CompleteAsync(chair, code, "Begeleiding in duo", new { advies = "Begeleiding in duo met een ervaringsdeskundige." });
        await CompleteAsync(chair, code, "Toegewezen", new { duoPartner = "ervaringsdeskundige" });

        Assert.Equal(HttpStatusCode.OK, (await ervaringsdeskundige.GetAsync($"/api/casus/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ervaringsdeskundige.GetAsync($"/api/casus/{other}")).StatusCode);
        var lines = await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, UserId: "ervaringsdeskundige"));
        Assert.Contains(lines, l => l.EventCode == "casus.read" && l.Outcome == AuditOutcome.Success && l.Purpose == "zorgverlening (duopartner)");
        Assert.Contains(lines, l => l.Outcome == AuditOutcome.Refused);
    }

    /// <summary>Completes the one open team task of the chairs on the casus with this outcome.</summary>
    private static async Task CompleteAsync(HttpClient chair, string code, string outcome, object data)
    {
        var task = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        var response = await chair.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome, data });
        Assert.True(response.IsSuccessStatusCode, $"{outcome}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
