using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>The start of every traject: aanmelding, triage and advies, and the route without a vervolgroute.</summary>
public sealed class AanmeldingScenarioTests
{
    private const string Casus = "RVT-2026-0401";

    [Fact]
    public async Task Traject_GivesSpoedToTheChairWithinFourHours_WhenOnveiligheidIsAcuut()
    {
        await using var engine = ScenarioEngine.Start();

        await engine.Runtime.StartAsync("rvt-traject", Input(onveiligheid: "acuut"), Casus);

        var spoed = Assert.Single(await engine.OpenTasksAsync(Casus));
        Assert.Equal("Spoed: acute onveiligheid gemeld", spoed.Title);
        Assert.Equal("RvtChair", spoed.CandidateGroup);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero), spoed.DueAt);
        await engine.CompleteAsync(Casus, spoed.Title, "Advies gegeven", user: Chair);
        Assert.Equal("RvtChair", (await engine.TaskAsync(Casus, Advies)).CandidateGroup);
    }

    [Fact]
    public async Task Traject_AsksTheInbrengerToPrepare_WhenTriageChoosesBespreking()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAsync(engine, Casus);

        await engine.CompleteAsync(Casus, Triage, "Bespreking", Form(("tafeldatum", "2026-03-12")), Chair);

        var voorbereiden = await engine.TaskAsync(Casus, "Bespreking aan de RVT-tafel voorbereiden");
        Assert.Equal(Inbrenger, voorbereiden.Assignee);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), voorbereiden.DueAt);
        await engine.CompleteAsync(Casus, voorbereiden.Title, "Voorbereid");
        Assert.Equal("RvtChair", (await engine.TaskAsync(Casus, Advies)).CandidateGroup);
    }

    [Fact]
    public async Task Traject_ChecksSixWeeksLaterAndStartsAgain_WhenAdviesHasNoVervolgroute()
    {
        await using var engine = ScenarioEngine.Start();
        var traject = await StartAtRouteAsync(engine, Casus, "Advies zonder vervolgroute");
        Assert.Empty(await engine.OpenTasksAsync(Casus));
        var checkDue = new DateTimeOffset(2026, 4, 13, 8, 0, 0, TimeSpan.Zero); // P6W: 10:00 CEST
        Assert.Equal(checkDue, Assert.Single(await engine.TimersAsync(traject.InstanceId)).DueAt);
        Assert.Equal("advies-zonder-vervolgroute", await VariableAsync(engine, Casus, "zwaarsteRoute"));

        Assert.Equal(0, await engine.MoveToAsync(checkDue.AddSeconds(-1)));
        Assert.Equal(1, await engine.MoveToAsync(checkDue));
        var check = await engine.TaskAsync(Casus, "Vervolgcheck: hoe gaat het nu?");
        Assert.Equal(Inbrenger, check.Assignee);
        Assert.Equal(new DateTimeOffset(2026, 4, 20, 8, 0, 0, TimeSpan.Zero), check.DueAt);
        await engine.CompleteAsync(Casus, check.Title, "Opnieuw inbrengen");

        Assert.Equal("RvtChair", (await engine.TaskAsync(Casus, Triage)).CandidateGroup);
        Assert.Equal(2, (await engine.Store.FindInstancesByCorrelationAsync(Casus)).Count(i => i.DefinitionId == "rvt-aanmelding"));
        await engine.CompleteAsync(Casus, Triage, "Consultatie & Advies", user: Chair);
        await engine.CompleteAsync(Casus, Advies, "Netwerkberaad", Form(("advies", "Nu wel het netwerk erbij")), Chair);
        Assert.Equal("netwerkberaad", await VariableAsync(engine, Casus, "zwaarsteRoute"));
    }

    [Fact]
    public async Task Traject_ClosesAfterTheCheck_WhenItIsVeiligGenoeg()
    {
        await using var engine = ScenarioEngine.Start();
        var traject = await StartAtRouteAsync(engine, Casus, "Advies zonder vervolgroute");
        await engine.AdvanceAsync(TimeSpan.FromDays(42));

        await engine.CompleteAsync(Casus, "Vervolgcheck: hoe gaat het nu?", "Veilig genoeg");
        await engine.CompleteAsync(Casus, Afsluiten, "Afgesloten: veilig genoeg", Form(("reden", "Advies opgevolgd")));

        var finished = await engine.InstanceAsync(Casus, "rvt-traject");
        Assert.Equal(WorkflowStatus.Finished, finished.Status);
        Assert.Equal("advies-zonder-vervolgroute", finished.Variables["zwaarsteRoute"]);
        var afsluiting = Assert.IsType<Dictionary<string, object?>>(finished.Variables["afsluiting"]);
        Assert.Equal(("Afgesloten: veilig genoeg", "Advies opgevolgd"), (afsluiting["outcome"], afsluiting["reden"]));
        Assert.Empty(await engine.Store.GetBookmarksAsync(traject.InstanceId));
    }

    [Fact]
    public async Task Afsluiting_RequiresAReden_WhenTheInbrengerLeavesItEmpty()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Advies zonder vervolgroute");
        await engine.AdvanceAsync(TimeSpan.FromDays(42));
        await engine.CompleteAsync(Casus, "Vervolgcheck: hoe gaat het nu?", "Veilig genoeg");
        var afsluiten = await engine.TaskAsync(Casus, Afsluiten);

        var result = await engine.Runtime.CompleteTaskAsync(afsluiten.Id, "Afgesloten: gestopt", Form(("reden", "")), Inbrenger);

        Assert.Equal(ResumeOutcome.Rejected, result.Outcome);
        Assert.Contains("reden", result.Message);
        Assert.Equal(["Afgesloten: veilig genoeg", "Afgesloten: overgedragen", "Afgesloten: gestopt"], afsluiten.Outcomes);
    }
}
