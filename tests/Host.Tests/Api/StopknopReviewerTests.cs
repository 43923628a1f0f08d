using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// A Stopknop is reviewed by someone not involved in the help that may harm: the chair, unless the chair is part of it
/// (here: the chair is the duo partner), then an RVT member. Whoever is involved cannot take the review, through the
/// team list, a claim or a completion.
/// </summary>
public sealed class StopknopReviewerTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Review = "Stopknop ingedrukt: beoordeel of de hulp schaadt";

    [Fact]
    public async Task Review_GoesToTheChair_WhoTriagedAndAdvised_ButNeverToWhoPressedIt()
    {
        var prof1 = await host.AsAsync("prof1");
        var chair = await host.AsAsync("voorzitter");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        await CompleteTeamTaskAsync(chair, code, "Consultatie & Advies", new { });
        await CompleteTeamTaskAsync(chair, code, "Netwerkberaad", new { advies = "Netwerk erbij" });

        await ApiWorld.Ok(prof1.PostAsJsonAsync($"/api/casus/{code}/stopknop", new { reden = "Het netwerkberaad zet het gezin onder druk" }));

        // The chair's triage and advies are the table's work, not the help: the chair reviews.
        var review = await ReviewAsync(chair, code);
        Assert.Equal("RvtChair", review.GetProperty("candidateGroup").GetString());
        await ApiWorld.Ok(chair.PostAsync($"/api/tasks/{review.GetProperty("id").GetGuid()}/claim", null));
    }

    [Fact]
    public async Task Review_GoesToAnRvtMember_WhenTheChairIsInvolved_AndTheChairCannotTakeIt()
    {
        var prof1 = await host.AsAsync("prof1");
        var chair = await host.AsAsync("voorzitter");
        var member = await host.AsAsync("rvtlid");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);
        await CompleteTeamTaskAsync(chair, code, "Consultatie & Advies", new { });
        await CompleteTeamTaskAsync(chair, code, "Begeleiding in duo", new { advies = "De voorzitter loopt zelf mee" });
        await CompleteTeamTaskAsync(chair, code, "Toegewezen", new { duoPartner = "voorzitter" });

        await ApiWorld.Ok(prof1.PostAsJsonAsync($"/api/casus/{code}/stopknop", new { reden = "De begeleiding voelt als controle" }));

        var review = await ReviewAsync(member, code);
        var id = review.GetProperty("id").GetGuid();
        Assert.Equal("RvtMember", review.GetProperty("candidateGroup").GetString());
        // Involved: not in the chair's team list, and refused when tried by id, audited as refused.
        var chairsList = await (await ApiWorld.Ok(chair.GetAsync($"/api/tasks/team?casus={code}"))).ReadJsonAsync();
        Assert.DoesNotContain(chairsList.EnumerateArray(), t => t.GetProperty("id").GetGuid() == id);
        var claimed = await chair.PostAsync($"/api/tasks/{id}/claim", null);
        Assert.Equal(HttpStatusCode.Forbidden, claimed.StatusCode);
        Assert.Contains("betrokken", await claimed.Content.ReadAsStringAsync());
        var completed = await chair.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "Doorgaan", data = new { toelichting = "Ik vind het goed gaan" } });
        Assert.Equal(HttpStatusCode.Forbidden, completed.StatusCode);
        // Nor can the chair hand it to the one who pressed it.
        var handed = await chair.PostAsJsonAsync($"/api/tasks/{id}/reassign", new { assignee = "prof1" });
        Assert.NotEqual(HttpStatusCode.OK, handed.StatusCode);

        await ApiWorld.Ok(member.PostAsync($"/api/tasks/{id}/claim", null));
        await ApiWorld.Ok(member.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "Doorgaan", data = new { toelichting = "Samen met het gezin verder" } }));
    }

    [Fact]
    public async Task Stopknop_RefusesARouteThatCannotRunOn_NamingTheField_AndPausesNothing()
    {
        var prof1 = await host.AsAsync("prof1");
        var code = await ApiWorld.RegisterIntakeAsync(prof1);

        var refused = await prof1.PostAsJsonAsync($"/api/casus/{code}/stopknop", new { reden = "Het schaadt", doorlaten = new[] { "maatregel" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("doorlaten", out _), problem.ToString());
        var casus = await (await ApiWorld.Ok(prof1.GetAsync($"/api/casus/{code}"))).ReadJsonAsync();
        Assert.Equal("Running", casus.GetProperty("traject").GetProperty("status").GetString());
    }

    private static async Task<JsonElement> ReviewAsync(HttpClient reviewer, string code)
    {
        var list = await (await ApiWorld.Ok(reviewer.GetAsync($"/api/tasks/team?casus={code}"))).ReadJsonAsync();
        return list.EnumerateArray().Single(t => t.GetProperty("title").GetString() == Review);
    }

    private static async Task CompleteTeamTaskAsync(HttpClient chair, string code, string outcome, object data)
    {
        var task = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
        var response = await chair.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome, data });
        Assert.True(response.IsSuccessStatusCode, $"{outcome}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
