using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>The Stopknop on a whole traject: everything pauses, the chair decides within a werkdag.</summary>
public sealed class StopknopScenarioTests
{
    private const string Casus = "RVT-2026-0501";
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 3, 6, 15, 0, 0, TimeSpan.Zero); // 16:00 CET

    private static async Task<int> PressAsync(ScenarioEngine engine) =>
        await engine.Runtime.SignalAsync("Stopknop", Casus, payload: Form(("reden", "de hulp maakt het gezin onrustiger")));

    [Fact]
    public async Task Stopknop_PausesTheTrajectUntilTheChairSaysDoorgaan_WhenPressedDuringARoute()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Netwerkberaad");
        var plannen = await engine.TaskAsync(Casus, NetwerkberaadPlannen);
        await engine.MoveToAsync(FridayAfternoon);

        Assert.Equal(1, await PressAsync(engine));

        var whileHeld = await engine.Runtime.CompleteTaskAsync(plannen.Id, "Gepland", Form(("datum", "2026-03-20")), Inbrenger);
        Assert.Equal(ResumeOutcome.Held, whileHeld.Outcome);
        Assert.Equal(UserTaskStatus.OnHold, (await engine.Store.FindTaskAsync(plannen.Id))!.Status);
        var review = await engine.TaskAsync(Casus, StopknopReview);
        Assert.Equal(UserTaskStatus.Open, review.Status);
        Assert.Equal(("RvtChair", (string?)null), (review.CandidateGroup, review.Assignee));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero), review.DueAt); // 1 werkdag: Monday 16:00 CET
        Assert.Contains("de hulp maakt het gezin onrustiger", review.Description);
        Assert.Equal(0, await PressAsync(engine)); // pressed twice: the review is already there

        await engine.CompleteAsync(Casus, StopknopReview, "Doorgaan", Form(("toelichting", "De hulp helpt; ouders waren geschrokken")), Chair);

        Assert.Equal(UserTaskStatus.Open, (await engine.Store.FindTaskAsync(plannen.Id))!.Status);
        Assert.Equal(ResumeOutcome.Resumed,
            (await engine.Runtime.CompleteTaskAsync(plannen.Id, "Gepland", Form(("datum", "2026-03-20")), Inbrenger)).Outcome);
        Assert.Equal(2, (await engine.OpenTasksAsync(Casus)).Count(t => t.Title.Contains("netwerk uitnodigen", StringComparison.Ordinal)));
        Assert.Equal(1, await PressAsync(engine)); // the Stopknop is there again
    }

    [Fact]
    public async Task Stopknop_HoldsTimersOfTheRoute_UntilTheChairReleasesThem()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Netwerkberaad");
        await NetwerkberaadScenarioTests.HoldNetwerkberaadAsync(engine, Casus);
        var beraad = await engine.InstanceAsync(Casus, "rvt-netwerkberaad");
        var evaluatieDue = Assert.Single(await engine.TimersAsync(beraad.Id)).DueAt!.Value;

        await PressAsync(engine);
        Assert.Equal(0, await engine.MoveToAsync(evaluatieDue.AddDays(1)));
        Assert.Equal([StopknopReview], (await engine.OpenTasksAsync(Casus)).Select(t => t.Title));
        Assert.True(Assert.Single(await engine.TimersAsync(beraad.Id)).IsHeld);

        await engine.CompleteAsync(Casus, StopknopReview, "Doorgaan", Form(("toelichting", "Doorgaan")), Chair);

        Assert.Equal(1, await engine.Runtime.FireDueTimersAsync());
        Assert.Equal(Inbrenger, (await engine.TaskAsync(Casus, "Evaluatie netwerkberaad: werken de afspraken?")).Assignee);
    }

    [Fact]
    public async Task Stopknop_CancelsTheRouteAndAsksForANewAdvies_WhenTheChairChoosesAndereRoute()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Netwerkberaad");
        var plannen = await engine.TaskAsync(Casus, NetwerkberaadPlannen);
        await PressAsync(engine);

        await engine.CompleteAsync(Casus, StopknopReview, "Andere route", Form(("toelichting", "Een netwerkberaad is nu te zwaar")), Chair);

        Assert.Equal(UserTaskStatus.Cancelled, (await engine.Store.FindTaskAsync(plannen.Id))!.Status);
        Assert.Equal(WorkflowStatus.Cancelled, (await engine.InstanceAsync(Casus, "rvt-netwerkberaad")).Status);
        var nieuwAdvies = Assert.Single(await engine.OpenTasksAsync(Casus));
        Assert.Equal((NieuwAdvies, "RvtChair"), (nieuwAdvies.Title, nieuwAdvies.CandidateGroup));
        await engine.CompleteAsync(Casus, NieuwAdvies, "Begeleiding in duo", Form(("advies", "Samen dragen, rustiger tempo")), Chair);

        Assert.Equal("RvtChair", (await engine.TaskAsync(Casus, DuopartnerToewijzen)).CandidateGroup);
        Assert.Equal("begeleiding-in-duo", await VariableAsync(engine, Casus, "route"));
        Assert.Equal("netwerkberaad", await VariableAsync(engine, Casus, "zwaarsteRoute")); // the heaviest reached stays
        Assert.Equal(1, await PressAsync(engine));
    }

    [Fact]
    public async Task Stopknop_ClosesTheTraject_WhenTheChairChoosesAfsluiten()
    {
        await using var engine = ScenarioEngine.Start();
        var traject = await StartAtRouteAsync(engine, Casus, "Interventiegesprek RvdK");
        var check = await engine.TaskAsync(Casus, Gereedheidscheck);
        await PressAsync(engine);

        await engine.CompleteAsync(Casus, StopknopReview, "Afsluiten", Form(("toelichting", "De hulp schaadt; stoppen")), Chair);

        Assert.Equal(UserTaskStatus.Cancelled, (await engine.Store.FindTaskAsync(check.Id))!.Status);
        var afsluiten = Assert.Single(await engine.OpenTasksAsync(Casus));
        Assert.Equal((Afsluiten, Inbrenger), (afsluiten.Title, afsluiten.Assignee));
        await engine.CompleteAsync(Casus, Afsluiten, "Afgesloten: gestopt", Form(("reden", "Stopknop: de hulp schaadde")));
        var finished = await engine.InstanceAsync(Casus, "rvt-traject");
        Assert.Equal(WorkflowStatus.Finished, finished.Status);
        Assert.Equal("interventiegesprek-rvdk", finished.Variables["zwaarsteRoute"]);
        Assert.Empty(await engine.Store.GetBookmarksAsync(traject.InstanceId));
    }

    [Fact]
    public async Task Afsluiting_EndsTheTraject_WhileTheStopknopStillWaits()
    {
        await using var engine = ScenarioEngine.Start();
        var traject = await StartAtRouteAsync(engine, Casus, "Advies zonder vervolgroute");
        await engine.AdvanceAsync(TimeSpan.FromDays(42));
        await engine.CompleteAsync(Casus, "Vervolgcheck: hoe gaat het nu?", "Veilig genoeg");
        var waiting = await engine.Store.GetBookmarksAsync(traject.InstanceId);
        Assert.Contains(waiting, b => b.Kind == BookmarkKind.Signal && b.SignalName == "Stopknop");

        await engine.CompleteAsync(Casus, Afsluiten, "Afgesloten: veilig genoeg", Form(("reden", "Veilig genoeg")));

        Assert.Equal(WorkflowStatus.Finished, (await engine.InstanceAsync(Casus, "rvt-traject")).Status);
        Assert.Empty(await engine.Store.GetBookmarksAsync(traject.InstanceId));
        Assert.Empty(await engine.OpenTasksAsync(Casus));
        Assert.Equal(0, await PressAsync(engine));
    }
}
