using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>The traject along the netwerkberaad route, from aanmelding to afsluiting.</summary>
public sealed class NetwerkberaadScenarioTests
{
    private const string Casus = "RVT-2026-0101";

    [Fact]
    public async Task Traject_RunsNetwerkberaadToAfsluiting_WhenAdviesChoosesNetwerkberaad()
    {
        await using var engine = ScenarioEngine.Start();
        var started = await StartAsync(engine, Casus);
        var triage = await engine.TaskAsync(Casus, Triage);
        Assert.Equal(("RvtChair", (string?)null), (triage.CandidateGroup, triage.Assignee));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), triage.DueAt); // 2 werkdagen: Wednesday 10:00 CET

        await engine.AdvanceAsync(TimeSpan.FromDays(1));
        await engine.CompleteAsync(Casus, Triage, "Consultatie & Advies", user: Chair);
        var advies = await engine.TaskAsync(Casus, Advies);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), advies.DueAt); // 5 werkdagen from Tuesday
        await engine.CompleteAsync(Casus, Advies, "Netwerkberaad", Form(("advies", "Betrek het netwerk")), Chair);

        var plannen = await engine.TaskAsync(Casus, NetwerkberaadPlannen);
        Assert.Equal((Inbrenger, (string?)null), (plannen.Assignee, plannen.CandidateGroup));
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.Zero), plannen.DueAt); // 10 werkdagen
        Assert.Equal("netwerkberaad", await VariableAsync(engine, Casus, "route"));
        Assert.Equal("netwerkberaad", await VariableAsync(engine, Casus, "zwaarsteRoute"));

        await engine.CompleteAsync(Casus, NetwerkberaadPlannen, "Gepland", Form(("datum", "2026-03-20")));
        var invitations = await engine.OpenTasksAsync(Casus);
        var informeel = Assert.Single(invitations, t => t.Title == "Informeel netwerk uitnodigen voor het netwerkberaad");
        Assert.Single(invitations, t => t.Title == "Formeel netwerk uitnodigen voor het netwerkberaad");
        Assert.All(invitations.Where(t => t.Title.Contains("uitnodigen", StringComparison.Ordinal)), t => Assert.Equal(Inbrenger, t.Assignee));
        // The roles are asked for when people were invited (form rule informeel-netwerk); a family with nobody yet says so.
        Assert.Contains(informeel.Form, f => f.Name == "rollen");
        Assert.Equal(["Uitgenodigd", "Nog niemand in beeld"], informeel.Outcomes);
        await engine.CompleteAsync(Casus, "Formeel netwerk uitnodigen voor het netwerkberaad", "Uitgenodigd", Form(("organisaties", "wijkteam, school")));
        Assert.DoesNotContain(await engine.OpenTasksAsync(Casus), t => t.Title == "Netwerkberaad houden en afspraken maken");
        await engine.CompleteAsync(Casus, "Informeel netwerk uitnodigen voor het netwerkberaad", "Uitgenodigd",
            Form(("rollen", "grootmoeder, buurvrouw, voetbaltrainer"), ("aantal", 3)));

        var houden = await engine.TaskAsync(Casus, "Netwerkberaad houden en afspraken maken");
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero), houden.DueAt); // the planned day
        await engine.MoveToAsync(new DateTimeOffset(2026, 3, 20, 14, 0, 0, TimeSpan.Zero));
        await engine.CompleteAsync(Casus, houden.Title, "Gehouden", Afspraken());
        var kaart = await engine.TaskAsync(Casus, "Afspraken op de Veiligheidskaart zetten");
        Assert.Equal(new DateTimeOffset(2026, 3, 24, 14, 0, 0, TimeSpan.Zero), kaart.DueAt); // 2 werkdagen over the weekend
        await engine.CompleteAsync(Casus, kaart.Title, "Bijgewerkt");

        // Six weeks on the Amsterdam wall clock: 15:00 CET becomes 15:00 CEST, 13:00 UTC.
        var evaluatieDue = new DateTimeOffset(2026, 5, 1, 13, 0, 0, TimeSpan.Zero);
        var beraad = await engine.InstanceAsync(Casus, "rvt-netwerkberaad");
        Assert.Equal(evaluatieDue, Assert.Single(await engine.TimersAsync(beraad.Id)).DueAt);
        Assert.Equal(0, await engine.MoveToAsync(evaluatieDue.AddMinutes(-1)));
        Assert.Empty(await engine.OpenTasksAsync(Casus));
        Assert.Equal(1, await engine.MoveToAsync(evaluatieDue));
        var evaluatie = await engine.TaskAsync(Casus, "Evaluatie netwerkberaad: werken de afspraken?");
        Assert.Equal(Inbrenger, evaluatie.Assignee);
        Assert.Equal(new DateTimeOffset(2026, 5, 11, 13, 0, 0, TimeSpan.Zero), evaluatie.DueAt); // 5 werkdagen, Bevrijdingsdag skipped
        await engine.CompleteAsync(Casus, evaluatie.Title, "Veilig genoeg");

        var afsluiten = await engine.TaskAsync(Casus, Afsluiten);
        Assert.Equal(Inbrenger, afsluiten.Assignee);
        await engine.CompleteAsync(Casus, Afsluiten, "Afgesloten: veilig genoeg", Form(("reden", "Het netwerk draagt de afspraken")));

        var traject = await engine.InstanceAsync(Casus, "rvt-traject");
        Assert.Equal(started.InstanceId, traject.Id);
        Assert.Equal(WorkflowStatus.Finished, traject.Status);
        Assert.Equal("netwerkberaad", traject.Variables["zwaarsteRoute"]);
        Assert.Empty(await engine.Store.GetBookmarksAsync(traject.Id));
        Assert.Equal(WorkflowStatus.Finished, (await engine.InstanceAsync(Casus, "rvt-netwerkberaad")).Status);
    }

    [Fact]
    public async Task Netwerkberaad_PlansAgain_WhenEvaluatieAsksForANewOne()
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Netwerkberaad");
        await HoldNetwerkberaadAsync(engine);
        await engine.AdvanceAsync(TimeSpan.FromDays(42));

        await engine.CompleteAsync(Casus, "Evaluatie netwerkberaad: werken de afspraken?", "Nieuw netwerkberaad");

        var plannen = await engine.TaskAsync(Casus, NetwerkberaadPlannen);
        Assert.Equal(Inbrenger, plannen.Assignee);
        // 10 werkdagen from Monday 13 April, 11:00 CEST: Koningsdag (27 April) is skipped.
        Assert.Equal(new DateTimeOffset(2026, 4, 28, 9, 0, 0, TimeSpan.Zero), plannen.DueAt);
        Assert.Equal(WorkflowStatus.Suspended, (await engine.InstanceAsync(Casus, "rvt-netwerkberaad")).Status);
        Assert.Single(await engine.Store.FindInstancesByCorrelationAsync(Casus), i => i.DefinitionId == "rvt-netwerkberaad");
    }

    internal static async Task HoldNetwerkberaadAsync(ScenarioEngine engine, string casus = Casus)
    {
        await engine.CompleteAsync(casus, NetwerkberaadPlannen, "Gepland", Form(("datum", "2026-03-12")));
        await engine.CompleteAsync(casus, "Formeel netwerk uitnodigen voor het netwerkberaad", "Uitgenodigd", Form(("organisaties", "wijkteam")));
        await engine.CompleteAsync(casus, "Informeel netwerk uitnodigen voor het netwerkberaad", "Uitgenodigd", Form(("rollen", "oom")));
        await engine.CompleteAsync(casus, "Netwerkberaad houden en afspraken maken", "Gehouden", Afspraken());
        await engine.CompleteAsync(casus, "Afspraken op de Veiligheidskaart zetten", "Bijgewerkt");
    }

    [Theory]
    [InlineData("Iemand gevonden", "uitgenodigd")]
    [InlineData("Nog niemand", "nog niemand")]
    public async Task FamilyWithNobodyYet_LooksTogetherForWhoCouldBeThere_AndTheBeraadGoesOnEitherWay(string gezocht, string stand)
    {
        await using var engine = ScenarioEngine.Start();
        await StartAtRouteAsync(engine, Casus, "Netwerkberaad");
        await engine.CompleteAsync(Casus, NetwerkberaadPlannen, "Gepland", Form(("datum", "2026-03-20")));
        await engine.CompleteAsync(Casus, FormeelUitnodigen, "Uitgenodigd", Form(("organisaties", "wijkteam, school")));
        var informeel = await engine.TaskAsync(Casus, InformeelUitnodigen);

        var zonderRollen = await engine.Runtime.CompleteTaskAsync(informeel.Id, "Uitgenodigd", Form(("aantal", 0)), Inbrenger);
        Assert.Equal(["rollen"], zonderRollen.FieldErrors!.Keys);
        await engine.CompleteAsync(Casus, InformeelUitnodigen, "Nog niemand in beeld");
        var zoeken = await engine.TaskAsync(Casus, "Samen met het gezin zoeken wie er kan zijn");
        Assert.Equal(Inbrenger, zoeken.Assignee);
        await engine.CompleteAsync(Casus, zoeken.Title, gezocht, Form(("mogelijkheden", "buurvrouw, de voetbalclub, een maatje via de vrijwilligerscentrale")));

        if (gezocht == "Iemand gevonden")
        {
            // Back to inviting, now with who was found; someone carrying too much is named with what would ease it.
            var again = await engine.TaskAsync(Casus, InformeelUitnodigen);
            var overbelast = await engine.Runtime.CompleteTaskAsync(again.Id, "Uitgenodigd",
                Form(("rollen", "buurvrouw"), ("watDoenZeAl", "Haalt de kinderen soms van school"), ("overbelast", "ja")), Inbrenger);
            Assert.Equal(["overbelastToelichting"], overbelast.FieldErrors!.Keys);
            await engine.CompleteAsync(Casus, InformeelUitnodigen, "Uitgenodigd", Form(("rollen", "buurvrouw"),
                ("watDoenZeAl", "Haalt de kinderen soms van school"), ("overbelast", "ja"), ("overbelastToelichting", "Grootmoeder: zorgt ook voor opa; de buurvrouw neemt de woensdag over")));
        }

        await engine.TaskAsync(Casus, "Netwerkberaad houden en afspraken maken");
        Assert.Equal(stand, await VariableAsync(engine, Casus, "informeelStand", "rvt-netwerkberaad"));
    }

    private const string FormeelUitnodigen = "Formeel netwerk uitnodigen voor het netwerkberaad";
    private const string InformeelUitnodigen = "Informeel netwerk uitnodigen voor het netwerkberaad";
}
