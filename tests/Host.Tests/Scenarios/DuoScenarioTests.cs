using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>Begeleiding in duo: both professionals get the prompts, every four weeks, until "goed genoeg".</summary>
public sealed class DuoScenarioTests
{
    private const string Casus = "RVT-2026-0301";
    private const string Reflecteren = "Duoreflectie ronde ";

    [Fact]
    public async Task Duo_ReflectsEveryFourWeeksWithBothProfessionals_UntilGoedGenoeg()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Begeleiding in duo");
        var toewijzen = await engine.TaskAsync(Casus, DuopartnerToewijzen);
        Assert.Equal("RvtChair", toewijzen.CandidateGroup);
        Assert.True(toewijzen.Escalates);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), toewijzen.DueAt);
        Assert.Equal("begeleiding-in-duo", await VariableAsync(engine, Casus, "zwaarsteRoute"));

        await engine.CompleteAsync(Casus, DuopartnerToewijzen, "Toegewezen", Form(("duoPartner", "prof2")), Chair);

        var duo = await engine.InstanceAsync(Casus, "rvt-begeleiding-in-duo");
        var firstRound = new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero); // P4W: 10:00 CEST, after the DST change
        Assert.Equal(firstRound, Assert.Single(await engine.TimersAsync(duo.Id)).DueAt);
        Assert.Equal(0, await engine.MoveToAsync(firstRound.AddMinutes(-1)));
        Assert.Empty(await engine.OpenTasksAsync(Casus));
        Assert.Equal(1, await engine.MoveToAsync(firstRound));

        var reflections = await engine.OpenTasksAsync(Casus);
        Assert.Equal(["prof1", "prof2"], reflections.Select(t => t.Assignee).Order());
        Assert.All(reflections, t => Assert.Equal(Reflecteren + "1", t.Title));
        // Reflecting is where taking time is the point: these steps are never escalated when they stay open.
        Assert.All(reflections, t => Assert.False(t.Escalates));
        Assert.All(reflections, t => Assert.Equal(new DateTimeOffset(2026, 4, 7, 8, 0, 0, TimeSpan.Zero), t.DueAt)); // Tweede Paasdag skipped
        await engine.Runtime.CompleteTaskAsync(reflections.Single(t => t.Assignee == "prof2").Id, "Gereflecteerd", Form(("reflectie", "We vertragen goed")), "prof2");
        Assert.DoesNotContain(await engine.OpenTasksAsync(Casus), t => t.Title == "Goed genoeg?");
        await engine.Runtime.CompleteTaskAsync(reflections.Single(t => t.Assignee == "prof1").Id, "Gereflecteerd", Form(("reflectie", "Het schuurt nog")), "prof1");

        Assert.Equal(Inbrenger, (await engine.TaskAsync(Casus, "Goed genoeg?")).Assignee);
        Assert.False((await engine.TaskAsync(Casus, "Goed genoeg?")).Escalates);
        await engine.CompleteAsync(Casus, "Goed genoeg?", "Nog niet");
        Assert.Equal(new DateTimeOffset(2026, 4, 27, 8, 0, 0, TimeSpan.Zero), Assert.Single(await engine.TimersAsync(duo.Id)).DueAt);

        await engine.MoveToAsync(new DateTimeOffset(2026, 4, 27, 8, 0, 0, TimeSpan.Zero));
        var second = await engine.OpenTasksAsync(Casus);
        Assert.Equal([Reflecteren + "2", Reflecteren + "2"], second.Select(t => t.Title));
        foreach (var task in second)
            await engine.Runtime.CompleteTaskAsync(task.Id, "Gereflecteerd", Form(("reflectie", "Goed genoeg")), task.Assignee);
        await engine.CompleteAsync(Casus, "Goed genoeg?", "Goed genoeg");

        Assert.Equal(WorkflowStatus.Finished, (await engine.InstanceAsync(Casus, "rvt-begeleiding-in-duo")).Status);
        await engine.CompleteAsync(Casus, Afsluiten, "Afgesloten: overgedragen", Form(("reden", "Lokaal team neemt over")));
        var traject = await engine.InstanceAsync(Casus, "rvt-traject");
        Assert.Equal(WorkflowStatus.Finished, traject.Status);
        Assert.Equal("begeleiding-in-duo", traject.Variables["zwaarsteRoute"]);
    }

    [Fact]
    public async Task Duo_SkipsTheAssignment_WhenTheDuoPartnerCameWithTheAanmelding()
    {
        await using var engine = ScenarioEngine.Start();

        await StartAtRouteAsync(engine, Casus, "Begeleiding in duo", duoPartner: "ervaringsdeskundige1");

        Assert.Empty(await engine.OpenTasksAsync(Casus));
        await engine.AdvanceAsync(TimeSpan.FromDays(28));
        Assert.Equal(["ervaringsdeskundige1", "prof1"], (await engine.OpenTasksAsync(Casus)).Select(t => t.Assignee).Order());
    }
}
