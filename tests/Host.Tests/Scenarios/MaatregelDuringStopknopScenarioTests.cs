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
        await StartAtMaatregelAsync(engine, Casus);
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
