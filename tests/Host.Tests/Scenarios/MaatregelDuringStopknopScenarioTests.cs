using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// A court measure runs on while the RVT route is paused: the maatregel is its own instance on the casus,
/// not a subflow, and its end reaches the paused traject as a signal that waits for the release.
/// </summary>
public sealed class MaatregelDuringStopknopScenarioTests
{
    private const string Casus = "RVT-2026-0777";

    [Fact]
    public async Task Maatregel_KeepsItsTimersAndEndsDuringThePause_AndTheTrajectGoesOnAfterDoorgaan()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Interventiegesprek RvdK");
        await engine.CompleteAsync(Casus, Gereedheidscheck, "Gereed", Gereedheid(true, true, true), Chair);
        await engine.CompleteAsync(Casus, "Interventiegesprek met de RvdK plannen", "Gepland", Form(("datum", "2026-03-12")));
        await engine.CompleteAsync(Casus, "Interventiegesprek voeren", "RvdK start onderzoek", user: "raad1");
        await engine.CompleteAsync(Casus, "Uitkomst raadsonderzoek", "Maatregel uitgesproken");
        await engine.CompleteAsync(Casus, "Beschikking registreren: maatregel uitgesproken", "Geregistreerd",
            Form(("type", "OTS"), ("startDatum", "2026-03-02"), ("eindDatum", "2027-03-02")), "jeugdbeschermer");
        var maatregel = await engine.InstanceAsync(Casus, "rvt-maatregel");
        Assert.Null(maatregel.ParentInstanceId);

        Assert.Equal(1, await engine.Runtime.SignalAsync("Stopknop", Casus, payload: Form(("reden", "de hulp schaadt"))));

        // The pause holds the traject, not the court measure: its evaluation still comes, on time, and can be done.
        Assert.Equal(1, await engine.MoveToAsync(new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero)));
        var evaluatie = await engine.TaskAsync(Casus, MaatregelEvaluatie);
        Assert.Equal(UserTaskStatus.Open, evaluatie.Status);
        await engine.CompleteAsync(Casus, MaatregelEvaluatie, "Beëindigd door de GI", MaatregelChecklist(true), "jeugdbeschermer");
        await engine.CompleteAsync(Casus, TerugkeerPlannen, "Netwerkberaad");
        Assert.Equal(WorkflowStatus.Finished, (await engine.InstanceAsync(Casus, "rvt-maatregel")).Status);
        Assert.DoesNotContain(await engine.OpenTasksAsync(Casus), t => t.Title == NetwerkberaadPlannen);

        await engine.CompleteAsync(Casus, StopknopReview, "Doorgaan", Form(("toelichting", "Verder")), Chair);

        // The signal that the maatregel ended waited for the release and moved the traject on.
        Assert.Equal(Inbrenger, (await engine.TaskAsync(Casus, NetwerkberaadPlannen)).Assignee);
        Assert.Equal("netwerkberaad", await VariableAsync(engine, Casus, "route"));
    }
}
