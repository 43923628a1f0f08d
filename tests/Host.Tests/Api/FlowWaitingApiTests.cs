using System.Net;
using System.Text.Json;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// The heat map's figures over the API, for a manager who watches stuck trajecten: the count at the activity where the aanmeldingen
/// wait, and the instances there, without their casus codes; a flow that does not exist is a 404, a professional is refused.
/// </summary>
public sealed class FlowWaitingApiTests
{
    [Fact]
    public async Task A_manager_sees_where_the_aanmeldingen_wait_and_which_instances_but_no_casus_codes()
    {
        await using var host = new ApiHost();
        await host.InitializeAsync();
        using var prof1 = await host.AsAsync("prof1");
        string[] casus = [await ApiWorld.RegisterIntakeAsync(prof1), await ApiWorld.RegisterIntakeAsync(prof1)];
        using var manager = await host.AsAsync("manager");

        var waiting = await (await ApiWorld.Ok(manager.GetAsync("/api/flows/rvt-aanmelding/waiting"))).ReadJsonAsync();
        var triage = waiting.EnumerateArray().Single(w => w.GetProperty("activityId").GetString() == "triage");
        Assert.Equal(2, triage.GetProperty("count").GetInt32());
        Assert.Equal(0, triage.GetProperty("longestDays").GetInt32());

        var response = await ApiWorld.Ok(manager.GetAsync("/api/flows/rvt-aanmelding/waiting/triage"));
        var text = await response.Content.ReadAsStringAsync();
        using var view = JsonDocument.Parse(text);
        Assert.False(view.RootElement.GetProperty("showsCodes").GetBoolean());
        var lines = view.RootElement.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("casusCode").ValueKind));
        Assert.All(casus, code => Assert.DoesNotContain(code, text, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/flows/bestaat-niet/waiting")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await prof1.GetAsync("/api/flows/rvt-aanmelding/waiting")).StatusCode);
    }
}
