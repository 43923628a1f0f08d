using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>
/// The Stopknop stops the part that harms and keeps the relationship: the duo's contact runs on through the pause unless
/// the presser pauses it too; a kept route that ends during the pause moves the traject on only after the review.
/// </summary>
public sealed class StopknopDoorlatenScenarioTests
{
    private const string Casus = "RVT-2026-0951";
    private const string Reflectie = "Duoreflectie ronde 1";
    private static readonly DateTimeOffset FirstRound = new(2026, 3, 30, 8, 0, 0, TimeSpan.Zero);

    private static async Task CombinedAsync(ScenarioEngine engine)
    {
        await StartAsync(engine, Casus, duoPartner: "prof2");
        await engine.CompleteAsync(Casus, Triage, "Consultatie & Advies", user: Chair);
        await engine.CompleteAsync(Casus, Advies, "Netwerkberaad",
            Form(("advies", "Netwerk en een duo"), ("ookRoutes", new List<object?> { "Begeleiding in duo" })), Chair);
    }

    [Fact]
    public async Task ByDefault_TheDuosContactRunsOn_WhileTheNetwerkberaadIsPaused_AndItsEndWaitsForTheReview()
    {
        await using var engine = ScenarioEngine.Start();
        await CombinedAsync(engine);

        Assert.Equal(1, await engine.Runtime.SignalAsync("Stopknop", Casus, payload: Form(("reden", "het netwerkberaad zet het gezin onder druk"))));

        Assert.Equal(UserTaskStatus.OnHold, (await engine.TaskAsync(Casus, NetwerkberaadPlannen)).Status);
        // The duo's timer is not held: the reflection round comes on time, and both can reflect and decide.
        Assert.Equal(1, await engine.MoveToAsync(FirstRound));
        var reflecties = (await engine.OpenTasksAsync(Casus)).Where(t => t.Title == Reflectie).ToList();
        Assert.Equal(2, reflecties.Count);
        Assert.All(reflecties, t => Assert.Equal(UserTaskStatus.Open, t.Status));
        foreach (var reflectie in reflecties)
            await engine.Runtime.CompleteTaskAsync(reflectie.Id, "Gereflecteerd", Form(("reflectie", "Het contact helpt nu")), reflectie.Assignee);
        await engine.CompleteAsync(Casus, "Goed genoeg?", "Goed genoeg", Form(("gezinEens", "ja"), ("gezinZegt", "Fijn dat zij er bleven")));

        // The duo ended during the pause: the traject does not move on before the review decides.
        Assert.Equal(WorkflowStatus.Finished, (await engine.InstanceAsync(Casus, "rvt-begeleiding-in-duo")).Status);
        Assert.Null(await VariableAsync(engine, Casus, "uitkomstDuo"));
        await engine.CompleteAsync(Casus, StopknopReview, "Doorgaan", Form(("toelichting", "Rustiger plannen")), Chair);

        var uitkomst = Assert.IsType<Dictionary<string, object?>>(await VariableAsync(engine, Casus, "uitkomstDuo"));
        Assert.Equal("prof2", uitkomst["duoPartner"]);
        Assert.Equal(UserTaskStatus.Open, (await engine.TaskAsync(Casus, NetwerkberaadPlannen)).Status);
        Assert.DoesNotContain(await engine.OpenTasksAsync(Casus), t => t.Title == Afsluiten); // the netwerkberaad still runs
    }

    [Fact]
    public async Task ThePresser_CanPauseTheDuoToo()
    {
        await using var engine = ScenarioEngine.Start();
        await CombinedAsync(engine);

        await engine.Runtime.SignalAsync("Stopknop", Casus, payload: Form(("reden", "alles tegelijk is te veel"), ("doorlaten", new List<object?>())));

        var duo = await engine.InstanceAsync(Casus, "rvt-begeleiding-in-duo");
        Assert.True(Assert.Single(await engine.TimersAsync(duo.Id)).IsHeld);
        Assert.Equal(0, await engine.MoveToAsync(FirstRound));
        await engine.CompleteAsync(Casus, StopknopReview, "Doorgaan", Form(("toelichting", "Verder, rustiger")), Chair);
        Assert.Equal(1, await engine.AdvanceAsync(TimeSpan.Zero)); // released: the timer that came due meanwhile fires now
        Assert.Equal(2, (await engine.OpenTasksAsync(Casus)).Count(t => t.Title == Reflectie)); // the round that came due meanwhile
    }

    [Fact]
    public async Task AnotherRoute_StopsWhatRanOn_AsMuchAsWhatWasPaused()
    {
        await using var engine = ScenarioEngine.Start();
        await CombinedAsync(engine);
        await engine.Runtime.SignalAsync("Stopknop", Casus, payload: Form(("reden", "de hulp schaadt")));

        await engine.CompleteAsync(Casus, StopknopReview, "Andere route", Form(("toelichting", "Eerst rust")), Chair);

        Assert.Equal(WorkflowStatus.Cancelled, (await engine.InstanceAsync(Casus, "rvt-begeleiding-in-duo")).Status);
        Assert.Equal(WorkflowStatus.Cancelled, (await engine.InstanceAsync(Casus, "rvt-netwerkberaad")).Status);
        await engine.TaskAsync(Casus, NieuwAdvies);
    }
}
