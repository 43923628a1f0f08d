using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// Life combines routes: an advies that chooses a netwerkberaad and begeleiding in duo at once runs both, each as its
/// own subflow, counts both, and closes only when both are done. Any route can bring the casus back to the table; a
/// family that does not know of the aanmelding yet is talked with first.
/// </summary>
public sealed class CombinedRouteScenarioTests
{
    private const string Casus = "RVT-2026-0801";
    private const string Evaluatie = "Evaluatie netwerkberaad: werken de afspraken?";
    private const string GesprekGezin = "Eerst met het gezin praten over de aanmelding";

    [Fact]
    public async Task CombinedAdvies_RunsNetwerkberaadAndDuoSideBySide_CountsBoth_AndClosesWhenBothAreDone()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAsync(engine, Casus, duoPartner: "prof2");
        await engine.CompleteAsync(Casus, Triage, "Consultatie & Advies", user: Chair);
        await engine.CompleteAsync(Casus, Advies, "Netwerkberaad",
            Form(("advies", "Netwerk erbij en iemand naast de inbrenger"), ("ookRoutes", new List<object?> { "Begeleiding in duo" })), Chair);

        var instances = await engine.Store.FindInstancesByCorrelationAsync(Casus);
        Assert.Single(instances, i => i.DefinitionId == "rvt-netwerkberaad" && i.Status == WorkflowStatus.Suspended);
        var duo = Assert.Single(instances, i => i.DefinitionId == "rvt-begeleiding-in-duo");
        Assert.Equal("netwerkberaad", await VariableAsync(engine, Casus, "route"));
        Assert.Equal(new List<object?> { "begeleiding-in-duo" }, await VariableAsync(engine, Casus, "combinatie"));
        Assert.Equal("netwerkberaad", await VariableAsync(engine, Casus, "zwaarsteRoute"));
        await engine.TaskAsync(Casus, NetwerkberaadPlannen);
        // The duo partner was given at aanmelding: the first reflection round is four weeks out (10:00 CEST).
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), Assert.Single(await engine.TimersAsync(duo.Id)).DueAt);

        // Each chosen route counts as an intervention of the RVT's advies, once.
        var cijfers = await engine.Services.GetRequiredService<HalfjaarcijfersService>().ForYearAsync(2026);
        Assert.Equal((1, 0, 1), Row(cijfers, "Netwerkberaden met partners"));
        Assert.Equal((1, 0, 1), Row(cijfers, "Begeleiding ism lokaal team"));
        Assert.Equal((0, 0, 0), Row(cijfers, "Interventiegesprek RvdK"));

        await NetwerkberaadScenarioTests.HoldNetwerkberaadAsync(engine, Casus);
        await engine.MoveToAsync(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero));
        foreach (var reflectie in (await engine.OpenTasksAsync(Casus)).Where(t => t.Title == "Duoreflectie ronde 1"))
            await engine.Runtime.CompleteTaskAsync(reflectie.Id, "Gereflecteerd", Form(("reflectie", "Het netwerk draagt mee")), reflectie.Assignee);
        await engine.CompleteAsync(Casus, "Goed genoeg?", "Goed genoeg", Form(("gezinEens", "ja"), ("gezinZegt", "We redden het nu samen")));
        Assert.Equal(WorkflowStatus.Finished, (await engine.InstanceAsync(Casus, "rvt-begeleiding-in-duo")).Status);
        // One route done is not the advies done: the netwerkberaad still runs, so there is nothing to close yet.
        Assert.DoesNotContain(await engine.OpenTasksAsync(Casus), t => t.Title == Afsluiten);

        await engine.MoveToAsync(new DateTimeOffset(2026, 4, 24, 9, 0, 0, TimeSpan.Zero));
        await engine.CompleteAsync(Casus, Evaluatie, "Veilig genoeg", Form(("gezinEens", "deels"), ("gezinZegt", "Oma helpt, maar het is zwaar"),
            ("gezinEensWaarom", "Ze willen minder afspraken")));

        await engine.TaskAsync(Casus, Afsluiten);
        Assert.Equal(new List<object?>(), await VariableAsync(engine, Casus, "combinatie"));
        // Both decision steps counted, both with the family's voice.
        var stem = await engine.Services.GetRequiredService<IWorkflowMonitoring>()
            .CountFactsByDayAsync(new(2026, 1, 1), new(2027, 1, 1), RvtFacts.GezinEens);
        Assert.Equal(3, stem.Where(c => c.Name == RvtFacts.Beslismoment).Sum(c => c.Count)); // the advies, goed genoeg, the evaluatie
        Assert.Equal(2, stem.Where(c => c.Name == RvtFacts.Beslismoment && RvtFacts.GezinsstemVastgelegd.Contains(c.DimensionValue)).Sum(c => c.Count));
    }

    [Fact]
    public async Task AdviesWithoutRoute_CannotBeCombined_AndTheFormSaysWhichField()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAsync(engine, Casus);
        await engine.CompleteAsync(Casus, Triage, "Consultatie & Advies", user: Chair);
        var advies = await engine.TaskAsync(Casus, Advies);

        var refused = await engine.Runtime.CompleteTaskAsync(advies.Id, "Advies zonder vervolgroute",
            Form(("advies", "Even aankijken"), ("ookRoutes", new List<object?> { "Netwerkberaad" })), Chair);

        Assert.Equal(ResumeOutcome.Rejected, refused.Outcome);
        Assert.Contains("ookRoutes", refused.FieldErrors!.Keys);
        Assert.Equal(UserTaskStatus.Open, (await engine.TaskAsync(Casus, Advies)).Status);
    }

    [Fact]
    public async Task FamilyNotYetKnowing_IsTalkedWithFirst_AndARouteCanBringTheCasusBackToTheTable_WithoutThatTalkAgain()
    {
        await using var engine = ScenarioEngine.Start();
        var input = Input();
        input["gezinWeetVanAanmelding"] = false;
        await engine.Runtime.StartAsync("rvt-traject", input, Casus);

        var gesprek = Assert.Single(await engine.OpenTasksAsync(Casus));
        Assert.Equal((GesprekGezin, Inbrenger), (gesprek.Title, gesprek.Assignee));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), gesprek.DueAt); // 5 werkdagen
        await engine.CompleteAsync(Casus, GesprekGezin, "Besproken met het gezin",
            Form(("gezinEens", "ja"), ("gezinZegt", "Goed dat er iemand meedenkt")));
        await engine.CompleteAsync(Casus, Triage, "Consultatie & Advies", user: Chair);
        await engine.CompleteAsync(Casus, Advies, "Netwerkberaad", Form(("advies", "Netwerk erbij")), Chair);
        await NetwerkberaadScenarioTests.HoldNetwerkberaadAsync(engine, Casus);
        await engine.AdvanceAsync(TimeSpan.FromDays(60));

        await engine.CompleteAsync(Casus, Evaluatie, "Terug naar de tafel", Form(("toelichting", "De zorgen zijn veranderd")));

        // Back at the table: a new triage at once, no second talk about an aanmelding the family already knows of.
        var open = await engine.OpenTasksAsync(Casus);
        Assert.Equal([Triage], open.Select(t => t.Title));
        var terug = await engine.Services.GetRequiredService<IWorkflowMonitoring>()
            .CountFactsByDayAsync(new(2026, 1, 1), new(2027, 1, 1), "route");
        Assert.Contains(new FactCount("terug-naar-tafel", "netwerkberaad", 1), terug);
    }

    [Fact]
    public async Task AcuteUnsafety_GoesToTheChairAtOnce_EvenWhenTheFamilyDoesNotKnowYet()
    {
        await using var engine = ScenarioEngine.Start();
        var input = Input(onveiligheid: "acuut");
        input["gezinWeetVanAanmelding"] = false;
        await engine.Runtime.StartAsync("rvt-traject", input, Casus);

        Assert.Equal(["Spoed: acute onveiligheid gemeld"], (await engine.OpenTasksAsync(Casus)).Select(t => t.Title));
    }

    private static (int, int, int) Row(Halfjaarcijfers cijfers, string onderdeel) =>
        cijfers.Rijen.Where(r => r.Onderdeel == onderdeel).Select(r => (r.EersteHalfjaar, r.TweedeHalfjaar, r.Totaal)).Single();
}
