using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>The proefrit over HTTP: run a draft on a simulated clock, save it as a scenario in the draft, replay the saved scenarios.</summary>
public sealed class TestDriveApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    // A week of work (5 working days), then two weeks' wait, then the evaluation: enough to see a holiday and a timer in the dates.
    private const string Flow = """
        { "id": "api-proefrit", "name": "Proefrit-test",
          "activities": [
            { "id": "intake", "type": "HumanTask", "displayName": "Intake", "inputs": { "title": "Intake doen", "candidateGroup": "Professional", "due": "5 werkdagen", "outcomes": ["Klaar", "Stoppen"] } },
            { "id": "wachten", "type": "Delay", "displayName": "Twee weken", "inputs": { "duration": "P2W" } },
            { "id": "evaluatie", "type": "HumanTask", "displayName": "Evaluatie", "inputs": { "title": "Evalueren", "candidateGroup": "Professional" } },
            { "id": "einde", "type": "End" } ],
          "connections": [
            { "source": "intake", "outcome": "Klaar", "target": "wachten" }, { "source": "intake", "outcome": "Stoppen", "target": "einde" },
            { "source": "wachten", "target": "evaluatie" } ] }
        """;

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_coordinator_drives_a_draft_through_Koningsdag_saves_it_as_a_scenario_and_replays_it()
    {
        using var coordinator = await host.AsAsync("coordinator");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync("/api/flows/import", Body(Flow))).StatusCode);
        var scenario = new
        {
            name = "Intake en evaluatie",
            start = "2027-04-23",
            steps = new object[] { new { at = "2027-04-28", task = "intake", outcome = "Klaar" }, new { until = "2027-05-20" } },
        };

        var drive = await (await coordinator.PostAsJsonAsync("/api/flows/api-proefrit/test-drive", scenario)).ReadJsonAsync();
        var lines = drive.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("line").GetString()).ToList();
        // Five working days from Friday 23 April skip the weekend and Koningsdag (Tuesday 27 April 2027).
        Assert.Contains("vr 23-04-2027 09:00 · Taak klaargezet: Intake doen · voor groep Professional · uiterlijk ma 03-05-2027 09:00", lines);
        Assert.Contains("wo 28-04-2027 09:00 · Timer gezet: Twee weken · loopt af op wo 12-05-2027 09:00", lines);
        Assert.Equal("evaluatie", drive.GetProperty("openTasks")[0].GetProperty("activityId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, drive.GetProperty("problem").ValueKind);

        var saved = await coordinator.PutAsJsonAsync("/api/flows/api-proefrit/scenarios", scenario);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var draft = await saved.ReadJsonAsync();
        Assert.False(draft.GetProperty("version").GetProperty("isPublished").GetBoolean());
        var stored = draft.GetProperty("flow").GetProperty("scenarios")[0];
        Assert.Equal(lines, stored.GetProperty("expected").EnumerateArray().Select(l => l.GetString()));

        var check = await (await coordinator.GetAsync("/api/flows/api-proefrit/scenarios/check")).ReadJsonAsync();
        Assert.True(check[0].GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task A_scenario_whose_step_cannot_be_taken_is_refused_naming_the_step_and_the_draft_is_untouched()
    {
        using var coordinator = await host.AsAsync("coordinator");
        await coordinator.PostAsync("/api/flows/import", Body(Flow.Replace("api-proefrit", "api-proefrit-fout")));
        var before = await (await coordinator.GetAsync("/api/flows/api-proefrit-fout")).ReadJsonAsync();

        var refused = await coordinator.PutAsJsonAsync("/api/flows/api-proefrit-fout/scenarios",
            new { name = "Fout", start = "2027-04-23", steps = new object[] { new { task = "evaluatie", outcome = "Afgerond" } } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("task: op vr 23-04-2027 09:00 staat de taak 'evaluatie' niet open; open staan: intake (Intake doen)",
            errors.GetProperty("steps[0]")[0].GetString());
        var nameless = await coordinator.PutAsJsonAsync("/api/flows/api-proefrit-fout/scenarios", new { start = "2027-04-23" });
        Assert.Equal("Geef het scenario een naam.", (await nameless.ReadJsonAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
        var after = await (await coordinator.GetAsync("/api/flows/api-proefrit-fout")).ReadJsonAsync();
        Assert.Equal(before.GetProperty("version").GetProperty("version").GetInt32(), after.GetProperty("version").GetProperty("version").GetInt32());
    }
}
