using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// The Stopknop as the seeds mean it: it stops harm and puts it right. "Rechtzetten" gives three tasks (what went wrong,
/// what is acknowledged to the family, what is undone) while the traject stays paused; and the review can ask the GI to
/// reconsider a running court measure, which the Stopknop itself never stops.
/// </summary>
public sealed class RechtzettenScenarioTests
{
    private const string Casus = "RVT-2026-0901";
    private const string Mis = "Rechtzetten: wat ging er mis?";
    private const string Erkennen = "Rechtzetten: erkennen naar het gezin";
    private const string Terugdraaien = "Rechtzetten: terugdraaien wat schaadde";
    private const string Verder = "Rechtgezet: hoe gaat het traject verder?";
    private const string Heroverweging = "Stopknop: is de maatregel nog nodig?";

    [Fact]
    public async Task Rechtzetten_GivesThreeTasksToTheReviewer_WhileTheTrajectStaysPaused_ThenItGoesOn()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Netwerkberaad");
        Assert.Equal(1, await engine.Runtime.SignalAsync("Stopknop", Casus, payload: Form(("reden", "het netwerkberaad zet het gezin onder druk"))));

        await engine.CompleteAsync(Casus, StopknopReview, "Rechtzetten", Form(("toelichting", "Er is te snel gepland")), Chair);

        var open = await engine.OpenTasksAsync(Casus);
        var rechtzetten = open.Where(t => t.Title.StartsWith("Rechtzetten", StringComparison.Ordinal)).ToList();
        Assert.Equal([Erkennen, Terugdraaien, Mis], rechtzetten.Select(t => t.Title).Order(StringComparer.Ordinal));
        Assert.All(rechtzetten, t => Assert.Equal(Chair, t.Assignee));
        Assert.All(rechtzetten, t => Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), t.DueAt)); // 5 werkdagen
        Assert.Equal(UserTaskStatus.OnHold, (await engine.TaskAsync(Casus, NetwerkberaadPlannen)).Status);

        await engine.CompleteAsync(Casus, Mis, "Vastgelegd", Form(("watGingMis", "De datum is zonder het gezin gekozen")), Chair);
        var refused = await engine.Runtime.CompleteTaskAsync((await engine.TaskAsync(Casus, Erkennen)).Id, "Vastgelegd",
            Form(("watErkend", "We hebben over hun hoofd heen gepland")), Chair);
        Assert.Contains("hoeGedeeld", refused.FieldErrors!.Keys);
        await engine.CompleteAsync(Casus, Erkennen, "Vastgelegd", Form(("watErkend", "We hebben over hun hoofd heen gepland"),
            ("hoeGedeeld", "in een gesprek"), ("gezinEens", "ja"), ("gezinZegt", "Fijn dat het gezegd wordt")), Chair);
        Assert.DoesNotContain(await engine.OpenTasksAsync(Casus), t => t.Title == Verder);
        await engine.CompleteAsync(Casus, Terugdraaien, "Vastgelegd", Form(("watTeruggedraaid", "De planning is ingetrokken")), Chair);

        await engine.CompleteAsync(Casus, Verder, "Doorgaan", Form(("toelichting", "Opnieuw plannen, samen met het gezin")), Chair);

        Assert.Equal(UserTaskStatus.Open, (await engine.TaskAsync(Casus, NetwerkberaadPlannen)).Status);
        Assert.Equal("Vastgelegd", ((Dictionary<string, object?>)(await VariableAsync(engine, Casus, "rechtzettenErkennen"))!)["outcome"]);
    }

    [Fact]
    public async Task Review_AsksTheGiToReconsiderARunningMaatregel_WhichEndsOnlyByItsOwnDecision()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtMaatregelAsync(engine, Casus);
        await engine.AdvanceAsync(TimeSpan.FromDays(7));
        Assert.Equal(1, await engine.Runtime.SignalAsync("Stopknop", Casus, payload: Form(("reden", "de uithuisplaatsing schaadt"))));

        await engine.CompleteAsync(Casus, StopknopReview, "Doorgaan",
            Form(("toelichting", "Het gezin kan het nu zelf"), ("maatregelHeroverwegen", true)), Chair);

        // The question reaches the GI's jeugdbeschermer; the measure itself still runs, with its evaluation on 2 June.
        var vraag = await engine.TaskAsync(Casus, Heroverweging);
        Assert.Equal(("jeugdbeschermer", "Jeugdbeschermer"), (vraag.Assignee, vraag.CandidateGroup));
        Assert.Equal(["Maatregel blijft nodig", "Beëindigd door de GI", "Verzoek beëindiging aan de kinderrechter"], vraag.Outcomes);
        var maatregel = await engine.InstanceAsync(Casus, "rvt-maatregel");
        Assert.Contains(new DateTimeOffset(2026, 6, 1, 22, 0, 0, TimeSpan.Zero), (await engine.TimersAsync(maatregel.Id)).Select(t => t.DueAt));

        await engine.CompleteAsync(Casus, Heroverweging, "Verzoek beëindiging aan de kinderrechter",
            Form(("toelichting", "Het netwerk draagt"), ("gezinEens", "ja"), ("gezinZegt", "Wij willen het zelf doen")), "jeugdbeschermer");
        await engine.CompleteAsync(Casus, "Beslissing van de rechter op het verzoek na de Stopknop", "Beëindigd door de kinderrechter",
            user: "jeugdbeschermer");

        Assert.Equal("Na heroverweging (Stopknop): beëindigd door de kinderrechter", await VariableAsync(engine, Casus, "eindReden", "rvt-maatregel"));
        Assert.Empty(await engine.TimersAsync(maatregel.Id));
        Assert.Equal(Inbrenger, (await engine.TaskAsync(Casus, TerugkeerPlannen)).Assignee);
    }

    [Fact]
    public async Task Review_DoesNotAskForAReconsideration_WhenNoMaatregelRuns()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Netwerkberaad");
        await engine.Runtime.SignalAsync("Stopknop", Casus, payload: Form(("reden", "te veel tegelijk")));

        await engine.CompleteAsync(Casus, StopknopReview, "Doorgaan", Form(("toelichting", "Verder"), ("maatregelHeroverwegen", true)), Chair);

        Assert.DoesNotContain(await engine.OpenTasksAsync(Casus), t => t.Title == Heroverweging);
        Assert.DoesNotContain(await engine.Store.FindInstancesByCorrelationAsync(Casus), i => i.DefinitionId == "rvt-maatregel");
    }
}
