using System.Text.Json;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.TestDrive;

namespace ProcessEngine.Rvt.Tests.TestDrive;

/// <summary>The proefrit of the shipped maatregel flow, on its simulated clock: the legal dates as a coordinator sees them.</summary>
public sealed class MaatregelTestDriveTests
{
    private static readonly string Flow = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows-json", "rvt-maatregel.json"));
    private static readonly TestDriver Driver = new(r => r.AddRvtActivities());

    private static Dictionary<string, JsonElement> Json(string json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static readonly Dictionary<string, JsonElement> Continued = Json("""
        { "netwerk": false, "afsprakenNagekomen": true, "gezinHeeftRegie": false, "hulpVrijwilligAanvaard": false,
          "gezinEens": "deels", "gezinEensWaarom": "Wil sneller verder.", "gezinZegt": "We willen het zelf doen." }
        """);

    private static ScenarioModel Ots(params ScenarioStepModel[] steps) => new()
    {
        Name = "OTS",
        Start = "2027-02-01",
        Input = Json("""{ "type": "OTS", "startDatum": "2027-02-01", "eindDatum": "2028-02-01", "inbrenger": "prof1", "jeugdbeschermer": "gi1" }"""),
        Steps = [.. steps],
    };

    [Fact]
    public async Task An_extended_OTS_asks_for_the_next_request_ten_weeks_before_its_new_end_date()
    {
        var result = await Driver.RunAsync(Flow, [], Ots(
            new() { At = "2027-05-04", Task = "evaluatie", Outcome = "Voortzetten", Answers = Continued },
            new() { At = "2027-08-03", Task = "evaluatie", Outcome = "Voortzetten", Answers = Continued },
            new() { At = "2027-11-02", Task = "evaluatie", Outcome = "Voortzetten", Answers = Continued },
            new() { At = "2027-11-25", Task = "verlenging-verzoek", Outcome = "Verzoek ingediend" },
            new() { At = "2028-01-20T14:30", Task = "verlenging-beschikking", Outcome = "Verlengd",
                Answers = Json("""{ "beschikkingsdatum": "2028-01-19", "nieuweEindDatum": "2029-02-01" }""") },
            new() { Until = "2028-06-01" }));

        Assert.Null(result.Problem);
        Assert.Contains("ma 01-02-2027 09:00 · Timer gezet: Voor de einddatum van de OTS · loopt af op di 23-11-2027 00:00", result.Lines);
        Assert.Contains("di 23-11-2027 00:00 · Taak klaargezet: OTS loopt af: verzoekt de GI de kinderrechter om verlenging? · voor gi1 · uiterlijk di 07-12-2027 00:00", result.Lines);
        Assert.Contains("do 20-01-2028 14:30 · Taak afgerond: Beschikking van de kinderrechter op het verzoek tot verlenging → Verlengd", result.Lines);
        Assert.Contains("do 20-01-2028 14:30 · Timer gezet: Voor de einddatum van de OTS · loopt af op do 23-11-2028 00:00", result.Lines);
        // The fourth evaluation counts from the first beschikking, not from the extension.
        Assert.Contains("di 01-02-2028 00:00 · Taak klaargezet: Kan de maatregel eindigen en kan de regie terug naar het gezin? · voor gi1 · uiterlijk di 15-02-2028 00:00", result.Lines);
        Assert.Equal(new DateTimeOffset(2028, 6, 1, 9, 0, 0, TimeSpan.FromHours(2)), result.Now);
        Assert.Equal(new DateTimeOffset(2028, 11, 23, 0, 0, 0, TimeSpan.FromHours(1)), result.NextTimer);
        Assert.Equal(["evaluatie"], result.OpenTasks.Select(t => t.ActivityId));
        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        Assert.Equal(["MaatregelBeeindigen", "MaatregelHeroverwegen", "MachtigingVerleend"], result.WaitingSignals.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task A_step_on_a_task_that_is_not_open_names_the_step_and_what_is_open()
    {
        var result = await Driver.RunAsync(Flow, [], Ots(
            new ScenarioStepModel { At = "2027-05-04", Task = "verlenging-verzoek", Outcome = "Verzoek ingediend" }));

        Assert.Equal("$.steps[0]", result.Problem!.Path);
        Assert.Equal("task: op di 04-05-2027 09:00 staat de taak 'verlenging-verzoek' niet open; open staan: evaluatie (Kan de maatregel eindigen en kan de regie terug naar het gezin?)",
            result.Problem.Message);
    }

    [Fact]
    public async Task A_step_back_in_time_and_a_refused_form_are_named()
    {
        var back = await Driver.RunAsync(Flow, [], Ots(new ScenarioStepModel { Until = "2027-01-31" }));
        Assert.Equal("$.steps[0]: until: zo 31-01-2027 09:00 ligt vóór het moment waarop de proefrit nu staat (ma 01-02-2027 09:00)", back.Problem!.ToString());

        var refused = await Driver.RunAsync(Flow, [], Ots(new ScenarioStepModel { At = "2027-05-04", Task = "evaluatie", Outcome = "Voortzetten" }));
        Assert.StartsWith("answers: netwerk:", refused.Problem!.Message);
    }

    [Fact]
    public async Task A_signal_from_outside_ends_the_maatregel_and_plans_the_return()
    {
        var result = await Driver.RunAsync(Flow, [], Ots(
            new ScenarioStepModel { At = "2027-03-10", Signal = "MaatregelBeeindigen", Data = Json("""{ "reden": "Regie terug bij het gezin", "door": "gi1" }""") }));

        Assert.Null(result.Problem);
        Assert.Contains("wo 10-03-2027 09:00 · Signaal ontvangen: Beëindigd van buiten?", result.Lines);
        Assert.Contains(result.Lines, l => l.StartsWith("wo 10-03-2027 09:00 · Timer vervallen: Tot de volgende evaluatie", StringComparison.Ordinal));
        Assert.Equal(["terugkeer-plannen"], result.OpenTasks.Select(t => t.ActivityId));
    }

    [Fact]
    public async Task A_saved_timeline_that_a_changed_duration_moves_names_the_first_changed_line()
    {
        var scenario = Ots(new ScenarioStepModel { Until = "2027-12-01" });
        var expected = (await Driver.RunAsync(Flow, [], scenario)).Lines;
        var changed = Flow.Replace("\"default\": \"P10W\"", "\"default\": \"P12W\"", StringComparison.Ordinal);

        Assert.Null(ScenarioCheck.FirstDifference(expected, await Driver.RunAsync(Flow, [], scenario)));
        var difference = ScenarioCheck.FirstDifference(expected, await Driver.RunAsync(changed, [], scenario));
        Assert.Equal("regel 7 verschilt: verwacht 'ma 01-02-2027 09:00 · Timer gezet: Voor de einddatum van de OTS · loopt af op di 23-11-2027 00:00', " +
            "nu 'ma 01-02-2027 09:00 · Timer gezet: Voor de einddatum van de OTS · loopt af op di 09-11-2027 00:00'", difference);
    }
}
